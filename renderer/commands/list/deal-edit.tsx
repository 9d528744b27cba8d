// Process: renderer. Correct or delete a deal (a wrong amount entered yesterday need not stay forever). The panel's
// Edit beside each deal opens this for that deal; from the palette it opens the selected contact's latest one.
import { EditDealForm } from '../../components/forms/EditDealForm.tsx';
import { contactOf, defineCommand, SELECT_FIRST, type CommandContext } from '../command.ts';
import { deleteRecord } from '../record-actions.ts';
import { editDeal } from '../record-corrections.ts';

export type DealProps = { dealId: string };

function latest(app: CommandContext) {
  const id = app.selected?.id;
  return app.docs.deals.filter((d) => d.contactId === id).sort((a, b) => b.at - a.at)[0];
}

export default defineCommand<DealProps>('deal.edit', {
  when: (app) => (!app.selected ? SELECT_FIRST : latest(app) ? true : `${app.selected.name} has no deal to edit yet.`),
  run(app, open) {
    const deal = latest(app);
    if (deal) open({ dealId: deal.id });
  },
  dialog({ app, props, onClose }) {
    const deal = app.docs.deals.find((d) => d.id === props.dealId);
    if (!deal) return null;
    const referrals = app.docs.ties
      .filter((t) => t.kind === 'referral' && t.to === deal.contactId)
      .map((tie) => ({ tie, referrerName: contactOf(app, tie.from)?.name ?? 'someone' }));
    return <EditDealForm deal={deal} name={contactOf(app, deal.contactId)?.name ?? 'someone'} referrals={referrals} onClose={onClose}
      onDelete={() => { onClose(); deleteRecord(app, { kind: 'deal', id: deal.id }); }}
      onSave={(changes) => app.perform(() => editDeal(app.edit, deal.id, changes))} />;
  },
});
