// Process: renderer. Record a deal, naming the referral that brought it if one did (its value is derived from these).
import { DealForm } from '../../components/forms/DealForm.tsx';
import { contactOf, defineCommand, needsContact, openForSelected, type ContactProps } from '../command.ts';
import { recordDeal } from '../relationship-edits.ts';

export default defineCommand<ContactProps>('deal.record', {
  when: needsContact,
  run: openForSelected,
  button: { label: 'Deal', testId: 'action-deal' },
  dialog({ app, props, onClose }) {
    const contact = contactOf(app, props.contactId);
    if (!contact) return null;
    const referrals = app.docs.ties
      .filter((t) => t.kind === 'referral' && t.to === contact.id)
      .map((tie) => ({ tie, referrerName: contactOf(app, tie.from)?.name ?? 'someone' }));
    return <DealForm name={contact.name} referrals={referrals} currency={app.settings.baseCurrency} onClose={onClose} onSave={(input) => app.perform(() => recordDeal(app.edit, { contactId: contact.id, ...input }))} />;
  },
});

