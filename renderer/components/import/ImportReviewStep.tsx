// Process: renderer. The Import dialog's third step: the duplicates found (merge, skip or keep both, each or all),
// the rows that cannot be imported with their lines (skip them, or stop), and what confirming will do.
import type { ImportSummary, PlanReview, Resolution } from '../../../shared/import/import-plan.ts';

/** Shown one by one; past these the choice for all applies (a person can still go back and change the mapping). */
const SHOWN = 100;

const CHOICE_LABELS: Record<Resolution, string> = { merge: 'Merge', skip: 'Skip', keep: 'Keep both' };

type Props = {
  review: PlanReview;
  choices: ReadonlyMap<number, Resolution>;
  forAll: Resolution;
  onChoice(entry: number, choice: Resolution): void;
  onForAll(choice: Resolution): void;
  onError: 'skip' | 'stop';
  onOnError(choice: 'skip' | 'stop'): void;
  summary: ImportSummary;
};

export function ImportReviewStep({ review, choices, forAll, onChoice, onForAll, onError, onOnError, summary }: Props) {
  const { duplicates, errors } = review;
  return (
    <>
      <h3>Duplicates ({duplicates.length.toLocaleString()})</h3>
      {duplicates.length === 0 ? <p className="muted">Nobody in the file is already in your sphere, and nobody is in it twice.</p> : (
        <>
          <div className="actions for-all" role="group" aria-label="For all duplicates">
            <span>For all:</span>
            {(['merge', 'skip', 'keep'] as const).map((c) => (
              <button key={c} type="button" aria-pressed={forAll === c && choices.size === 0} data-testid={`duplicates-all-${c}`} onClick={() => onForAll(c)}>{CHOICE_LABELS[c]}</button>
            ))}
          </div>
          <div className="import-scroll">
            <table className="import-table" data-testid="import-duplicates">
              <thead><tr><th>Line</th><th>In the file</th><th>Same person as</th><th>By</th><th>Do</th></tr></thead>
              <tbody>
                {duplicates.slice(0, SHOWN).map(({ index, line, name, match }) => (
                  <tr key={index}>
                    <td>{line}</td>
                    <td>{name}</td>
                    <td>{match.kind === 'store' ? `${match.name} (in your sphere)` : `${match.name} (line ${match.line})`}</td>
                    <td>{match.reason}</td>
                    <td>
                      <select aria-label={`Line ${line}`} data-testid={`duplicate-${line}`} value={choices.get(index) ?? forAll} onChange={(e) => onChoice(index, e.target.value as Resolution)}>
                        {(['merge', 'skip', 'keep'] as const).map((c) => <option key={c} value={c}>{CHOICE_LABELS[c]}</option>)}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {duplicates.length > SHOWN ? <p className="muted">…and {(duplicates.length - SHOWN).toLocaleString()} more, which follow the choice for all.</p> : null}
        </>
      )}
      <h3>Rows that cannot be imported ({errors.length.toLocaleString()})</h3>
      {errors.length === 0 ? <p className="muted">Every row can be imported.</p> : (
        <>
          <ul className="import-errors" data-testid="import-errors">
            {errors.slice(0, SHOWN).map((e, i) => <li key={i}>Line {e.line}: {e.reason}</li>)}
            {errors.length > SHOWN ? <li>…and {(errors.length - SHOWN).toLocaleString()} more.</li> : null}
          </ul>
          <div className="actions on-error" role="radiogroup" aria-label="Rows that cannot be imported">
            <label className="check"><input type="radio" name="on-error" data-testid="errors-skip" checked={onError === 'skip'} onChange={() => onOnError('skip')} />Skip them and import the rest</label>
            <label className="check"><input type="radio" name="on-error" data-testid="errors-stop" checked={onError === 'stop'} onChange={() => onOnError('stop')} />Stop: import nothing, so I can fix the file</label>
          </div>
        </>
      )}
      <p className="import-outcome" data-testid="import-outcome">
        {onError === 'stop' && errors.length > 0
          ? 'Nothing will be imported. Fix the lines above and choose the file again.'
          : `Import will add ${summary.imported.toLocaleString()}, merge ${summary.merged.toLocaleString()} and skip ${summary.skipped.toLocaleString()}${errors.length ? `, leaving out ${errors.length.toLocaleString()} bad row${errors.length === 1 ? '' : 's'}` : ''}. One Undo takes it all back.`}
      </p>
    </>
  );
}
