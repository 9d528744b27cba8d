// Process: renderer. The Edit and Delete beside each touch, deal, referral and link in the detail panel: Edit opens
// that record's command dialog, Delete runs at once (it is one undoable step, so no "are you sure").
import type { CommandContext } from './command.ts';
import { deleteDeal, deleteTie, deleteTouch } from './record-corrections.ts';

export type RecordRef = { kind: 'touch' | 'deal' | 'tie'; id: string };

export function editRecord(app: CommandContext, ref: RecordRef): void {
  if (ref.kind === 'touch') app.openDialog('touch.edit', { touchId: ref.id });
  else if (ref.kind === 'deal') app.openDialog('deal.edit', { dealId: ref.id });
  else app.openDialog('tie.edit', { tieId: ref.id });
}

export function deleteRecord(app: CommandContext, ref: RecordRef): void {
  const remove = ref.kind === 'touch' ? deleteTouch : ref.kind === 'deal' ? deleteDeal : deleteTie;
  app.perform(() => remove(app.edit, ref.id)).catch((err: Error) => app.say(`Could not delete: ${err.message}`));
}
