// Process: renderer. Opens or closes Insights: what the sphere's relationships and deals add up to.
import { defineCommand } from '../command.ts';

export default defineCommand('view.insights', {
  run: (app) => app.setPanel(app.panel === 'insights' ? null : 'insights'),
});
