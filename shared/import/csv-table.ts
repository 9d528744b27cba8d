// Process: any (pure). A CSV file as a table, read by papaparse: quoted commas and line breaks, CRLF, a stray
// byte-order mark, and LinkedIn's notes above the header row. Rows keep the line they start on.
import Papa from 'papaparse';
import { detectCsvFormat } from './csv-formats.ts';
import type { ImportFormat, ImportTable, RowError, TableRow } from './import-table.ts';

/** How far down a header row is looked for (LinkedIn puts three lines of notes above it). */
const HEADER_SEARCH_ROWS = 20;

export function parseCsvTable(text: string, forced?: Exclude<ImportFormat, 'vcard'>): ImportTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const raw: TableRow[] = [];
  const errors: RowError[] = [];
  let newlines = 0;
  let counted = 0;
  const lineAt = (offset: number) => {
    // Lines are counted once, moving forward: quoted fields may hold line breaks, so rows and lines differ.
    for (let i = counted; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) newlines++;
    counted = Math.max(counted, offset);
    return newlines + 1;
  };
  let rowStart = 0;
  Papa.parse<string[]>(source, {
    skipEmptyLines: false,
    // Papaparse guesses the delimiter (comma, semicolon from European Excel, tab) from the first rows.
    delimitersToGuess: [',', ';', '\t', '|'],
    step(result) {
      const line = lineAt(rowStart);
      rowStart = result.meta.cursor;
      // Papaparse steps past the last line break with a row of one empty cell; such rows are blank lines.
      const cells = result.data;
      const blank = cells.every((c) => c.trim() === '');
      // A delimiter papaparse could not guess is only a note that it used the comma, not a fault of this row.
      const faults = result.errors.filter((e) => e.type !== 'Delimiter');
      for (const err of faults) errors.push({ line, reason: csvErrorReason(err) });
      if (!blank && faults.length === 0) raw.push({ line, cells });
    },
  });
  const headerIndex = findHeader(raw);
  if (headerIndex < 0) return { format: forced ?? 'csv', columns: [], rows: [], errors };
  const header = raw[headerIndex]!;
  const columns = header.cells.map((c) => c.trim());
  const detected = detectCsvFormat(columns);
  const rows: TableRow[] = [];
  for (const row of raw.slice(headerIndex + 1)) {
    if (row.cells.length > columns.length && row.cells.slice(columns.length).some((c) => c.trim() !== '')) {
      errors.push({ line: row.line, reason: `the row has ${row.cells.length} fields but the header has ${columns.length} (an unquoted comma?)` });
      continue;
    }
    rows.push(row);
  }
  errors.sort((a, b) => a.line - b.line);
  const withSphere = sphereFields(columns, rows);
  // Errors above the header belong to the notes there (LinkedIn's), not to any contact.
  const firstLine = header.line;
  return { format: forced ?? detected.format, variant: forced && forced !== detected.format ? undefined : detected.variant, columns: withSphere.columns, rows: withSphere.rows, errors: errors.filter((e) => e.line > firstLine) };
}

/** Labels Sphere's own CSV export gives its custom fields (shared/export/contacts-csv.ts). */
const SPHERE_LABELS = ['Sphere category', 'Sphere ring'];

/**
 * Google's custom fields come in pairs ("Custom Field 1 - Label", "… - Value"), and a label may sit in a
 * different pair on each row. A file Sphere exported labels two of them "Sphere category" and "Sphere ring": they
 * become columns of those names, mapped like any category or ring column, so the sphere comes back as it left.
 */
function sphereFields(columns: string[], rows: TableRow[]): { columns: string[]; rows: TableRow[] } {
  const pairs: [number, number][] = [];
  columns.forEach((c, i) => {
    const match = /^custom field (\d+) - label$/i.exec(c);
    if (!match) return;
    const value = columns.findIndex((v) => v.toLowerCase() === `custom field ${match[1]} - value`);
    if (value >= 0) pairs.push([i, value]);
  });
  const used = SPHERE_LABELS.filter((label) => rows.some((r) => pairs.some(([l]) => r.cells[l]?.trim() === label)));
  if (used.length === 0) return { columns, rows };
  return {
    columns: [...columns, ...used],
    rows: rows.map((r) => {
      const extra = used.map((label) => {
        const pair = pairs.find(([l]) => r.cells[l]?.trim() === label);
        return pair ? (r.cells[pair[1]] ?? '').trim() : '';
      });
      // Short rows are padded first, so the new cells land under their own columns.
      const cells = [...r.cells, ...Array<string>(Math.max(0, columns.length - r.cells.length)).fill('')];
      return { ...r, cells: [...cells, ...extra] };
    }),
  };
}

/** The header is the first row a known export names, or else the first with two or more filled cells. */
function findHeader(rows: TableRow[]): number {
  const head = rows.slice(0, HEADER_SEARCH_ROWS);
  const known = head.findIndex((r) => detectCsvFormat(r.cells.map((c) => c.trim())).format !== 'csv');
  if (known >= 0) return known;
  const wide = head.findIndex((r) => r.cells.filter((c) => c.trim() !== '').length >= 2);
  return wide >= 0 ? wide : rows.length > 0 ? 0 : -1;
}

function csvErrorReason(err: Papa.ParseError): string {
  if (err.code === 'MissingQuotes') return 'a quoted field is never closed (a stray " character?)';
  if (err.code === 'InvalidQuotes') return 'a field has a quote in the wrong place';
  if (err.code === 'TooManyFields' || err.code === 'TooFewFields') return err.message;
  return err.message;
}
