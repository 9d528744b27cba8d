// Process: command line (Node). `restore FILE [--merge]`: a JSON backup back into the store, as one command (one
// step the app can undo while it stays open).
import fs from 'node:fs';
import path from 'node:path';
import { CliError, type CliCommand } from '../cli-command.ts';
import { parseOptions } from '../parse-options.ts';

/** Far above any real sphere's backup (50,000 contacts with their history is about 100 MB), below what V8 parses. */
const MAX_BYTES = 400 * 1024 * 1024;

export default {
  name: 'restore',
  summary: 'restore a JSON backup into an empty sphere, or merge it into the current one (--merge)',
  usage: [
    'Usage: npm run cli -- restore FILE [--merge] [--data-dir DIR]',
    '',
    '  FILE     a JSON backup (npm run cli -- export --format json, or Back up to JSON in the app)',
    '  --merge  merge into the sphere as it is: the newer edit of each field wins, nothing is added twice',
    '',
    'Without --merge the sphere must be empty. A backup from a newer version of Sphere is refused; an older one is',
    'migrated. Prints {"merge":…,"documents":… (in the backup),"changed":…,"label":… (what was done)}.',
  ].join('\n'),
  async run(args, ctx) {
    const { values, positionals } = parseOptions('restore', args, { merge: { type: 'boolean' } }, 1);
    const file = positionals[0];
    if (!file) throw new CliError('restore: which backup? npm run cli -- restore FILE', 2);
    const backup = readJson(path.resolve(file));
    const { commands } = await ctx.openStore();
    const merge = values.merge === true;
    let outcome;
    try {
      outcome = await commands.run({ type: 'sphere.restore', backup, merge });
    } catch (err) {
      throw new CliError(`restore: ${(err as Error).message}`);
    }
    // `changed` false: every document in the backup is here already, none of its edits newer than this store's.
    return { merge, documents: countDocuments(backup), changed: outcome !== null, label: outcome?.label ?? 'nothing to change: the sphere already holds this backup' };
  },
} satisfies CliCommand;

function readJson(file: string): unknown {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliError(`restore: there is no file ${file}`);
  }
  if (!stat.isFile()) throw new CliError(`restore: ${file} is not a file`);
  if (stat.size > MAX_BYTES) throw new CliError(`restore: ${file} is ${Math.round(stat.size / 1e6)} MB, more than a backup can be (${MAX_BYTES / 1e6} MB)`);
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new CliError(`restore: ${file} is not a JSON backup (${(err as Error).message})`);
  }
}

function countDocuments(backup: unknown): number {
  const collections = (backup as { collections?: Record<string, { docs?: unknown[] }> }).collections ?? {};
  return Object.values(collections).reduce((n, c) => n + (Array.isArray(c?.docs) ? c.docs.length : 0), 0);
}
