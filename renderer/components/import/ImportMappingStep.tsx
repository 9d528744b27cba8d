// Process: renderer. The Import dialog's second step: what the file was taken for, the column mapping the user
// may change, the category, ring and phone region for the people imported, and the first rows as they will be stored.
import { CATEGORIES, CATEGORY_LABELS, RING_LABELS, RINGS, type Category, type Ring } from '../../../shared/domain/sphere.ts';
import { FIELD_LABELS, FIELD_TARGETS, rowToDraft, type FieldTarget, type ImportOptions } from '../../../shared/import/import-mapping.ts';
import { FORMAT_LABELS } from '../../../shared/import/import-table.ts';
import type { ReadSummary } from '../../import/import-worker-protocol.ts';

type Props = {
  file: string;
  summary: ReadSummary;
  mapping: FieldTarget[];
  onMapping(mapping: FieldTarget[]): void;
  options: ImportOptions;
  region: string;
  onRegion(region: string): void;
  onOptions(options: Partial<ImportOptions>): void;
};

export function ImportMappingStep({ file, summary, mapping, onMapping, options, region, onRegion, onOptions }: Props) {
  const setTarget = (i: number, target: FieldTarget) => onMapping(mapping.map((t, k) => (k === i ? target : t)));
  const firstValue = (i: number) => summary.sample.map((r) => r.cells[i]?.trim() ?? '').find((v) => v !== '') ?? '';
  return (
    <>
      <p className="import-found" data-testid="import-detected">
        <strong>{file}</strong>: {FORMAT_LABELS[summary.format]}{summary.variant ? ` (${summary.variant})` : ''}, {summary.encoding}, {summary.rows.toLocaleString()} {summary.format === 'vcard' ? 'cards' : 'rows'}.
      </p>
      <h3>Columns</h3>
      <div className="import-scroll">
        <table className="import-table" data-testid="import-mapping">
          <thead><tr><th>In the file</th><th>First value</th><th>Becomes</th></tr></thead>
          <tbody>
            {summary.columns.map((column, i) => (
              <tr key={i} className={mapping[i] === 'ignore' ? 'ignored' : undefined}>
                <td>{column || `(column ${i + 1})`}</td>
                <td className="sample">{firstValue(i)}</td>
                <td>
                  <select aria-label={`${column} becomes`} data-testid={`map-${i}`} value={mapping[i]} onChange={(e) => setTarget(i, e.target.value as FieldTarget)}>
                    {FIELD_TARGETS.map((t) => <option key={t} value={t}>{FIELD_LABELS[t]}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row three">
        <label className="field"><span>Category{mapping.includes('category') ? ' (where the column is empty)' : ''}</span>
          <select data-testid="import-category" value={options.category} onChange={(e) => onOptions({ category: e.target.value as Category })}>
            {CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>)}
          </select>
        </label>
        <label className="field"><span>Ring{mapping.includes('ring') ? ' (where the column is empty)' : ''}</span>
          <select data-testid="import-ring" value={options.ring} onChange={(e) => onOptions({ ring: e.target.value as Ring })}>
            {RINGS.map((r) => <option key={r} value={r}>{RING_LABELS[r]}</option>)}
          </select>
        </label>
        <label className="field"><span>Phones without +code are in</span>
          <input data-testid="import-region" value={region} maxLength={2} placeholder="US" title="Country code (US, GB, DE…) for numbers written without their +country code" onChange={(e) => onRegion(e.target.value.toUpperCase())} />
        </label>
      </div>
      <h3>Preview: the first rows as they will be stored</h3>
      <div className="import-scroll">
        <table className="import-table" data-testid="import-preview">
          <thead><tr><th>Line</th><th>Name</th><th>Category · ring</th><th>Email</th><th>Phone</th><th>Organisation</th></tr></thead>
          <tbody>
            {summary.sample.map((row) => {
              const outcome = rowToDraft(row, summary.columns, mapping, options);
              if (!outcome.ok) return <tr key={row.line} className="bad"><td>{row.line}</td><td colSpan={5}>Skipped: {outcome.reason}</td></tr>;
              const d = outcome.draft;
              return (
                <tr key={row.line}>
                  <td>{row.line}</td><td>{d.name}</td><td>{CATEGORY_LABELS[d.category]} · {RING_LABELS[d.ring]}</td>
                  <td>{d.emails.join(', ')}</td><td>{d.phones.join(', ')}</td><td>{d.organisation ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
