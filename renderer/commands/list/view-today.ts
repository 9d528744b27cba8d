// Process: renderer. Opens or closes Today: who is due for a touch by their ring's cadence.
import { defineCommand } from '../command.ts';

export default defineCommand('view.today', {
  run: (app) => app.setPanel(app.panel === 'today' ? null : 'today'),
});
