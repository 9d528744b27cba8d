// Process: renderer. Edit the selected contact; a stage chosen here is kept until handed back to the deals.
import { EditContactForm } from '../../components/forms/EditContactForm.tsx';
import { contactOf, defineCommand, needsContact, openForSelected, type ContactProps } from '../command.ts';
import { updateContact } from '../contact-edits.ts';

export default defineCommand<ContactProps>('contact.edit', {
  when: needsContact,
  run: openForSelected,
  button: { label: 'Edit', testId: 'action-edit' },
  dialog({ app, props, onClose }) {
    const contact = contactOf(app, props.contactId);
    if (!contact) return null;
    return <EditContactForm contact={contact} onClose={onClose} onSave={(changes) => app.perform(() => updateContact(app.edit, contact.id, changes))} />;
  },
});
