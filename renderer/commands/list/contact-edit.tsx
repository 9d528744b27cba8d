// Process: renderer. Edit the selected contact; the life-cycle stage follows the edit unless set by hand.
import { EditContactForm } from '../../components/forms/EditContactForm.tsx';
import { contactOf, defineCommand, needsContact, openForSelected, type ContactProps } from '../command.ts';
import { updateContact } from '../contact-edits.ts';
import { refreshStage } from '../relationship-edits.ts';

export default defineCommand<ContactProps>('contact.edit', {
  when: needsContact,
  run: openForSelected,
  button: { label: 'Edit', testId: 'action-edit' },
  dialog({ app, props, onClose }) {
    const contact = contactOf(app, props.contactId);
    if (!contact) return null;
    return <EditContactForm contact={contact} onClose={onClose} onSave={(changes) => app.perform(async () => {
      const step = await updateContact(app.edit, contact.id, changes);
      if (!changes.stageByHand) await refreshStage(app.edit, contact.id);
      return step;
    })} />;
  },
});
