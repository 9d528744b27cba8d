// Process: renderer. Thank (or reward) a referrer. From the palette it takes the selected contact's oldest
// referral not yet thanked (anyone's, with no one selected); the Thank buttons beside each referral open the same dialog for that one.
import { ThankForm } from '../../components/forms/ThankForm.tsx';
import type { CommandContext } from '../command.ts';
import { contactOf, defineCommand } from '../command.ts';
import { rewardReferral } from '../relationship-edits.ts';

export type ThankProps = { tieId: string };

/** The selected contact's referrals not yet thanked, or everyone's when no one is selected, oldest first. */
function unthanked(app: CommandContext) {
  const id = app.selected?.id;
  return app.docs.ties.filter((t) => t.kind === 'referral' && (id === undefined || t.from === id) && !t.rewardedAt).sort((a, b) => a.at - b.at);
}

export default defineCommand<ThankProps>('referral.thank', {
  // Without a selection it thanks the longest-waiting referral of all: the palette offers Thank at any time.
  when: (app) => (unthanked(app).length > 0 ? true : app.selected ? `${app.selected.name} has no referral waiting for thanks.` : 'No referral is waiting for thanks.'),
  run(app, open) {
    const tie = unthanked(app)[0];
    if (tie) open({ tieId: tie.id });
  },
  dialog({ app, props, onClose }) {
    const tie = app.docs.ties.find((t) => t.id === props.tieId);
    if (!tie) return null;
    const name = (id: string) => contactOf(app, id)?.name ?? 'someone';
    return <ThankForm referrer={name(tie.from)} referred={name(tie.to)} onClose={onClose} onSave={(reward) => app.perform(() => rewardReferral(app.edit, tie.id, reward))} />;
  },
});
