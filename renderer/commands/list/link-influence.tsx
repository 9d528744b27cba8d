// Process: renderer. A center of influence's word moves others: link the people they influence.
import { PickContactForm } from '../../components/forms/PickContactForm.tsx';
import { contactOf, defineCommand, openForSelected, SELECT_FIRST, type ContactProps } from '../command.ts';
import { linkContacts } from '../relationship-edits.ts';

export default defineCommand<ContactProps>('link.influence', {
  when: (app) => (!app.selected ? SELECT_FIRST
    : app.selected.roles.includes('centerOfInfluence') ? true
    : `${app.selected.name} is not a center of influence (Edit to give them the role).`),
  run: openForSelected,
  button: { label: 'Influences…', testId: 'action-influence' },
  dialog({ app, props, onClose }) {
    const contact = contactOf(app, props.contactId);
    if (!contact) return null;
    return <PickContactForm title={`${contact.name} influences…`} label="Who do they influence?" action="Link" testId="influence-form"
      candidates={app.docs.contacts.filter((c) => c.id !== contact.id)} onClose={onClose}
      onSave={(otherId) => app.perform(() => linkContacts(app.edit, 'influence', contact.id, otherId))} />;
  },
});
