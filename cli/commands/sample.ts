// Process: command line (Node). `sample [--contacts N] [--seed S]`: fills an empty store with the generated
// sample sphere at any size, so anyone can try the app, the benchmarks and the reports on a realistic sphere.
import { makeBackup } from '../../shared/export/sphere-backup.ts';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { CliError, type CliCommand } from '../cli-command.ts';
import { parseOptions, wholeNumber } from '../parse-options.ts';

const MAX_CONTACTS = 200_000;

export default {
  name: 'sample',
  summary: 'fill an empty store with the generated sample sphere, at any size',
  usage: [
    'Usage: npm run cli -- sample [--contacts N] [--seed S] [--data-dir DIR]',
    '',
    `  --contacts N  how many people (default 300, at most ${MAX_CONTACTS})`,
    '  --seed S      the generator\'s seed (default 2026): the same seed always gives the same sphere',
    '',
    'Refuses a store that holds any contact, tie, touch or deal. Prints {"contacts":…,"ties":…,"touches":…,"deals":…,"seed":…}.',
  ].join('\n'),
  async run(args, ctx) {
    const { values } = parseOptions('sample', args, { contacts: { type: 'string' }, seed: { type: 'string' } });
    const contacts = wholeNumber('sample', 'contacts', values.contacts, 300, 1, MAX_CONTACTS);
    const seed = wholeNumber('sample', 'seed', values.seed, 2026, 0, 2 ** 31 - 1);
    const { commands } = await ctx.openStore();
    const held = Object.entries(await commands.readAll()).filter(([name, docs]) => name !== 'settings' && docs.length > 0);
    if (held.length > 0) throw new CliError(`sample: the store already holds data (${held.map(([name, docs]) => `${docs.length} ${name}`).join(', ')}); the sample fills only an empty store`);
    const now = Date.now();
    const sphere = generateSphere({ seed, contacts, now, owner: 'sample' });
    // Written as a restore of the sample into the empty store: one transaction, checked against the schemas.
    await commands.run({ type: 'sphere.restore', backup: makeBackup(sphere, now), merge: false });
    return { contacts: sphere.contacts.length, ties: sphere.ties.length, touches: sphere.touches.length, deals: sphere.deals.length, seed };
  },
} satisfies CliCommand;
