// Process: renderer. Edit and Delete beside a record in the detail panel, named for the record for screen readers.
import type { RecordRef } from '../../commands/record-actions.ts';

export type RecordHandlers = { onEdit(ref: RecordRef): void; onDelete(ref: RecordRef): void };

export function RecordButtons({ record, what, handlers, deleteLabel = 'Delete' }: { record: RecordRef; what: string; handlers: RecordHandlers; deleteLabel?: string }) {
  return (
    <span className="record-buttons">
      <button type="button" data-testid={`${record.kind}-edit`} aria-label={`Edit ${what}`} title={`Edit ${what}`} onClick={() => handlers.onEdit(record)}>Edit</button>
      <button type="button" className="danger" data-testid={`${record.kind}-delete`} aria-label={`${deleteLabel} ${what}`} title={`${deleteLabel} ${what} (undo brings it back)`} onClick={() => handlers.onDelete(record)}>{deleteLabel}</button>
    </span>
  );
}

/** A person named in a record: a button that opens them in the panel. */
export function PersonLink({ id, name, onOpen }: { id: string; name: string | undefined; onOpen(id: string): void }) {
  if (!name) return <span className="muted">someone no longer in your sphere</span>;
  return <button type="button" className="link person" data-testid="open-person" onClick={() => onOpen(id)}>{name}</button>;
}
