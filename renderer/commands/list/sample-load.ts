// Process: renderer. Fills the sphere with a realistic sample, so a new user sees what the app is for. The host
// adds it in one transaction, so one undo takes every sample document out again and leaves the user's own.
import { isSampleId } from '../../../shared/commands/sample-command.ts';
import { defineCommand } from '../command.ts';
import { loadSample } from '../relationship-edits.ts';

export default defineCommand('sample.load', {
  when: (app) => {
    if (app.loadingSample) return 'The sample sphere is already loading.';
    const loaded = app.docs.contacts.filter((c) => isSampleId(c.id)).length;
    // The host refuses a second load too; saying so here spares the user a question first.
    return loaded > 0 ? `The sample people are already here (${loaded} of them). Remove sample people first to load them afresh.` : true;
  },
  async run(app) {
    if (app.docs.contacts.length > 0 && !window.confirm('Add the sample sphere to the contacts you already have?')) return;
    app.setLoadingSample(true);
    try {
      await app.history.perform(() => loadSample(app.edit));
      app.fit();
      app.say('Sample sphere loaded. Drag anyone to another ring to see the central gesture (Ctrl+Z, or Remove sample people at any time, takes them out again).');
    } catch (err) {
      app.say(`The sample could not be loaded: ${(err as Error).message}`);
    } finally {
      app.setLoadingSample(false);
    }
  },
});
