// Process: renderer. A backup on the user's word (before a big import, say), told when it is on disk and checked.
import { describeCounts, describeSize } from '../../components/forms/BackupsForm.tsx';
import { defineCommand } from '../command.ts';

export default defineCommand('backup.now', {
  async run(app) {
    app.say('Backing up…');
    try {
      const made = await app.edit.api.call('store.backupNow');
      app.say(`Backed up: ${made.counts ? describeCounts(made.counts) : 'your sphere'} (${describeSize(made.bytes)}). Restore it from Settings → Backups.`);
    } catch (err) {
      app.say(`The backup could not be made: ${(err as Error).message}`);
    }
  },
});
