// Process: renderer. Fills the sphere with a realistic sample, so a new user sees what the app is for.
import { loadSampleSphere } from '../../components/sample-loader.ts';
import { defineCommand } from '../command.ts';

export default defineCommand('sample.load', {
  when: (app) => (app.progress ? 'The sample sphere is already loading.' : true),
  async run(app) {
    if (app.docs.contacts.length > 0 && !window.confirm('Add the sample sphere to the contacts you already have?')) return;
    try {
      await loadSampleSphere(app.db, app.showProgress);
      app.fit();
      app.say('Sample sphere loaded. Drag anyone to another ring to see the central gesture.');
    } catch (err) {
      app.say(`The sample could not be loaded: ${(err as Error).message}`);
    } finally {
      app.showProgress(null);
    }
  },
});
