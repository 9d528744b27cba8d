// Process: renderer. Correct or remove a referral, an influence link or a partner link. The panel's Edit beside each
// opens this for that one; from the palette it opens the selected contact's latest.
import { EditTieForm } from '../../components/forms/EditTieForm.tsx';
import type { TieDoc } from '../../../shared/schemas/index.ts';
import { contactOf, defineCommand, SELECT_FIRST, type CommandContext } from '../command.ts';
import { deleteRecord } from '../record-actions.ts';
import { editTie } from '../record-corrections.ts';

export type TieProps = { tieId: string };

function latest(app: CommandContext) {
  const id = app.selected?.id;
  return app.docs.ties.filter((t) => t.kind !== 'personal' && (t.from === id || t.to === id)).sort((a, b) => b.at - a.at)[0];
}

export function tieTitle(tie: TieDoc, name: (id: string) => string): string {
  if (tie.kind === 'referral') return `${name(tie.from)} referred ${name(tie.to)}`;
  if (tie.kind === 'influence') return `${name(tie.from)} influences ${name(tie.to)}`;
  if (tie.kind === 'partner') return `${name(tie.to)}: a customer shared with ${name(tie.from)}`;
  return `${name(tie.from)} and ${name(tie.to)} know each other`;
}

export default defineCommand<TieProps>('tie.edit', {
  when: (app) => (!app.selected ? SELECT_FIRST : latest(app) ? true : `${app.selected.name} has no referral or link to edit.`),
  run(app, open) {
    const tie = latest(app);
    if (tie) open({ tieId: tie.id });
  },
  dialog({ app, props, onClose }) {
    const tie = app.docs.ties.find((t) => t.id === props.tieId);
    if (!tie) return null;
    const name = (id: string) => contactOf(app, id)?.name ?? 'someone';
    return <EditTieForm tie={tie} title={`Edit: ${tieTitle(tie, name)}`} onClose={onClose}
      onDelete={() => { onClose(); deleteRecord(app, { kind: 'tie', id: tie.id }); }}
      onSave={({ at, note, reward }) => app.perform(() => editTie(app.edit, tie.id, { at, note, ...(reward !== undefined ? { reward } : {}) }))} />;
  },
});
