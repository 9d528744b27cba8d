// Process: renderer. Record a deal; if a referral brought it, the referral's value grows by the amount.
import { DealForm } from '../../components/forms/DealForm.tsx';
import type { SphereDatabase } from '../../../shared/schemas/index.ts';
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
    return <DealForm name={contact.name} referrals={referrals} onClose={onClose} onSave={(input) => app.perform(async () => {
      const step = await recordDeal(app.edit, { contactId: contact.id, ...input });
      if (input.referralId) await recordReferralValue(app.db, input.referralId, input.amount, input.currency);
      return step;
    })} />;
  },
});

/** What a referral was worth is the deal it brought; kept on the tie so the graph can weigh referral edges. */
async function recordReferralValue(db: SphereDatabase, tieId: string, amount: number, currency: string): Promise<void> {
  const tie = await db.ties.findOne(tieId).exec();
  if (tie) await tie.incrementalPatch({ value: (tie.value ?? 0) + amount, currency });
}
