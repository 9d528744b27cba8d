// Process: renderer. Opens or closes the filter panel.
import { defineCommand } from '../command.ts';

export default defineCommand('view.filters', {
  run: (app) => app.setPanel(app.panel === 'filters' ? null : 'filters'),
});
