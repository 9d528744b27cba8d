// Process: renderer. The whole sphere, settings included, to one versioned JSON file that Restore from JSON (or
// `npm run cli -- restore`) reads back.
import { defineCommand } from '../command.ts';
import { exportFile } from '../export-file.ts';

export default defineCommand('backup.json', {
  run: (app) => exportFile(app, 'json'),
});
