// Process: renderer. Settings → Backups: the store's backups with what each holds, a backup made on demand, and a
// restore that names what the user gets (and what they have now) before anything is replaced.
import { useEffect, useState } from 'react';
import type { AppApiClient, Backup, BackupCounts } from '../../../shared/app-api.ts';
import { forgetRestoreNotice, leaveRestoreNotice } from '../../commands/restore-notice.ts';
import { Dialog } from './Dialog.tsx';

type Props = { api: AppApiClient; current: BackupCounts; onClose(): void };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function describeCounts(c: BackupCounts): string {
  return `${plural(c.contacts, 'contact')}, ${plural(c.ties, 'tie')}, ${plural(c.touches, 'touch', 'touches')} and ${plural(c.deals, 'deal')}`;
}

export function describeSize(bytes: number): string {
  // A few bytes read as 1 KB, but an empty file says 0: it is the sign of a copy that never happened.
  return bytes < 1024 * 1024 ? `${bytes === 0 ? 0 : Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// Seconds too: two backups made the same minute (one at launch, one on demand) must be told apart.
const when = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function BackupsForm({ api, current, onClose }: Props) {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [busy, setBusy] = useState<'backing-up' | 'restoring' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Backup | null>(null);

  // Read again after each backup made here; a backup made elsewhere (the palette, launch) shows at the next opening.
  const [listed, setListed] = useState(0);
  useEffect(() => {
    let open = true;
    api.call('store.listBackups').then(
      (list) => open && setBackups(list),
      (err: Error) => open && setError(`The backups could not be listed: ${err.message}`),
    );
    return () => void (open = false);
  }, [api, listed]);

  const backUpNow = async () => {
    setBusy('backing-up');
    setError(null);
    setMessage(null);
    try {
      const made = await api.call('store.backupNow');
      setMessage(`Backed up: ${made.counts ? describeCounts(made.counts) : 'your sphere'} (${describeSize(made.bytes)}).`);
      setListed((n) => n + 1);
    } catch (err) {
      setError(`The backup could not be made: ${(err as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  const restore = async (backup: Backup) => {
    setBusy('restoring');
    setError(null);
    // The host replaces the store and tells every window, which then reloads on the restored sphere: the notice is
    // left first, since the reload can come before this call's answer.
    leaveRestoreNotice(`Restored the backup of ${when(backup.at)}: ${describeCounts(backup.counts!)}. Your sphere as it was is kept in the data folder as sphere.db.before-restore-….`);
    try {
      await api.call('store.restoreBackup', { name: backup.name });
    } catch (err) {
      forgetRestoreNotice();
      setError((err as Error).message);
      setBusy(null);
      setConfirming(null);
    }
  };

  return (
    <Dialog title="Backups" testId="backups-form" onClose={onClose}>
      <p className="muted">Sphere backs your sphere up once a day when it starts, and whenever you ask. The ten newest are kept, and always the newest one that still holds contacts.</p>
      {confirming ? (
        <div role="alertdialog" aria-label="Restore this backup?" data-testid="restore-confirm" className="confirm">
          <p><strong>Restore the backup of {when(confirming.at)}?</strong></p>
          <p data-testid="restore-confirm-counts">It holds {describeCounts(confirming.counts!)}.</p>
          <p>Your sphere now holds {describeCounts(current)}. It is kept in your data folder (as sphere.db.before-restore-…), not deleted, so this can be undone by hand.</p>
          <div className="actions">
            <button type="button" onClick={() => setConfirming(null)} disabled={busy === 'restoring'}>Cancel</button>
            <button type="button" className="danger" data-testid="restore-confirm-yes" onClick={() => void restore(confirming)} disabled={busy === 'restoring'}>
              {busy === 'restoring' ? 'Restoring…' : 'Replace my sphere with this backup'}
            </button>
          </div>
        </div>
      ) : (
        <>
          {backups === null ? <p className="muted">Reading the backups…</p> : backups.length === 0 ? <p data-testid="no-backups">There are no backups yet.</p> : (
            <table className="backup-list" data-testid="backup-list">
              <thead><tr><th>Made</th><th>Size</th><th>Holds</th><th aria-label="Restore" /></tr></thead>
              <tbody>
                {backups.map((b) => (
                  <tr key={b.name} data-testid="backup-row">
                    <td>{when(b.at)}</td>
                    <td>{describeSize(b.bytes)}</td>
                    <td>{b.counts ? describeCounts(b.counts) : <span className="failure">Cannot be read</span>}</td>
                    <td>
                      <button type="button" data-testid="backup-restore" disabled={!b.counts || busy !== null} onClick={() => setConfirming(b)}
                        title={b.counts ? undefined : 'This file is not a whole Sphere backup, so it cannot be restored.'}>Restore…</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {busy === 'backing-up' ? <p role="status" data-testid="backup-progress"><progress /> Backing up…</p> : null}
          {message ? <p role="status" data-testid="backup-made">{message}</p> : null}
          <div className="actions">
            <button type="button" onClick={onClose}>Close</button>
            <button type="button" className="primary" data-testid="backup-now" onClick={() => void backUpNow()} disabled={busy !== null}>Back up now</button>
          </div>
        </>
      )}
      {error ? <p className="failure" role="alert" data-testid="backup-error">{error}</p> : null}
    </Dialog>
  );
}
