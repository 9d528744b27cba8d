// Process: renderer. Takes the sample people back out at any time, in one step, leaving the user's own people and
// records as they are (sample documents are known by their id, see shared/commands/sample-command.ts).
import { isSampleId } from '../../../shared/commands/sample-command.ts';
import { defineCommand } from '../command.ts';
import { removeSample } from '../relationship-edits.ts';

export default defineCommand('sample.remove', {
  when: (app) => (app.loadingSample ? 'The sample sphere is still loading.' : app.docs.contacts.some((c) => isSampleId(c.id)) ? true : 'There are no sample people in this sphere.'),
  async run(app) {
    app.select(null);
    try {
      await app.perform(() => removeSample(app.edit), 'Sample people removed; your own contacts are as they were. (Ctrl+Z puts them back)');
      // The view may have been zoomed onto a sample person who is gone now.
      app.fit();
    } catch (err) {
      app.say(`The sample people could not be removed: ${(err as Error).message}`);
    }
  },
});
