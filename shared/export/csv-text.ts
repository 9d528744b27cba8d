// Process: any (pure). CSV as every export of Sphere writes it: papaparse's quoting (RFC 4180), CRLF lines, and a
// cell starting with = or @ (or a tab or carriage return) kept as text, since spreadsheets that open the file would
// run it as a formula. + and - are left alone: every phone number in international form starts with +.
import Papa from 'papaparse';

export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { newline: '\r\n', escapeFormulae: /^[=@\t\r]/ });
}
