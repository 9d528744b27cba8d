// Process: renderer. Put a backup in place of the sphere: the backups listed newest first, and a question before
// anything is replaced. The host keeps the current file beside the backups, so a restore can be undone by hand.
import { useEffect, useState } from 'react';
import type { AppApiClient, Backup } from '../../../shared/app-api.ts';
import { Dialog } from './Dialog.tsx';

export function RestoreBackupForm({ api, onClose }: { api: AppApiClient; onClose(): void }) {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [chosen, setChosen] = useState<Backup | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    api.call('store.listBackups').then((list) => setBackups([...list].sort((a, b) => b.at - a.at)), (err: Error) => setFailure(err.message));
  }, [api]);
  const restore = async (backup: Backup) => {
    setFailure(null);
    try {
      // The host tells every window the store was replaced, and each reloads on it.
      await api.call('store.restoreBackup', { name: backup.name });
    } catch (err) {
      setFailure((err as Error).message);
    }
  };
  return (
    <Dialog title="Restore a backup" testId="restore-backup-form" onClose={onClose}>
      {backups === null && !failure ? <p className="muted">Looking for backups…</p> : null}
      {backups?.length === 0 ? <p>There are no backups yet.</p> : null}
      {backups?.length ? (
        <ul className="backups">
          {backups.map((b) => (
            <li key={b.name} data-testid="backup-row">
              {new Date(b.at).toLocaleString()} ({Math.ceil(b.bytes / 1024)} KB){' '}
              <button type="button" onClick={() => setChosen(b)} aria-label={`Restore the backup of ${new Date(b.at).toLocaleString()}`}>Restore…</button>
            </li>
          ))}
        </ul>
      ) : null}
      {chosen ? (
        <div className="confirm" role="alertdialog" aria-labelledby="restore-backup-question" data-testid="restore-backup-confirm">
          <p id="restore-backup-question">Replace your sphere with the backup of {new Date(chosen.at).toLocaleString()}? Your sphere as it is now is kept beside the backups.</p>
          <div className="actions">
            <button type="button" onClick={() => setChosen(null)} autoFocus>Keep my sphere</button>
            <button type="button" className="danger" onClick={() => void restore(chosen)}>Restore this backup</button>
          </div>
        </div>
      ) : null}
      {failure ? <p className="failure" role="alert">{failure}</p> : null}
      <div className="actions"><button type="button" onClick={onClose}>Close</button></div>
    </Dialog>
  );
}
