// Process: renderer. Explains every encoding on the graph, and switches each kind of tie on or off.
import { CATEGORIES, CATEGORY_LABELS, TIE_KINDS, type TieKind } from '../../shared/domain/sphere.ts';
import { CATEGORY_COLOURS, TIE_COLOURS, TIE_LABELS } from '../graph/sphere-style.ts';

type Props = { visibleTies: Record<TieKind, boolean>; onToggle(kind: TieKind): void };

export function Legend({ visibleTies, onToggle }: Props) {
  return (
    <details className="legend" open aria-label="Legend">
      <summary>Legend</summary>
      <h3>Categories</h3>
      <ul>
        {CATEGORIES.map((c) => (
          <li key={c}><span className="dot" style={{ background: CATEGORY_COLOURS[c] }} />{CATEGORY_LABELS[c]}</li>
        ))}
      </ul>
      <h3>Shapes and size</h3>
      <ul>
        <li><span className="glyph">★</span>Center of influence</li>
        <li><span className="glyph">⬢</span>Host-beneficiary partner</li>
        <li><span className="dot small" /><span className="dot" />Larger = more trust</li>
      </ul>
      <h3>Ties</h3>
      <ul>
        {TIE_KINDS.map((kind) => (
          <li key={kind}>
            <label>
              <input type="checkbox" checked={visibleTies[kind]} onChange={() => onToggle(kind)} data-testid={`tie-toggle-${kind}`} />
              <span className="line" style={{ borderColor: TIE_COLOURS[kind], borderStyle: kind === 'influence' ? 'dashed' : kind === 'partner' ? 'dotted' : 'solid' }} />
              {TIE_LABELS[kind]}
            </label>
          </li>
        ))}
      </ul>
    </details>
  );
}
