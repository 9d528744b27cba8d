// Process: renderer. Delete the selected contact and their ties, after saying how many ties go with them.
import { Dialog } from '../../components/forms/Dialog.tsx';
import { contactOf, defineCommand, needsContact, openForSelected, type ContactProps } from '../command.ts';
import { deleteContact } from '../contact-edits.ts';

export default defineCommand<ContactProps>('contact.delete', {
  when: needsContact,
  run: openForSelected,
  button: { label: 'Delete', testId: 'action-delete', tone: 'danger' },
  dialog({ app, props, onClose }) {
    const contact = contactOf(app, props.contactId);
    if (!contact) return null;
    const ties = app.docs.ties.filter((t) => t.from === contact.id || t.to === contact.id).length;
    return (
      <Dialog title={`Delete ${contact.name}?`} testId="delete-confirm" onClose={onClose}>
        <p>{ties > 0 ? `${contact.name} has ${ties} tie${ties === 1 ? '' : 's'} (referrals, influence, partners, personal); they will be removed too.` : `${contact.name} has no ties.`} Touches and deals stay in the history. You can undo this.</p>
        <div className="actions">
          <button type="button" onClick={onClose} autoFocus>Keep</button>
          <button type="button" className="danger" data-testid="delete-confirm-yes" onClick={() => {
            onClose();
            app.select(null);
            void app.perform(() => deleteContact(app.edit, contact.id));
          }}>Delete</button>
        </div>
      </Dialog>
    );
  },
});
