// Process: renderer. The Import dialog: choose a file → check the format and mapping → review duplicates and bad
// rows → confirm → one host command → summary. Reading and planning run in a worker with a progress bar and a
// Cancel; nothing reaches the store until the user confirms, and a Cancel while saving takes the step back.
import { useEffect, useMemo, useRef, useState } from 'react';
import { MAX_IMPORT_BYTES } from '../../../shared/import/decode-text.ts';
import type { FieldTarget, ImportOptions } from '../../../shared/import/import-mapping.ts';
import { countImport, type ImportSummary, type PlanReview, type Resolution } from '../../../shared/import/import-plan.ts';
import { FORMAT_LABELS, type ImportFormat } from '../../../shared/import/import-table.ts';
import { phoneRegion } from '../../../shared/import/phone-number.ts';
import type { CommandContext } from '../../commands/command.ts';
import { importContacts } from '../../commands/import-contacts.ts';
import { ImportCancelled, ImportWorker } from '../../import/import-worker-client.ts';
import type { ReadSummary } from '../../import/import-worker-protocol.ts';
import { Dialog } from '../forms/Dialog.tsx';
import { ImportMappingStep } from './ImportMappingStep.tsx';
import { ImportReviewStep } from './ImportReviewStep.tsx';

type Phase =
  | { step: 'choose' }
  | { step: 'reading' }
  | { step: 'map' }
  | { step: 'planning'; done: number; total: number }
  | { step: 'review'; review: PlanReview }
  | { step: 'saving'; count: number }
  | { step: 'done'; summary: ImportSummary; label: string | null };

const FORMATS: (ImportFormat | 'auto')[] = ['auto', 'google', 'outlook', 'linkedin', 'csv', 'vcard'];

/** The user's country from the browser's language (en-US → US), for phone numbers written without +code. */
const browserRegion = () => /-([A-Z]{2})\b/.exec(navigator.language)?.[1] ?? '';

export function ImportDialog({ app, onClose }: { app: CommandContext; onClose(): void }) {
  const worker = useRef<ImportWorker>(null);
  worker.current ??= new ImportWorker();
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const [failure, setFailure] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const [summary, setSummary] = useState<ReadSummary | null>(null);
  const [mapping, setMapping] = useState<FieldTarget[]>([]);
  const [options, setOptions] = useState<Omit<ImportOptions, 'region'>>({ category: 'acquaintance', ring: 'know' });
  const [region, setRegion] = useState(browserRegion);
  const [choices, setChoices] = useState<Map<number, Resolution>>(new Map());
  const [forAll, setForAll] = useState<Resolution>('merge');
  const [onError, setOnError] = useState<'skip' | 'stop'>('skip');
  const cancelledSave = useRef(false);
  const fullOptions: ImportOptions = { ...options, region: phoneRegion(region) };

  useEffect(() => () => worker.current?.cancel(), []);

  const read = async (chosen: File, as: ImportFormat | 'auto') => {
    setFailure(null);
    if (chosen.size > MAX_IMPORT_BYTES) {
      setFailure(`${chosen.name} is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; an import takes at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`);
      return setPhase({ step: 'choose' });
    }
    setPhase({ step: 'reading' });
    try {
      const read = await worker.current!.read(await chosen.arrayBuffer(), as);
      setSummary(read);
      setMapping(read.mapping);
      if (read.format === 'linkedin') setOptions((o) => ({ ...o, category: 'business' }));
      setPhase({ step: 'map' });
    } catch (err) {
      if (!(err instanceof ImportCancelled)) setFailure((err as Error).message);
      setPhase({ step: 'choose' });
    }
  };

  const plan = async () => {
    setFailure(null);
    if (!mapping.some((t) => t === 'name' || t === 'firstName' || t === 'lastName' || t === 'organisation' || t === 'email' || t === 'phone')) {
      return setFailure('Map at least one column to a name, an organisation, an email or a phone: a contact needs one of them.');
    }
    setPhase({ step: 'planning', done: 0, total: summary!.rows });
    const existing = app.docs.contacts.map(({ id, name, organisation, emails, phones }) => ({ id, name, emails, phones, ...(organisation ? { organisation } : {}) }));
    try {
      const planned = await worker.current!.plan(mapping, fullOptions, existing, (done, total) => setPhase({ step: 'planning', done, total }));
      setChoices(new Map());
      setPhase({ step: 'review', review: planned });
    } catch (err) {
      if (err instanceof ImportCancelled) return cancelled();
      setFailure((err as Error).message);
      setPhase({ step: 'map' });
    }
  };

  const review = phase.step === 'review' ? phase.review : null;
  const counts = useMemo(() => (review ? { ...countImport(review, (i) => choices.get(i) ?? forAll), errors: review.errors } : null), [review, choices, forAll]);

  const confirm = async () => {
    if (!counts || !review) return;
    cancelledSave.current = false;
    setPhase({ step: 'saving', count: counts.imported + counts.merged });
    try {
      const finished = await worker.current!.finish(choices, forAll);
      if (cancelledSave.current) return cancelled();
      const step = await app.history.perform(() => importContacts(app.edit, file?.name ?? 'a file', finished.batch));
      if (cancelledSave.current) {
        // The host had already stored it all in one transaction: the step is taken back as a whole.
        if (step) await app.history.undo();
        return cancelled();
      }
      setPhase({ step: 'done', summary: finished.summary, label: step?.label ?? null });
    } catch (err) {
      if (err instanceof ImportCancelled) return cancelled();
      setFailure(`Nothing was imported: ${(err as Error).message}`);
      setPhase({ step: 'review', review });
    }
  };

  function cancelled() {
    app.say('Import cancelled: nothing was added to your sphere.');
    onClose();
  }

  const cancel = () => {
    if (phase.step === 'saving') {
      cancelledSave.current = true;
      return;
    }
    worker.current?.cancel();
    if (phase.step === 'reading' || phase.step === 'planning') return cancelled();
    onClose();
  };

  const busy = phase.step === 'reading' || phase.step === 'planning' || phase.step === 'saving';
  const stopped = review !== null && onError === 'stop' && review.errors.length > 0;
  return (
    <Dialog title="Import contacts" testId="import-dialog" onClose={busy ? cancel : onClose}>
      <div className="import">
        {phase.step === 'choose' ? (
          <section className="import-choose" data-testid="import-empty">
            <p>Choose a file exported from Google Contacts, Outlook, LinkedIn (Connections.csv), Apple Contacts or your phone (vCard, .vcf), or any spreadsheet saved as CSV.</p>
            <p className="muted">You will see how its columns are read and who is already in your sphere before anything is added. One Undo takes a whole import back.</p>
            <div className="row">
              <label className="field"><span>File</span>
                <input type="file" data-testid="import-file" accept=".csv,.vcf,.vcard,.txt,text/csv,text/vcard,text/x-vcard"
                  onChange={(e) => { const f = e.target.files?.[0]; if (f) { setFile(f); void read(f, format); } }} />
              </label>
              <label className="field"><span>Format</span>
                <select data-testid="import-format" value={format} onChange={(e) => { const f = e.target.value as ImportFormat | 'auto'; setFormat(f); if (file) void read(file, f); }}>
                  {FORMATS.map((f) => <option key={f} value={f}>{f === 'auto' ? 'Tell from the file' : FORMAT_LABELS[f]}</option>)}
                </select>
              </label>
            </div>
          </section>
        ) : null}
        {phase.step === 'reading' ? <Progress text={`Reading ${file?.name ?? 'the file'}…`} /> : null}
        {phase.step === 'map' && summary && file ? (
          <ImportMappingStep file={file.name} summary={summary} mapping={mapping} onMapping={setMapping} options={fullOptions} region={region} onRegion={setRegion}
            onOptions={(o) => setOptions((prev) => ({ ...prev, ...o }))} />
        ) : null}
        {phase.step === 'planning' ? <Progress text={`Checking ${phase.done.toLocaleString()} of ${phase.total.toLocaleString()} rows for duplicates…`} done={phase.done} total={phase.total} /> : null}
        {phase.step === 'review' && counts ? (
          <ImportReviewStep review={phase.review} choices={choices} forAll={forAll} summary={counts} onError={onError} onOnError={setOnError}
            onChoice={(i, c) => setChoices((m) => new Map(m).set(i, c))} onForAll={(c) => { setForAll(c); setChoices(new Map()); }} />
        ) : null}
        {phase.step === 'saving' ? <Progress text={`Saving ${phase.count.toLocaleString()} contacts…`} /> : null}
        {phase.step === 'done' ? (
          <p className="import-summary" data-testid="import-summary" role="status">
            Imported {phase.summary.imported.toLocaleString()}, merged {phase.summary.merged.toLocaleString()}, skipped {phase.summary.skipped.toLocaleString()}
            {phase.summary.errors.length ? `; ${phase.summary.errors.length.toLocaleString()} row${phase.summary.errors.length === 1 ? '' : 's'} could not be imported` : ''}.
            {phase.label ? ' Undo takes the whole import back.' : ' Nothing needed to change.'}
          </p>
        ) : null}
        {failure ? <p className="failure" role="alert" data-testid="import-failure">{failure}</p> : null}
        <div className="actions">
          {phase.step === 'map' ? <button type="button" onClick={() => { setPhase({ step: 'choose' }); setSummary(null); }}>Back</button> : null}
          {phase.step === 'review' ? <button type="button" onClick={() => setPhase({ step: 'map' })}>Back</button> : null}
          {phase.step === 'done' ? null : <button type="button" data-testid="import-cancel" onClick={cancel}>Cancel</button>}
          {phase.step === 'map' ? <button type="button" className="primary" data-testid="import-next" onClick={() => void plan()}>Next: check duplicates</button> : null}
          {phase.step === 'review' ? <button type="button" className="primary" data-testid="import-confirm" disabled={stopped} onClick={() => void confirm()}>Import</button> : null}
          {phase.step === 'done' ? <button type="button" className="primary" data-testid="import-close" onClick={onClose}>Close</button> : null}
        </div>
      </div>
    </Dialog>
  );
}

function Progress({ text, done, total }: { text: string; done?: number; total?: number }) {
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <p>{text}</p>
      {done !== undefined && total ? <progress value={done} max={total} /> : <progress />}
    </div>
  );
}
