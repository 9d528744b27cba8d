// Process: renderer. Restore a JSON backup: one host command in one transaction, so one undo takes it back out.
import { RestoreForm } from '../../components/forms/RestoreForm.tsx';
import { defineCommand } from '../command.ts';
import { hostStep } from '../host-step.ts';

export default defineCommand('restore.json', {
  run: (_app, open) => open(undefined),
  dialog: ({ app, onClose }) => {
    const empty = app.docs.contacts.length + app.docs.ties.length + app.docs.touches.length + app.docs.deals.length === 0;
    return (
      <RestoreForm empty={empty} onClose={onClose}
        onRestore={(backup, merge) => app.perform(async () => {
          const step = await hostStep(app.edit, { type: 'sphere.restore', backup, merge });
          // Null: every document in the backup is here already, and no older than the backup's.
          if (!step) throw new Error('Nothing to restore: this sphere already holds everything in the backup.');
          return step;
        })} />
    );
  },
});
