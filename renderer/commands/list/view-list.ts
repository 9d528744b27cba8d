// Process: renderer. Toggles between the sphere and the sortable list of contacts.
import { defineCommand } from '../command.ts';

export default defineCommand('view.list', {
  run: (app) => app.setView(app.view === 'list' ? 'sphere' : 'list'),
});
