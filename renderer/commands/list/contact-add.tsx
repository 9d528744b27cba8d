// Process: renderer. A new contact, selected once saved so the next command acts on them.
import { ContactForm } from '../../components/ContactForm.tsx';
import { defineCommand } from '../command.ts';
import { addContact } from '../contact-edits.ts';

export default defineCommand('contact.add', {
  run: (_app, open) => open(undefined),
  dialog: ({ app, onClose }) => (
    <ContactForm onClose={onClose} onSave={(fields) => app.perform(async () => {
      const { contactId, step } = await addContact(app.edit, fields);
      app.select(contactId);
      return step;
    }, `Added ${fields.name}.`)} />
  ),
});
