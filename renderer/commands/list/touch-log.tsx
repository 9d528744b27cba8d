// Process: renderer. Log a call, meeting, message…: keeping in touch is how Know becomes Like.
import { TouchForm } from '../../components/forms/TouchForm.tsx';
import { contactOf, defineCommand, needsContact, openForSelected, type ContactProps } from '../command.ts';
import { logTouch } from '../relationship-edits.ts';

export default defineCommand<ContactProps>('touch.log', {
  when: needsContact,
  run: openForSelected,
  button: { label: 'Log touch', testId: 'action-touch', tone: 'primary' },
  dialog({ app, props, onClose }) {
    const contact = contactOf(app, props.contactId);
    if (!contact) return null;
    return <TouchForm name={contact.name} onClose={onClose} onSave={(input) => app.perform(() => logTouch(app.edit, { contactId: contact.id, ...input }))} />;
  },
});
