// Process: renderer. Thank (or reward) a referrer. From the palette it takes the selected contact's oldest
// referral not yet thanked; the Thank buttons beside each referral open the same dialog for that one.
import { ThankForm } from '../../components/forms/ThankForm.tsx';
import type { CommandContext } from '../command.ts';
import { contactOf, defineCommand, SELECT_FIRST } from '../command.ts';
import { rewardReferral } from '../relationship-edits.ts';

export type ThankProps = { tieId: string };

function unthanked(app: CommandContext) {
  const id = app.selected?.id;
  return app.docs.ties.filter((t) => t.kind === 'referral' && t.from === id && !t.rewardedAt).sort((a, b) => a.at - b.at);
}

export default defineCommand<ThankProps>('referral.thank', {
  when: (app) => (!app.selected ? SELECT_FIRST : unthanked(app).length > 0 ? true : `${app.selected.name} has no referral waiting for thanks.`),
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
