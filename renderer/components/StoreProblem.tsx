// Process: renderer. Tells the user their store could not be opened, that nothing was lost, and what they can do;
// and, while the store is open, what holds it back: read-only, or documents that could not be read.
import { useState } from 'react';
import { describeCounts, describeSize } from './forms/BackupsForm.tsx';
import { forgetRestoreNotice, leaveRestoreNotice } from '../commands/restore-notice.ts';
import type { AppApiClient, Backup, StoreProblem as Problem, StoreStatus } from '../../shared/app-api.ts';

export function StoreProblem({ problem, api, onDismiss }: { problem: Problem; api: AppApiClient; onDismiss(): void }) {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const restore = async (b: Backup) => {
    // Never unasked: the user sees what the backup holds before it replaces the (fresh) store.
    if (!b.counts || !window.confirm(`Restore the backup of ${new Date(b.at).toLocaleString()}? It holds ${describeCounts(b.counts)}.`)) return;
    leaveRestoreNotice(`Restored the backup of ${new Date(b.at).toLocaleString()}: ${describeCounts(b.counts)}.`);
    try {
      await api.call('store.restoreBackup', { name: b.name });
      window.location.reload();
    } catch (err) {
      forgetRestoreNotice();
      setError((err as Error).message);
    }
  };
  return (
    <div className="banner warning" role="alert" data-testid="store-problem">
      <p>
        <strong>Your sphere file could not be opened:</strong> {problem.reason}. It was kept, untouched, as <code>{problem.setAsideAs}</code> (with its
        write-ahead log, if it had one); nothing was deleted. Sphere started a fresh, empty file on {new Date(problem.at).toLocaleString()}.
      </p>
      <div className="actions">
        <button type="button" onClick={async () => { await api.call('store.dismissProblem'); onDismiss(); }}>Start fresh</button>
        <button type="button" onClick={async () => setBackups(await api.call('store.listBackups'))}>Restore a backup…</button>
      </div>
      {backups ? (
        backups.length === 0 ? <p>There are no backups yet.</p> : (
          <ul className="backups">
            {backups.map((b) => (
              <li key={b.name}>
                {new Date(b.at).toLocaleString()} ({describeSize(b.bytes)}): {b.counts ? describeCounts(b.counts) : 'cannot be read'}{' '}
                <button type="button" data-testid="problem-restore" disabled={!b.counts} onClick={() => restore(b)}>Restore…</button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {error ? <p className="failure">{error}</p> : null}
    </div>
  );
}

const SINGULAR: Record<string, string> = { contacts: 'contact', ties: 'tie', touches: 'touch', deals: 'deal', settings: 'setting' };

/** "1 contact could not be read; it is kept for repair", one clause per collection. */
export function unreadableText(unreadable: NonNullable<StoreStatus['unreadable']>): string {
  return unreadable
    .map(({ collection, count }) => `${count.toLocaleString()} ${count === 1 ? (SINGULAR[collection] ?? collection) : collection} could not be read; ${count === 1 ? 'it is' : 'they are'} kept for repair`)
    .join('. ');
}

/** What the open store cannot do: be written (and why), or show every document it holds. */
export function StoreNotices({ status }: { status: StoreStatus }) {
  const unreadable = status.unreadable ?? [];
  if (!status.readOnly && unreadable.length === 0) return null;
  return (
    <>
      {status.readOnly ? (
        <div className="banner warning" role="status" data-testid="store-read-only">
          <p>
            <strong>Read-only:</strong> {status.readOnly}. You can look at your sphere, but nothing you change can be saved until that is fixed and Sphere is started again.
          </p>
        </div>
      ) : null}
      {unreadable.length > 0 ? (
        <div className="banner warning" role="status" data-testid="store-unreadable">
          <p>
            {unreadableText(unreadable)}, untouched, in <code>{status.file}</code>. Everything else is shown.
          </p>
        </div>
      ) : null}
    </>
  );
}
