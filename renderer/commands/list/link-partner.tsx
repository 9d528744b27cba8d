// Process: renderer. A host-beneficiary partner shares customers with you: link one of them.
import { PickContactForm } from '../../components/forms/PickContactForm.tsx';
import { contactOf, defineCommand, openForSelected, SELECT_FIRST, type ContactProps } from '../command.ts';
import { linkContacts } from '../relationship-edits.ts';

export default defineCommand<ContactProps>('link.partner', {
  when: (app) => (!app.selected ? SELECT_FIRST
    : app.selected.roles.includes('hostBeneficiary') ? true
    : `${app.selected.name} is not a host-beneficiary partner (Edit to give them the role).`),
  run: openForSelected,
  button: { label: 'Shared customer…', testId: 'action-partner' },
  dialog({ app, props, onClose }) {
    const contact = contactOf(app, props.contactId);
    if (!contact) return null;
    const customers = app.docs.contacts.filter((c) => c.id !== contact.id && (c.roles.includes('customer') || app.stageOf(c.id) !== 'prospect'));
    return <PickContactForm title={`A customer ${contact.name} shares with you`} label="Which customer?" action="Link" testId="partner-form" candidates={customers} onClose={onClose}
      onSave={(otherId) => app.perform(() => linkContacts(app.edit, 'partner', contact.id, otherId))} />;
  },
});
