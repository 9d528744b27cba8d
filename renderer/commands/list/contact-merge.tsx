// Process: renderer. Two records of one person become one: the selected contact survives.
import { PickContactForm } from '../../components/forms/PickContactForm.tsx';
import { contactOf, defineCommand, needsContact, openForSelected, type ContactProps } from '../command.ts';
import { mergeContacts } from '../merge-contacts.ts';

export default defineCommand<ContactProps>('contact.merge', {
  when: needsContact,
  run: openForSelected,
  button: { label: 'Merge', testId: 'action-merge' },
  dialog({ app, props, onClose }) {
    const contact = contactOf(app, props.contactId);
    if (!contact) return null;
    return <PickContactForm title={`Merge a duplicate into ${contact.name}`} label="Which record is the same person?" action="Merge" testId="merge-form"
      candidates={app.docs.contacts.filter((c) => c.id !== contact.id)} onClose={onClose}
      onSave={(otherId) => app.perform(() => mergeContacts(app.edit, contact.id, otherId))} />;
  },
});
