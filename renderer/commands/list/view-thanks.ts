// Process: renderer. Opens or closes the referrals still waiting for thanks.
import { defineCommand } from '../command.ts';

export default defineCommand('view.thanks', {
  run: (app) => app.setPanel(app.panel === 'thanks' ? null : 'thanks'),
});
