// Process: renderer. The day a record happened, as a date field shows it: picked in the user's zone, stored at noon.
import { dayInZone, isFutureDay, localNoon, localOffset, localToday } from '../../../shared/domain/local-date.ts';

/** The calendar day `at` fell on where the user is now. */
export function dayOf(at: number): string {
  return dayInZone(at, localOffset(at));
}

/** The moment to store for a picked day, or the reason it cannot be stored. */
export function pickedDay(day: string, what: string): number | string {
  const at = localNoon(day);
  if (at === null) return `Choose the day of the ${what}.`;
  if (isFutureDay(day)) return `A ${what} cannot be in the future.`;
  return at;
}

export function DayField({ value, onChange, testId }: { value: string; onChange(day: string): void; testId: string }) {
  return <label className="field"><span>Day</span><input type="date" data-testid={testId} value={value} max={localToday()} onChange={(e) => onChange(e.target.value)} /></label>;
}

/** Save, Delete and Cancel: a record's dialog can take it out as well as correct it (both undoable). */
export function EditActions({ testId, deleteLabel, onDelete, onClose }: { testId: string; deleteLabel: string; onDelete(): void; onClose(): void }) {
  return (
    <div className="actions">
      <button type="button" className="danger" data-testid={`${testId}-delete`} onClick={onDelete}>{deleteLabel}</button>
      <span className="spacer" />
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="submit" className="primary" data-testid={`${testId}-save`}>Save</button>
    </div>
  );
}
