// Process: any (pure). What every import file becomes before its columns are mapped: named columns and rows of
// cells, each row with the line of the file it starts on, so that a bad row can be named by its line.

export type ImportFormat = 'google' | 'outlook' | 'linkedin' | 'csv' | 'vcard';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  google: 'Google Contacts CSV',
  outlook: 'Outlook CSV',
  linkedin: 'LinkedIn connections CSV',
  csv: 'CSV (spreadsheet)',
  vcard: 'vCard',
};

export type TableRow = { line: number; cells: string[] };

/** A row the file itself got wrong (a quote never closed, a card never ended), with the line it starts on. */
export type RowError = { line: number; reason: string };

export type ImportTable = {
  format: ImportFormat;
  /** For CSV, the variant the headers matched ("current", "older"), shown beside the format. */
  variant?: string;
  columns: string[];
  rows: TableRow[];
  errors: RowError[];
};

/** Cells that hold several values: Google separates them with " ::: ", a vCard's table with new lines. */
export function splitValues(cell: string): string[] {
  return cell.split(/\s*:::\s*|\r?\n/).map((v) => v.trim()).filter((v) => v !== '');
}
