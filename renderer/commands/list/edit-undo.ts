// Process: renderer. Undo the last edit. No `when`: an undo pressed while an edit is still being written
// must wait for it (the history queues it), not be refused because the edit is not recorded yet.
import { defineCommand } from '../command.ts';
import { stepThroughHistory } from '../step-through-history.ts';

export default defineCommand('edit.undo', {
  run: (app) => stepThroughHistory(app, () => app.history.undo(), 'Undid'),
});
