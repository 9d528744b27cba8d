// Process: renderer. Choose another contact: for referrals, links and merges. Fuzzy search over the sphere, each
// person shown with organisation and email so two people of one name can be told apart, and the choice is always
// the user's: typing alone never picks anyone, however well the text matches.
import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ContactDoc } from '../../../shared/schemas/index.ts';
import { ContactIndex } from '../../../shared/domain/contact-search.ts';
import { useContactIndex } from '../../hooks/useContactIndex.ts';
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

const SHOWN = 8;

/** One index for every picker: each opens on nearly the same people (all but the one it is for). */
const PICKER_INDEX = new ContactIndex();

/** What tells two people of one name apart: where they work and how to reach them. */
export function whoIsWho(c: ContactDoc): string {
  return [c.organisation, c.emails[0], c.emails.length ? undefined : c.phones[0]].filter(Boolean).join(' · ') || 'no organisation or email';
}

export function PickContactForm({ title, label, action, testId, candidates, withNote, onSave, onClose }: Props) {
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [chosen, setChosen] = useState<ContactDoc | null>(null);
  const [active, setActive] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const index = useContactIndex(candidates, PICKER_INDEX);
  const { hits, total } = useMemo(() => index.search(text, SHOWN), [index, text]);
  const listId = `${testId}-people`;

  const choose = (c: ContactDoc) => {
    setChosen(c);
    setText(c.name);
    setFailure(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return setFailure('Choose someone from the list: type part of their name, then click them (or use the arrow keys and Enter).');
    void saveOrExplain(() => onSave(chosen.id, note), setFailure, onClose);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (chosen || hits.length === 0) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((i) => Math.min(hits.length - 1, i + 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => Math.max(0, i - 1)); }
    else if (e.key === 'Enter') {
      // Enter with the list open chooses the highlighted person; it does not save (the dialog would otherwise).
      e.preventDefault();
      e.stopPropagation();
      const hit = hits[active];
      if (hit) choose(hit.contact);
    }
  };
  const open = !chosen && text.trim() !== '';
  return (
    <Dialog title={title} testId={testId} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <label className="field"><span>{label}</span>
          <input data-testid={`${testId}-person`} value={text} autoFocus autoComplete="off" role="combobox" aria-expanded={open && hits.length > 0} aria-controls={listId}
            aria-activedescendant={open && hits[active] ? `${listId}-${hits[active].contact.id}` : undefined}
            onChange={(e) => { setText(e.target.value); setChosen(null); setActive(0); }} onKeyDown={onKey} />
        </label>
        {open && hits.length > 0 ? (
          <ul id={listId} role="listbox" className="pick-list" data-testid={`${testId}-options`} aria-label="Matching people">
            {hits.map((h, i) => (
              <li key={h.contact.id} id={`${listId}-${h.contact.id}`} role="option" aria-selected={i === active} className={i === active ? 'active' : ''}
                data-testid={`${testId}-option`} onMouseDown={(e) => { e.preventDefault(); choose(h.contact); }}>
                <span>{h.contact.name}</span><small>{whoIsWho(h.contact)}</small>
              </li>
            ))}
          </ul>
        ) : null}
        {open && hits.length === 0 ? <p className="muted pick-none">Nobody in your sphere matches “{text.trim()}”.</p> : null}
        {open && total > hits.length ? <p className="muted pick-none">{total - hits.length} more: type more of the name.</p> : null}
        {chosen ? <p className="chosen" data-testid={`${testId}-chosen`}>Chosen: <strong>{chosen.name}</strong> <small>{whoIsWho(chosen)}</small></p> : null}
        {withNote ? <label className="field"><span>Note</span><input data-testid={`${testId}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} /></label> : null}
        {failure ? <p className="failure" role="alert">{failure}</p> : null}
        <div className="actions"><button type="button" onClick={onClose}>Cancel</button><button type="submit" className="primary" data-testid={`${testId}-save`}>{action}</button></div>
      </form>
    </Dialog>
  );
}
