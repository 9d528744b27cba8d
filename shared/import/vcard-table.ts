// Process: any (pure). A vCard file (3.0 or 4.0, many cards, as Apple Contacts and phones export them) as a
// table with one row per card, so it is mapped, previewed and checked like a CSV. ical.js parses each card
// (folded lines, escapes, grouped properties such as item1.EMAIL); what it does not do is done before it:
// vCard 2.1's bare parameters (TEL;HOME) and quoted-printable values in their charset. Photos are read past.
import ICAL from 'ical.js';
import type { ImportTable, RowError, TableRow } from './import-table.ts';
import type { FieldTarget } from './import-mapping.ts';

const COLUMNS: [string, FieldTarget][] = [
  ['Full name (FN)', 'name'], ['Given name', 'firstName'], ['Additional names', 'middleName'], ['Family name', 'lastName'],
  ['Organisation (ORG)', 'organisation'], ['Title', 'title'], ['Email', 'email'], ['Phone', 'phone'], ['Address', 'address'],
  ['Birthday', 'birthday'], ['Note', 'notes'], ['Categories', 'tags'],
  // Sphere's own export (shared/export/contacts-vcard.ts) keeps category and ring in X- properties, so a sphere
  // that leaves as vCard comes back in the same places; other cards leave them empty (the dialog's defaults).
  ['Sphere category (X-SPHERE-CATEGORY)', 'category'], ['Sphere ring (X-SPHERE-RING)', 'ring'],
];
export const VCARD_COLUMNS = COLUMNS.map(([c]) => c);
export const VCARD_MAPPING = COLUMNS.map(([, t]) => t);

export function looksLikeVCard(text: string): boolean {
  return /^\s*BEGIN:VCARD\s*$/im.test(text.slice(0, 4096));
}

export function parseVCardTable(text: string): ImportTable {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const rows: TableRow[] = [];
  const errors: RowError[] = [];
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (/^BEGIN:VCARD$/i.test(line)) {
      if (start >= 0) errors.push({ line: start + 1, reason: 'a card has no END:VCARD before the next one begins' });
      start = i;
    } else if (/^END:VCARD$/i.test(line) && start >= 0) {
      const card = lines.slice(start, i + 1);
      const row = cardRow(card);
      if ('reason' in row) errors.push({ line: start + 1, reason: row.reason });
      else rows.push({ line: start + 1, cells: row.cells });
      start = -1;
    }
  }
  if (start >= 0) errors.push({ line: start + 1, reason: 'the last card has no END:VCARD (is the file cut short?)' });
  return { format: 'vcard', columns: VCARD_COLUMNS, rows, errors };
}

type JProp = [string, Record<string, unknown>, string, ...unknown[]];

function cardRow(card: string[]): { cells: string[] } | { reason: string } {
  let jcard: unknown;
  try {
    jcard = ICAL.parse(prepare(card).join('\r\n'));
  } catch (err) {
    return { reason: `the card cannot be read: ${(err as Error).message.slice(0, 120)}` };
  }
  const component = (Array.isArray(jcard) && jcard[0] === 'vcard' ? jcard : Array.isArray(jcard) ? jcard[0] : null) as [string, JProp[]] | null;
  if (!component || !Array.isArray(component[1])) return { reason: 'the card cannot be read' };
  const props = component[1];
  const all = (name: string) => props.filter((p) => p[0] === name);
  const text = (p: JProp | undefined) => (p ? p.slice(3).map(valueText).join(',').trim() : '');
  const n = all('n')[0]?.[3];
  const parts = Array.isArray(n) ? n.map(valueText) : typeof n === 'string' ? n.split(';') : [];
  const org = all('org')[0]?.slice(3) ?? [];
  const organisation = (Array.isArray(org[0]) ? (org[0] as unknown[]).map(valueText) : org.map(valueText)).filter(Boolean).join(', ');
  const addresses = all('adr').map((p) => {
    const v = p[3];
    const fields = Array.isArray(v) ? v.flat().map(valueText) : [valueText(v)];
    return fields.map((f) => f.trim()).filter(Boolean).join(', ');
  }).filter(Boolean);
  const cells = [
    text(all('fn')[0]), parts[1] ?? '', parts[2] ?? '', parts[0] ?? '',
    organisation, text(all('title')[0]),
    all('email').map(text).filter(Boolean).join('\n'),
    all('tel').map(text).map((t) => t.replace(/^tel:/i, '')).filter(Boolean).join('\n'),
    addresses[0] ?? '',
    text(all('bday')[0]),
    all('note').map(text).filter(Boolean).join('\n'),
    all('categories').flatMap((p) => p.slice(3).map(valueText)).filter(Boolean).join('\n'),
    text(all('x-sphere-category')[0]),
    text(all('x-sphere-ring')[0]),
  ];
  return { cells: cells.map((c) => c.trim()) };
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(valueText).join(' ');
  if (value && typeof value === 'object' && 'toString' in value) return String(value);
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The card's lines made fit for ical.js: quoted-printable values decoded (their soft line breaks joined first,
 * which would otherwise read as the next property), and parameters without a name given one (TYPE=).
 */
function prepare(folded: string[]): string[] {
  const card: string[] = [];
  // Unfolded first (a line starting with a space continues the one before), so parameters are seen whole.
  for (const line of folded) {
    if (/^[ \t]/.test(line) && card.length > 0) card[card.length - 1] += line.slice(1);
    else card.push(line);
  }
  const out: string[] = [];
  for (let i = 0; i < card.length; i++) {
    let line = card[i]!;
    const colon = propertyColon(line);
    if (colon < 0) {
      out.push(line);
      continue;
    }
    let head = line.slice(0, colon);
    let value = line.slice(colon + 1);
    if (/;(ENCODING=)?QUOTED-PRINTABLE/i.test(head)) {
      while (value.endsWith('=') && i + 1 < card.length) value = value.slice(0, -1) + card[++i]!.trimStart();
      const charset = /;CHARSET=([^;:]+)/i.exec(head)?.[1] ?? 'utf-8';
      value = escapeText(decodeQuotedPrintable(value, charset));
      head = head.replace(/;(ENCODING=)?QUOTED-PRINTABLE/i, '');
    }
    // The whole file was decoded already; a charset on one property has nothing left to say.
    head = head.replace(/;CHARSET=[^;:]+/i, '');
    // PHOTO and other binary values: ical.js skips them well, but vCard 2.1 base64 is not folded; keep only the first line.
    if (/^(\w+\.)?(PHOTO|LOGO|SOUND|KEY)\b/i.test(head)) {
      while (i + 1 < card.length && /^[A-Za-z0-9+/=]+$/.test(card[i + 1]!.trim()) && card[i + 1]!.trim() !== '' && !/:/.test(card[i + 1]!)) i++;
      continue;
    }
    head = head.split(';').map((param, k) => (k === 0 || param.includes('=') ? param : `TYPE=${param}`)).join(';');
    line = `${head}:${value}`;
    out.push(line);
  }
  return out;
}

/** The colon that ends a property's name and parameters (parameters may quote a colon); -1 if there is none. */
function propertyColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return -1;
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '=' ? value.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const code = value.charCodeAt(i);
      if (code < 128) bytes.push(code);
      else bytes.push(...new TextEncoder().encode(value[i]));
    }
  }
  try {
    return new TextDecoder(charset.trim().toLowerCase(), { fatal: false }).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** Decoded text goes back into a vCard line, where a new line must be written \n (and ; , \ kept as they came). */
function escapeText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\\n');
}
