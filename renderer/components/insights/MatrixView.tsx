// Process: renderer. The relationship-sales matrix as a heat table: rings down, categories across. Does revenue
// grow as relationships deepen? Clicking a cell shows those people on the sphere.
import { CATEGORIES, CATEGORY_LABELS, RING_LABELS, RINGS } from '../../../shared/domain/sphere.ts';
import type { MatrixCell } from '../../../shared/insights/matrix.ts';
import { useSaveInsight } from './save-context.ts';
import { moneyText } from './insight-format.ts';
import { saveTablePng } from './table-image.ts';

type Props = { cells: MatrixCell[]; base: string; onCell(cell: MatrixCell): void };

export function MatrixView({ cells, base, onCell }: Props) {
  const at = (ring: string, category: string) => cells.find((c) => c.ring === ring && c.category === category)!;
  const top = Math.max(1, ...cells.map((c) => c.revenue[base] ?? 0));
  const { save, saveCsv } = useSaveInsight();
  const header = ['Ring', 'Category', 'Contacts', 'Deals', 'Referrals', 'Revenue', 'Average deal'];
  const rows = () => cells.map((c) => [RING_LABELS[c.ring], CATEGORY_LABELS[c.category], c.contacts, c.deals, c.referrals, moneyText(c.revenue, base), moneyText(c.averageDeal, base)]);
  return (
    <div data-testid="matrix">
      <p className="muted">Revenue, deals and referrals by how deep the relationship is. Darker cells brought more ({base}). Click a cell to see those people on the sphere.</p>
      <table className="matrix-table">
        <caption className="visually-hidden">Relationship-sales matrix</caption>
        <thead><tr><th scope="col">Ring</th>{CATEGORIES.map((c) => <th key={c} scope="col">{CATEGORY_LABELS[c]}</th>)}</tr></thead>
        <tbody>
          {RINGS.map((ring) => (
            <tr key={ring}>
              <th scope="row">{RING_LABELS[ring]}</th>
              {CATEGORIES.map((category) => {
                const cell = at(ring, category);
                const heat = (cell.revenue[base] ?? 0) / top;
                return (
                  // Dark text on every cell: the heat stays light enough for it (contrast above 4.5:1 at the darkest).
                  <td key={category} style={{ background: `rgba(47, 111, 176, ${0.06 + heat * 0.36})` }}>
                    <button type="button" className="cell" onClick={() => onCell(cell)} disabled={cell.contacts === 0} data-testid={`matrix-${ring}-${category}`}
                      aria-label={`${RING_LABELS[ring]} ${CATEGORY_LABELS[category]}: ${cell.contacts} contacts, ${cell.deals} deals, ${moneyText(cell.revenue, base)}`}>
                      <strong>{moneyText(cell.revenue, base)}</strong>
                      <small>{cell.contacts} people · {cell.deals} deals · {cell.referrals} referrals</small>
                      {cell.deals ? <small>avg {moneyText(cell.averageDeal, base)}</small> : null}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="insight-actions">
        <button type="button" onClick={() => saveCsv('relationship-sales-matrix.csv', header, rows())}>CSV</button>
        <button type="button" onClick={() => saveTablePng(save, 'relationship-sales-matrix.png', 'Relationship-sales matrix', header, rows())}>PNG</button>
      </div>
    </div>
  );
}
