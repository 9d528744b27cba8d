// Process: command line (Node). `backup`: a SQLite online backup of the store now, made by the same code as the
// app's daily backups, so it is listed (and restorable) in the app's Backups settings.
import { type CliCommand } from '../cli-command.ts';
import { parseOptions } from '../parse-options.ts';
import { requireStore } from '../require-store.ts';
import path from 'node:path';

export default {
  name: 'backup',
  summary: "make a SQLite backup of the store now, in the data folder's backups",
  usage: [
    'Usage: npm run cli -- backup [--data-dir DIR]',
    '',
    'Copies the store with SQLite\'s online backup (safe while the app is open) into the backups folder,',
    'where the app lists it. Prints {"backup":…,"file":…,"bytes":…}.',
  ].join('\n'),
  async run(args, ctx) {
    parseOptions('backup', args, {});
    requireStore('backup', ctx.dataDir);
    const { store } = await ctx.openStore();
    const made = await store.backupNow();
    return { backup: made.name, file: path.join(store.backupDir, made.name), bytes: made.bytes };
  },
} satisfies CliCommand;
