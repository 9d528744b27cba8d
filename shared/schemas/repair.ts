// Process: any (pure). Mending documents an older version let through, as their migration moves them to bounded
// schema versions: a value too long is shortened, a list deduplicated and capped, an unknown key dropped, an id
// outside the safe alphabet renamed the same way everywhere it is named. A value that cannot be kept where it
// was (an address that is no email) goes to the contact's notes rather than being lost.
import { isRealBirthday } from '../domain/contact-input.ts';
import { EMAIL_PATTERN, isSafeId, PHONE_PATTERN } from './bounds.ts';

type Doc = Record<string, unknown>;

/**
 * The safe id an unsafe one becomes: its safe characters, then a hash of the whole id. A pure function of the
 * id, so each collection's migration renames a contact and every reference to it alike without reading the
 * others, on every device; a safe id stays as it is.
 */
export function safeId(id: unknown): string {
  if (isSafeId(id)) return id;
  const text = typeof id === 'string' ? id : JSON.stringify(id ?? null);
  const readable = text.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return `${readable || 'id'}-${hash(text)}`;
}

/** Two 53-bit string hashes (cyrb53 with two seeds), base 36: 22 characters at most, collisions out of reach. */
function hash(text: string): string {
  const one = (seed: number) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  };
  return `${one(1)}${one(2)}`;
}

/** A reference field renamed as its target's id is; absent stays absent. */
export function renameRefs(doc: Doc, fields: readonly string[]): Doc {
  const out = { ...doc };
  for (const field of fields) if (out[field] !== undefined) out[field] = safeId(out[field]);
  return out;
}

/** At most `max` characters as the schemas count them (code points), never a half of a surrogate pair. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  let out = '';
  let count = 0;
  for (const ch of value) {
    if (count === max) break;
    out += ch;
    count += 1;
  }
  return out;
}

/** An optional text field shortened, or dropped when it is not text. */
export function clipField(doc: Doc, field: string, max: number): void {
  const value = doc[field];
  if (value === undefined) return;
  if (typeof value !== 'string') delete doc[field];
  else doc[field] = clip(value, max);
}

/** Only the keys a closed object allows. */
export function pick(value: unknown, keys: readonly string[]): Doc {
  const source = (typeof value === 'object' && value !== null ? value : {}) as Doc;
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

/** Trimmed, non-empty, first of each kept, at most `max`; `fits` says whether an item may stay (else it is `left`). */
export function tidyList(value: unknown, max: number, fits: (item: string) => boolean): { kept: string[]; left: string[] } {
  const kept: string[] = [];
  const left: string[] = [];
  const seen = new Set<string>();
  for (const raw of Array.isArray(value) ? value : []) {
    if (kept.length === max) break;
    if (typeof raw !== 'string') continue;
    const item = raw.trim();
    if (!item || seen.has(item)) continue;
    seen.add(item);
    if (fits(item)) kept.push(item);
    else left.push(item);
  }
  return { kept, left };
}

/** Stamps of the fields a document has, each a short string; anything else was never a stamp. */
export function tidyStamps(doc: Doc, fields: readonly string[]): void {
  if (doc.stamps === undefined) return;
  const stamps = pick(doc.stamps, fields);
  for (const [key, value] of Object.entries(stamps)) if (typeof value !== 'string' || value.length === 0 || value.length > 120) delete stamps[key];
  doc.stamps = stamps;
}

const EMAIL = new RegExp(EMAIL_PATTERN);
const PHONE = new RegExp(PHONE_PATTERN);
/** Limits of a contact's fields, as contact.ts declares them. */
export const CONTACT_LIMITS = { name: 200, organisation: 200, title: 200, email: 320, phone: 40, tag: 60, notes: 20000, address: 500, owner: 100, source: 200 } as const;

/**
 * A contact of version 1 as version 2 bounds it. Emails and phones that are not, and a birthday that is no
 * real day, are written into the notes, so the person's data is still there to be fixed by hand.
 */
export function repairContact(old: Doc, keys: readonly string[], stamped: readonly string[], lists: { emails: number; phones: number; tags: number; roles: readonly string[] }): Doc {
  const doc: Doc = renameRefs(pick(old, [...keys, 'stamps']), ['id']);
  const kept: string[] = [];
  const name = typeof doc.name === 'string' ? clip(doc.name.trim(), CONTACT_LIMITS.name) : '';
  doc.name = name || 'Unnamed';
  for (const field of ['organisation', 'title'] as const) clipField(doc, field, CONTACT_LIMITS[field]);
  const emails = tidyList(doc.emails, lists.emails, (e) => e.length <= CONTACT_LIMITS.email && EMAIL.test(e));
  const phones = tidyList(doc.phones, lists.phones, (p) => p.length <= CONTACT_LIMITS.phone && PHONE.test(p));
  doc.emails = emails.kept;
  doc.phones = phones.kept;
  kept.push(...emails.left.map((e) => `email: ${clip(e, 400)}`), ...phones.left.map((p) => `phone: ${clip(p, 400)}`));
  doc.tags = tidyList(doc.tags, lists.tags, () => true).kept.map((t) => clip(t, CONTACT_LIMITS.tag)).filter((t, i, all) => all.indexOf(t) === i);
  doc.roles = tidyList(doc.roles, lists.roles.length, (r) => lists.roles.includes(r)).kept;
  if (doc.optIn !== undefined) {
    const optIn = pick(doc.optIn, ['granted', 'at', 'source']);
    if (typeof optIn.granted === 'boolean' && typeof optIn.at === 'number' && Number.isFinite(optIn.at) && typeof optIn.source === 'string') {
      // Version 1 took any number as the date the person agreed: a whole millisecond from 1970 on now.
      doc.optIn = { ...optIn, at: Math.min(1e15, Math.max(0, Math.round(optIn.at))), source: clip(optIn.source, CONTACT_LIMITS.source) };
    } else delete doc.optIn;
  }
  if (typeof doc.birthday === 'string' && !isRealBirthday(doc.birthday)) {
    kept.push(`birthday: ${clip(doc.birthday, 40)}`);
    delete doc.birthday;
  }
  for (const field of ['address', 'owner'] as const) clipField(doc, field, CONTACT_LIMITS[field]);
  clipField(doc, 'notes', CONTACT_LIMITS.notes);
  if (kept.length > 0) {
    const said = `Kept by an upgrade of Sphere, as not valid where it was:\n${kept.join('\n')}`;
    const notes = typeof doc.notes === 'string' && doc.notes ? `${doc.notes}\n\n${said}` : said;
    doc.notes = clip(notes, CONTACT_LIMITS.notes);
  }
  clipField(doc, 'updatedBy', 64);
  tidyStamps(doc, stamped);
  return doc;
}
