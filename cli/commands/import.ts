// Process: command line (Node). `import FILE`: the same reading, mapping and duplicate finding as the app's Import
// dialog (shared/import/), then the same host command, so the import is one transaction and one undo step and an
// open window sees it arrive. Bad rows are skipped and reported by line; a file that cannot be read at all fails.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { CATEGORIES, CATEGORY_LABELS, RING_LABELS, RINGS, type Category, type Ring } from '../../shared/domain/sphere.ts';
import { ImportFileError, MAX_IMPORT_BYTES } from '../../shared/import/decode-text.ts';
import { finishImport, planImport, type Resolution } from '../../shared/import/import-plan.ts';
import { phoneRegion } from '../../shared/import/phone-number.ts';
import { readImportFile } from '../../shared/import/read-import-file.ts';
import type { ImportFormat } from '../../shared/import/import-table.ts';
import { CliError, type CliCommand } from '../cli-command.ts';

const FORMATS = ['auto', 'google', 'outlook', 'linkedin', 'csv', 'vcard'] as const;
const DUPLICATES = ['merge', 'skip', 'keep'] as const;
const ON_ERROR = ['skip', 'stop'] as const;

const usage = `Usage: npm run cli -- import FILE [options]

Adds the people in a CSV (Google Contacts, Outlook, LinkedIn, any spreadsheet) or vCard file to the sphere, as one
step that Undo in an open window takes back. Rows that cannot be read are skipped and listed by line.

Options:
  --format F       auto (default, told from the file), google, outlook, linkedin, csv or vcard
  --category C     category for the imported people: ${CATEGORIES.join(', ')} (default acquaintance,
                   business for LinkedIn); a column named Category in the file wins where it is filled
  --ring R         ring for the imported people: ${RINGS.join(', ')} (default know)
  --duplicates D   what to do with someone already in the sphere (same email, phone, or name at the same
                   organisation) or twice in the file: merge (default), skip, or keep both
  --region XX      country for phone numbers written without +code, e.g. US, GB (default from LANG)
  --errors E       rows that cannot be imported: skip them (default) and import the rest, or stop and
                   import nothing (the first bad line is the reason)

Prints {"imported":N,"merged":N,"skipped":N,"errors":[{"line":L,"reason":"…"}]}.`;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], what: string, labels?: Record<T, string>): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a === value.toLowerCase() || labels?.[a].toLowerCase() === value.toLowerCase());
  if (!found) throw new CliError(`--${what} must be one of ${allowed.join(', ')}, not "${value}"`);
  return found;
}

/** The region of the user's locale (en_US.UTF-8 → US), for numbers written without their country code. */
function localeRegion(): string | undefined {
  const locale = process.env.LC_ALL || process.env.LC_TELEPHONE || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  return /^[a-z]{2,3}[_-]([A-Z]{2})/.exec(locale ?? '')?.[1];
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Add the people in a CSV or vCard file to the sphere (one undoable step)',
  usage,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args, allowPositionals: true, strict: true,
      options: { format: { type: 'string' }, category: { type: 'string' }, ring: { type: 'string' }, duplicates: { type: 'string' }, region: { type: 'string' }, errors: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new CliError('import takes one FILE (see import --help)');
    const file = positionals[0]!;
    const format = oneOf(values.format, FORMATS, 'format') ?? 'auto';
    const category = oneOf<Category>(values.category, CATEGORIES, 'category', CATEGORY_LABELS);
    const ring = oneOf<Ring>(values.ring, RINGS, 'ring', RING_LABELS);
    const duplicates: Resolution = oneOf(values.duplicates, DUPLICATES, 'duplicates') ?? 'merge';
    const onError = oneOf(values.errors, ON_ERROR, 'errors') ?? 'skip';
    const region = phoneRegion(values.region ?? localeRegion());
    if (values.region && !region) throw new CliError(`--region ${values.region} is not a country code such as US or GB`);

    let bytes: Uint8Array;
    try {
      const size = fs.statSync(file).size;
      // Read no further than the limit needs: the decoder names the size of a file over it.
      if (size > MAX_IMPORT_BYTES) throw new CliError(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB; an import takes at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      bytes = fs.readFileSync(file);
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
    }
    let read;
    try {
      read = readImportFile(bytes, format as ImportFormat | 'auto');
    } catch (err) {
      if (err instanceof ImportFileError) throw new CliError(`${file}: ${err.message}`);
      throw err;
    }
    const { commands } = await ctx.openStore();
    const existing = await commands.read((r) => r.find('contacts', {}));
    const plan = planImport(read.table, read.mapping, {
      category: category ?? (read.table.format === 'linkedin' ? 'business' : 'acquaintance'), ring: ring ?? 'know', region,
    }, existing, ctx.progress);
    const { batch, summary } = finishImport(plan, () => duplicates);
    const bad = summary.errors[0];
    if (onError === 'stop' && bad) throw new CliError(`nothing imported: line ${bad.line}: ${bad.reason}${summary.errors.length > 1 ? ` (and ${summary.errors.length - 1} more bad rows)` : ''}`);
    if (batch.contacts.length > 0 || batch.merges.length > 0) {
      await commands.run({ type: 'contact.import', source: file.split(/[\\/]/).pop()!.slice(0, 200), ...batch });
    }
    return { imported: summary.imported, merged: summary.merged, skipped: summary.skipped, errors: summary.errors };
  },
};

export default importCommand;
