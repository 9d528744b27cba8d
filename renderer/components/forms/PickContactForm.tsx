// Process: renderer. Choose another contact by name: for referrals, links and merges.
import { useMemo, useState, type FormEvent } from 'react';
import type { ContactDoc } from '../../../shared/schemas/index.ts';
import { Dialog, saveOrExplain } from './Dialog.tsx';

type Props = {
  title: string;
  label: string;
  action: string;
  testId: string;
  candidates: ContactDoc[];
  withNote?: boolean;
  onSave(otherId: string, note: string): Promise<void>;
  onClose(): void;
};

export function PickContactForm({ title, label, action, testId, candidates, withNote, onSave, onClose }: Props) {
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  // Names can repeat; the option shows the organisation too, and the value is resolved back to one id.
  const options = useMemo(() => candidates.map((c) => ({ id: c.id, text: c.organisation ? `${c.name} (${c.organisation})` : c.name })).sort((a, b) => a.text.localeCompare(b.text)), [candidates]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const match = options.find((o) => o.text === text.trim()) ?? options.filter((o) => o.text.toLowerCase().startsWith(text.trim().toLowerCase()))[0];
    if (!text.trim() || !match) return setFailure('Choose someone from your sphere (start typing their name).');
    void saveOrExplain(() => onSave(match.id, note), setFailure, onClose);
  };
  return (
    <Dialog title={title} testId={testId} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <label className="field"><span>{label}</span>
          <input list={`${testId}-people`} data-testid={`${testId}-person`} value={text} onChange={(e) => setText(e.target.value)} autoFocus autoComplete="off" />
          <datalist id={`${testId}-people`}>{options.map((o) => <option key={o.id} value={o.text} />)}</datalist>
        </label>
        {withNote ? <label className="field"><span>Note</span><input data-testid={`${testId}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} /></label> : null}
        {failure ? <p className="failure" role="alert">{failure}</p> : null}
        <div className="actions"><button type="button" onClick={onClose}>Cancel</button><button type="submit" className="primary" data-testid={`${testId}-save`}>{action}</button></div>
      </form>
    </Dialog>
  );
}
