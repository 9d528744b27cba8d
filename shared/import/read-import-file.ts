// Process: any (pure). A chosen file's bytes as a table and the mapping proposed for it: decoded, its format
// told from its content (a vCard by its BEGIN:VCARD, a CSV by its header row) unless the user names one.
import { MAX_IMPORT_CONTACTS } from '../commands/import-command.ts';
import { parseCsvTable } from './csv-table.ts';
import { proposeCsvMapping } from './csv-formats.ts';
import { decodeImportBytes, ImportFileError } from './decode-text.ts';
import type { ImportFormat, ImportTable } from './import-table.ts';
import type { FieldTarget } from './import-mapping.ts';
import { looksLikeVCard, parseVCardTable, VCARD_MAPPING } from './vcard-table.ts';

export type ReadImport = { table: ImportTable; mapping: FieldTarget[]; encoding: string };

export function readImportFile(bytes: Uint8Array, format: ImportFormat | 'auto' = 'auto'): ReadImport {
  const { text, encoding } = decodeImportBytes(bytes);
  const vcard = format === 'vcard' || (format === 'auto' && looksLikeVCard(text));
  const table = vcard ? parseVCardTable(text) : parseCsvTable(text, format === 'auto' ? undefined : (format as Exclude<ImportFormat, 'vcard'>));
  if (table.rows.length === 0) {
    const first = table.errors[0];
    if (first) throw new ImportFileError(`No contact could be read from the file: line ${first.line}: ${first.reason}.`);
    throw new ImportFileError(vcard ? 'The file holds no vCard (no BEGIN:VCARD … END:VCARD).' : 'The file has a header row but no contacts under it.');
  }
  if (table.rows.length > MAX_IMPORT_CONTACTS) {
    throw new ImportFileError(`The file holds ${table.rows.length.toLocaleString('en')} ${vcard ? 'cards' : 'rows'}; one import takes at most ${MAX_IMPORT_CONTACTS.toLocaleString('en')}. Split it into smaller files.`);
  }
  return { table, mapping: vcard ? [...VCARD_MAPPING] : proposeCsvMapping(table.format, table.columns), encoding };
}
