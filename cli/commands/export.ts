// Process: command line (Node). `export --format F --out FILE`: the sphere to a file, as the app's Export does.
import { EXPORT_FILES, EXPORT_FORMATS, exportSphere, isExportFormat, type SphereContents } from '../../shared/export/sphere-export.ts';
import { CliError, type CliCommand } from '../cli-command.ts';
import { parseOptions } from '../parse-options.ts';
import { requireStore } from '../require-store.ts';
import { writeWhole } from '../write-file.ts';

export default {
  name: 'export',
  summary: 'write the sphere to a file: contacts (CSV, vCard), graph (GEXF, GraphML) or a JSON backup',
  usage: [
    'Usage: npm run cli -- export --format csv|vcard|gexf|graphml|json --out FILE [--force] [--data-dir DIR]',
    '',
    ...EXPORT_FORMATS.map((f) => `  --format ${f.padEnd(8)} ${EXPORT_FILES[f].what}`),
    '  --out FILE         where to write it',
    '  --force            replace FILE if it exists',
    '',
    'Prints {"format":…,"file":…,"bytes":…,"contacts":…,"ties":…}.',
  ].join('\n'),
  async run(args, ctx) {
    const { values } = parseOptions('export', args, { format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } });
    if (!isExportFormat(values.format)) throw new CliError(`export: --format is one of ${EXPORT_FORMATS.join(', ')}${values.format === undefined ? '' : `, not ${JSON.stringify(values.format.slice(0, 40))}`}`, 2);
    if (!values.out) throw new CliError('export: --out FILE says where to write it', 2);
    requireStore('export', ctx.dataDir);
    const { commands } = await ctx.openStore();
    const sphere = (await commands.readAll()) as unknown as SphereContents;
    const written = writeWhole(values.out, exportSphere(values.format, sphere, Date.now()), values.force === true);
    return { format: values.format, ...written, contacts: sphere.contacts.length, ties: sphere.ties.length };
  },
} satisfies CliCommand;
