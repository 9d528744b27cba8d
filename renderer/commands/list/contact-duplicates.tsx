// Process: renderer. Likely duplicates (same email, same phone, same or nearly the same name), pair by pair, each
// merged with the existing merge into the record the user chooses to keep. Nothing is merged without that choice.
import { useMemo, useState } from 'react';
import { findDuplicates } from '../../../shared/domain/duplicates.ts';
import type { ContactDoc } from '../../../shared/schemas/index.ts';
import { Dialog } from '../../components/forms/Dialog.tsx';
import { whoIsWho } from '../../components/forms/PickContactForm.tsx';
import { defineCommand, type DialogProps } from '../command.ts';
import { mergeContacts } from '../merge-contacts.ts';

const SHOWN = 30;

function Side({ contact, other, onKeep }: { contact: ContactDoc; other: ContactDoc; onKeep(): void }) {
  return (
    <div className="dup-side">
      <strong>{contact.name}</strong>
      <small>{whoIsWho(contact)}</small>
      {contact.phones[0] ? <small>{contact.phones.join(', ')}</small> : null}
      <button type="button" data-testid="duplicates-keep" onClick={onKeep} title={`${other.name}'s details, touches, deals and ties move to this record`}>Keep this, merge the other in</button>
    </div>
  );
}

function DuplicatesDialog({ app, onClose }: DialogProps<undefined>) {
  const pairs = useMemo(() => findDuplicates(app.docs.contacts), [app.docs.contacts]);
  const [shown, setShown] = useState(SHOWN);
  const merge = (survivor: ContactDoc, duplicate: ContactDoc) => {
    app.perform(() => mergeContacts(app.edit, survivor.id, duplicate.id)).catch((err: Error) => app.say(`Could not merge: ${err.message}`));
  };
  return (
    <Dialog title="Likely duplicates" testId="duplicates" onClose={onClose}>
      {pairs.length === 0 ? <p className="muted" data-testid="duplicates-none">No likely duplicates: no two people share an email, a phone or a name.</p> : (
        <>
          <p className="muted">{pairs.length === 1 ? 'One pair' : `${pairs.length} pairs`} that may be one person. Merging keeps everything of both (undo takes it back).</p>
          <ul className="dup-list">
            {pairs.slice(0, shown).map(({ a, b, reasons }) => (
              <li key={`${a.id}-${b.id}`} data-testid="duplicates-pair">
                <p className="dup-why">{reasons.join(', ')}</p>
                <div className="dup-sides">
                  <Side contact={a} other={b} onKeep={() => merge(a, b)} />
                  <Side contact={b} other={a} onKeep={() => merge(b, a)} />
                </div>
              </li>
            ))}
          </ul>
          {pairs.length > shown ? <button type="button" onClick={() => setShown((n) => n + SHOWN)}>{Math.min(SHOWN, pairs.length - shown)} more…</button> : null}
        </>
      )}
      <div className="actions"><button type="button" onClick={onClose} autoFocus>Close</button></div>
    </Dialog>
  );
}

export default defineCommand('contact.duplicates', {
  when: (app) => (app.docs.contacts.length >= 2 ? true : 'Duplicates need at least two people in the sphere.'),
  run: (_app, open) => open(undefined),
  dialog: DuplicatesDialog,
});
