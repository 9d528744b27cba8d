// Process: any (pure). Contacts as vCard 4.0 (RFC 6350), one file of many cards, as Apple Contacts, Google and
// Outlook read them. Written by hand rather than with a library: generating is the easy half (escaping and line
// folding are all there is to get right, and the tests read every card back with ical.js's parser).
import type { ContactDoc } from '../schemas/index.ts';
import { splitName } from './contact-names.ts';

/** Lines longer than this many octets (not characters) are folded, as RFC 6350 section 3.2 asks. */
const FOLD_AT = 75;

export function contactsToVcard(contacts: readonly ContactDoc[]): string {
  return contacts.map(contactCard).join('');
}

function contactCard(c: ContactDoc): string {
  const { given, family } = splitName(c.name);
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `UID:${text(`urn:sphere:${c.id}`)}`, `FN:${text(c.name)}`, `N:${text(family, true)};${text(given, true)};;;`];
  if (c.organisation) lines.push(`ORG:${text(c.organisation, true)}`);
  if (c.title) lines.push(`TITLE:${text(c.title)}`);
  c.emails.forEach((email, i) => lines.push(`EMAIL${i === 0 ? ';PREF=1' : ''}:${text(email)}`));
  // A telephone's value is a URI by default in 4.0; numbers as people type them ("+1 555 201 3344") are text.
  c.phones.forEach((phone, i) => lines.push(`TEL;VALUE=text${i === 0 ? ';PREF=1' : ''}:${text(phone)}`));
  // Sphere keeps an address as one free text: it goes in the street part, and as the label shown for it.
  if (c.address) lines.push(`ADR;LABEL="${param(c.address)}":;;${text(c.address, true)};;;;`);
  if (c.birthday) lines.push(`BDAY:${c.birthday.replace(/-/g, '').replace(/^(?=\d{4}$)/, '--')}`);
  if (c.notes) lines.push(`NOTE:${text(c.notes)}`);
  if (c.tags.length > 0) lines.push(`CATEGORIES:${c.tags.map((tag) => text(tag)).join(',')}`);
  // What vCard has no property for: extended properties, which readers that do not know them keep or ignore.
  // Sphere's own ids (`trust`, `centerOfInfluence`), so they read back without a table of display names.
  lines.push(`X-SPHERE-CATEGORY:${c.category}`);
  lines.push(`X-SPHERE-RING:${c.ring}`);
  if (c.roles.length > 0) lines.push(`X-SPHERE-ROLES:${c.roles.join(',')}`);
  lines.push(`REV:${new Date(c.updatedAt).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/**
 * A text value with backslash, comma and line breaks escaped (section 3.4). Semicolons separate the fields of
 * compound properties (N, ADR, ORG) and are escaped there; elsewhere the RFC leaves it optional, and readers such
 * as ical.js then keep the backslash, so they are left alone.
 */
function text(value: string, compound = false): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
  return compound ? escaped.replace(/;/g, '\\;') : escaped;
}

/** A quoted parameter value cannot hold a double quote or a line break (RFC 6868 would, few readers know it). */
function param(value: string): string {
  return value.replace(/["\r\n]+/g, ' ');
}

/** Folds a line into pieces of at most FOLD_AT octets, never inside a character's UTF-8 bytes. */
export function fold(line: string): string {
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    // Continuation lines start with a space, which counts towards their length.
    const limit = pieces.length === 0 ? FOLD_AT : FOLD_AT - 1;
    if (octets + size > limit) {
      pieces.push(piece);
      piece = '';
      octets = 0;
    }
    piece += ch;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join('\r\n ');
}

function utf8Length(ch: string): number {
  const code = ch.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}
