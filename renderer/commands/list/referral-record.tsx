// Process: renderer. Record a referral the selected contact gave: who they sent your way.
import { PickContactForm } from '../../components/forms/PickContactForm.tsx';
import { contactOf, defineCommand, needsContact, openForSelected, type ContactProps } from '../command.ts';
import { recordReferral } from '../relationship-edits.ts';

export default defineCommand<ContactProps>('referral.record', {
  when: needsContact,
  run: openForSelected,
  button: { label: 'Referral', testId: 'action-referral' },
  dialog({ app, props, onClose }) {
    const contact = contactOf(app, props.contactId);
    if (!contact) return null;
    return <PickContactForm title={`${contact.name} referred…`} label="Who did they refer?" action="Record referral" testId="referral-form"
      candidates={app.docs.contacts.filter((c) => c.id !== contact.id)} withNote onClose={onClose}
      onSave={(otherId, note) => app.perform(() => recordReferral(app.edit, { from: contact.id, to: otherId, note }))} />;
  },
});
