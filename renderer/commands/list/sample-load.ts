// Process: renderer. Fills the sphere with a realistic sample, so a new user sees what the app is for. The host
// adds it in one transaction, so one undo takes every sample document out again and leaves the user's own.
import { defineCommand } from '../command.ts';
import { loadSample } from '../relationship-edits.ts';

export default defineCommand('sample.load', {
  when: (app) => (app.loadingSample ? 'The sample sphere is already loading.' : true),
  async run(app) {
    if (app.docs.contacts.length > 0 && !window.confirm('Add the sample sphere to the contacts you already have?')) return;
    app.setLoadingSample(true);
    try {
      await app.history.perform(() => loadSample(app.edit));
      app.fit();
      app.say('Sample sphere loaded. Drag anyone to another ring to see the central gesture (Ctrl+Z takes the sample out again).');
    } catch (err) {
      app.say(`The sample could not be loaded: ${(err as Error).message}`);
    } finally {
      app.setLoadingSample(false);
    }
  },
});
