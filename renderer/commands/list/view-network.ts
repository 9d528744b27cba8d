// Process: renderer. Toggles between the sphere and the force-directed network of referral clusters.
import { defineCommand } from '../command.ts';

export default defineCommand('view.network', {
  run: (app) => app.setView(app.view === 'network' ? 'sphere' : 'network'),
});
