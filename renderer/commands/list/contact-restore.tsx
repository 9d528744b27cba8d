// Process: renderer. Recently deleted: the contacts deleted here or by a teammate, from the host's journal, each
// restorable in one step (with the ties, touches and deals that went with it) that one undo takes back.
import { useEffect, useState } from 'react';
import type { DeletedContactSummary } from '../../../shared/history.ts';
import { Dialog } from '../../components/forms/Dialog.tsx';
import { defineCommand, type CommandContext, type DialogProps } from '../command.ts';
import { hostStepOrThrow } from '../host-step.ts';

function byWhom(d: DeletedContactSummary): string {
  if (d.here) return 'by you';
  return d.by.startsWith('device-') ? 'on another device' : `by ${d.by}`;
}

function withIt(d: DeletedContactSummary): string {
  const parts = [[d.ties, 'tie'], [d.touches, 'touch'], [d.deals, 'deal']].filter(([n]) => Number(n) > 0).map(([n, noun]) => `${n} ${noun}${n === 1 ? '' : noun === 'touch' ? 'es' : 's'}`);
  return parts.length ? ` · with ${parts.join(', ')}` : '';
}

async function restore(app: CommandContext, d: DeletedContactSummary): Promise<void> {
  await app.perform(() => hostStepOrThrow(app.edit, { type: 'contact.restore', contactId: d.contactId }), `Restored ${d.name}. (Ctrl+Z to undo)`);
  app.select(d.contactId);
}

function RecentlyDeleted({ app, onClose }: DialogProps<undefined>) {
  const [deleted, setDeleted] = useState<DeletedContactSummary[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    app.edit.api.call('history.deleted').then(setDeleted, (err: Error) => setFailure(err.message));
  }, [app.edit.api]);
  return (
    <Dialog title="Recently deleted" testId="recently-deleted" onClose={onClose}>
      {failure ? <p className="error" role="alert">{failure}</p> : null}
      {deleted === null && !failure ? <p className="muted">Reading the history…</p> : null}
      {deleted?.length === 0 ? <p className="muted">Nobody deleted is waiting here: contacts deleted on this device or by a teammate appear in this list.</p> : null}
      {deleted?.length ? (
        <ul className="deleted-list">
          {deleted.map((d) => (
            <li key={d.contactId} data-testid="deleted-contact">
              <span><strong>{d.name}</strong> <small>deleted {byWhom(d)}, {new Date(d.at).toLocaleString()}{withIt(d)}</small></span>
              <button type="button" data-testid="restore-contact" onClick={() => {
                setFailure(null);
                restore(app, d).then(onClose, (err: Error) => setFailure(err.message));
              }}>Restore</button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </Dialog>
  );
}

export default defineCommand('contact.restore', {
  run: (_app, open) => open(undefined),
  dialog: RecentlyDeleted,
});
