// Process: renderer. Correct or delete a touch. The panel's Edit beside each touch opens this for that touch; from
// the palette it opens the selected contact's latest one.
import { EditTouchForm } from '../../components/forms/EditTouchForm.tsx';
import { contactOf, defineCommand, SELECT_FIRST, type CommandContext } from '../command.ts';
import { deleteRecord } from '../record-actions.ts';
import { editTouch } from '../record-corrections.ts';

export type TouchProps = { touchId: string };

/** Moves between rings are recorded by the move itself and corrected by moving back, not edited. */
function latest(app: CommandContext) {
  const id = app.selected?.id;
  return app.docs.touches.filter((t) => t.contactId === id && t.kind !== 'stageChange').sort((a, b) => b.at - a.at)[0];
}

export default defineCommand<TouchProps>('touch.edit', {
  when: (app) => (!app.selected ? SELECT_FIRST : latest(app) ? true : `${app.selected.name} has no touch to edit yet.`),
  run(app, open) {
    const touch = latest(app);
    if (touch) open({ touchId: touch.id });
  },
  dialog({ app, props, onClose }) {
    const touch = app.docs.touches.find((t) => t.id === props.touchId);
    if (!touch) return null;
    return <EditTouchForm touch={touch} name={contactOf(app, touch.contactId)?.name ?? 'someone'} onClose={onClose}
      onDelete={() => { onClose(); deleteRecord(app, { kind: 'touch', id: touch.id }); }}
      onSave={({ kind, direction, at, note }) => app.perform(() => editTouch(app.edit, touch.id, { kind, direction, at, note }))} />;
  },
});
