// Process: renderer. Redo the last undone edit; queued behind any edit still being written, like undo.
import { defineCommand } from '../command.ts';
import { stepThroughHistory } from '../step-through-history.ts';

export default defineCommand('edit.redo', {
  run: (app) => stepThroughHistory(app, () => app.history.redo(), 'Redid'),
});
