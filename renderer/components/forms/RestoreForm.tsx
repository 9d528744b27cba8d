// Process: renderer. Restore from a JSON backup: pick the file, then restore it into an empty sphere or merge it
// into this one. What is wrong with a file (not a backup, from a newer Sphere) is said here and nothing changes.
import { useState, type FormEvent } from 'react';
import { Dialog, saveOrExplain } from './Dialog.tsx';

/** Far above a real sphere's backup, and what the window can hand the host in one message. */
const MAX_BYTES = 60 * 1024 * 1024;

export function RestoreForm({ empty, onRestore, onClose }: { empty: boolean; onRestore(backup: unknown, merge: boolean): Promise<void>; onClose(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [merge, setMerge] = useState(!empty);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setFailure('Choose a backup file first.');
    if (file.size > MAX_BYTES) return setFailure(`${file.name} is ${Math.round(file.size / 1e6)} MB, more than a backup can be here; restore it with npm run cli -- restore.`);
    setBusy(true);
    await saveOrExplain(async () => {
      let backup: unknown;
      try {
        backup = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
      } catch {
        throw new Error(`${file.name} is not a JSON backup.`);
      }
      await onRestore(backup, merge);
    }, setFailure, onClose);
    setBusy(false);
  };
  return (
    <Dialog title="Restore from a JSON backup" testId="restore-form" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label className="field"><span>Backup file</span><input type="file" accept=".json,application/json" data-testid="restore-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></label>
        <fieldset className="field">
          <legend>How</legend>
          <label><input type="radio" name="restore-how" checked={!merge} disabled={!empty} onChange={() => setMerge(false)} data-testid="restore-whole" /> Restore it as it was{empty ? '' : ' (only into an empty sphere)'}</label>
          <label><input type="radio" name="restore-how" checked={merge} onChange={() => setMerge(true)} data-testid="restore-merge" /> Merge it into this sphere: the newer edit of each field wins, nobody is added twice</label>
        </fieldset>
        {failure ? <p className="failure" role="alert">{failure}</p> : null}
        <div className="actions"><button type="button" onClick={onClose}>Cancel</button><button type="submit" className="primary" disabled={busy} data-testid="restore-save">Restore</button></div>
      </form>
    </Dialog>
  );
}
