// Process: any (pure). One row of a table becomes one contact as it will be stored, through the column mapping
// the user agreed to; a row that cannot become one says why, by its line.
import type { CountryCode } from 'libphonenumber-js';
import { checkEmail } from '../domain/contact-input.ts';
import { CATEGORIES, CATEGORY_LABELS, RING_LABELS, RINGS, type Category, type Ring } from '../domain/sphere.ts';
import { normalisePhone } from './phone-number.ts';
import { splitValues, type TableRow } from './import-table.ts';
import type { ContactDoc } from '../schemas/index.ts';
import { MAX_EMAILS, MAX_PHONES, MAX_TAGS } from '../schemas/bounds.ts';
import { CONTACT_LIMITS } from '../schemas/repair.ts';

export const FIELD_TARGETS = [
  'ignore', 'name', 'firstName', 'middleName', 'lastName', 'organisation', 'title', 'email', 'phone',
  'address', 'birthday', 'notes', 'tags', 'category', 'ring',
] as const;
export type FieldTarget = (typeof FIELD_TARGETS)[number];

export const FIELD_LABELS: Record<FieldTarget, string> = {
  ignore: '(not imported)', name: 'Full name', firstName: 'First name', middleName: 'Middle name', lastName: 'Last name',
  organisation: 'Organisation', title: 'Job title', email: 'Email', phone: 'Phone', address: 'Address', birthday: 'Birthday',
  notes: 'Notes', tags: 'Tags', category: 'Category', ring: 'Ring',
};

/** A contact as an import will add it (or merge it into one already in the sphere): the fields a file can hold. */
export type ContactDraft = Pick<ContactDoc, 'name' | 'category' | 'ring' | 'organisation' | 'title' | 'emails' | 'phones' | 'tags' | 'notes' | 'address' | 'birthday'>;

export type ImportOptions = {
  /** For rows whose category or ring column is empty, or when no column is mapped to them. */
  category: Category;
  ring: Ring;
  /** Default region for phone numbers written without their country code. */
  region: CountryCode | undefined;
};

export type RowOutcome = { ok: true; draft: ContactDraft } | { ok: false; reason: string };

/** The store's own limits (shared/schemas), checked here so a bad row is named before anything is sent. */
const LIMITS = { ...CONTACT_LIMITS, tags: MAX_TAGS, emails: MAX_EMAILS, phones: MAX_PHONES };

export function rowToDraft(row: TableRow, columns: readonly string[], mapping: readonly FieldTarget[], options: ImportOptions): RowOutcome {
  const by = new Map<FieldTarget, { column: string; value: string }[]>();
  mapping.forEach((target, i) => {
    if (target === 'ignore') return;
    const value = (row.cells[i] ?? '').trim();
    if (value === '') return;
    const list = by.get(target) ?? [];
    list.push({ column: columns[i] ?? '', value });
    by.set(target, list);
  });
  const values = (t: FieldTarget) => by.get(t)?.map((v) => v.value) ?? [];
  const first = (t: FieldTarget) => values(t)[0];

  const emails: string[] = [];
  for (const email of values('email').flatMap(splitValues)) {
    const problem = checkEmail(email);
    if (problem) return { ok: false, reason: `"${email.slice(0, 60)}" is not an email address` };
    if (!emails.some((e) => e.toLowerCase() === email.toLowerCase())) emails.push(email);
  }
  const phones: string[] = [];
  for (const typed of values('phone').flatMap(splitValues)) {
    const phone = normalisePhone(typed, options.region);
    if (!phone.ok) return { ok: false, reason: phone.reason };
    if (!phones.includes(phone.phone)) phones.push(phone.phone);
  }
  const organisation = first('organisation');
  const composed = composeName(first('firstName'), first('middleName'), first('lastName'));
  // Some exports hold only an address or a company for a person: the store needs a name, so it takes one of those.
  const name = clean(first('name') ?? '') || composed || organisation || emails[0] || phones[0];
  if (!name) return { ok: false, reason: 'the row has no name, organisation, email or phone' };

  const category = pick(first('category'), CATEGORIES, CATEGORY_LABELS, options.category, 'category');
  if (typeof category === 'object') return { ok: false, reason: category.reason };
  const ring = pick(first('ring'), RINGS, { ...RING_LABELS, prospect: 'Prospect' }, options.ring, 'ring');
  if (typeof ring === 'object') return { ok: false, reason: ring.reason };

  const draft: ContactDraft = { name, category, ring, emails, phones, tags: tagsOf(values('tags')) };
  if (organisation) draft.organisation = organisation;
  const title = first('title');
  if (title) draft.title = title;
  const address = values('address').join(', ');
  if (address) draft.address = address;
  const notes = by.get('notes')?.map(({ column, value }) => (/note|comment/i.test(column) ? value : `${column}: ${value}`)).join('\n');
  if (notes) draft.notes = notes;
  const birthday = first('birthday');
  if (birthday) {
    const date = normaliseBirthday(birthday);
    if (date === null) return { ok: false, reason: `birthday "${birthday.slice(0, 40)}" is not a date like 1980-04-23` };
    if (date) draft.birthday = date;
  }
  const tooLong = overLimit(draft);
  return tooLong ? { ok: false, reason: tooLong } : { ok: true, draft };
}

function overLimit(d: ContactDraft): string | null {
  if (d.name.length > LIMITS.name) return `the name is longer than ${LIMITS.name} characters`;
  if ((d.organisation?.length ?? 0) > LIMITS.organisation) return `the organisation is longer than ${LIMITS.organisation} characters`;
  if ((d.title?.length ?? 0) > LIMITS.title) return `the job title is longer than ${LIMITS.title} characters`;
  if ((d.address?.length ?? 0) > LIMITS.address) return `the address is longer than ${LIMITS.address} characters`;
  if ((d.notes?.length ?? 0) > LIMITS.notes) return `the notes are longer than ${LIMITS.notes} characters`;
  if (d.emails.length > LIMITS.emails) return `more than ${LIMITS.emails} email addresses`;
  if (d.phones.length > LIMITS.phones) return `more than ${LIMITS.phones} phone numbers`;
  if (d.phones.some((p) => p.length > 40)) return 'a phone number is longer than 40 characters';
  if (d.tags.length > LIMITS.tags) return `more than ${LIMITS.tags} tags`;
  if (d.tags.some((t) => t.length > LIMITS.tag)) return `a tag is longer than ${LIMITS.tag} characters`;
  return null;
}

const EAST_ASIAN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\s]+$/u;

/** Chinese, Japanese and Korean names are written family name first, without spaces (王 + 小明 is 王小明). */
function composeName(given = '', middle = '', family = ''): string {
  const parts = [given, middle, family].filter(Boolean);
  if (parts.length > 1 && parts.every((p) => EAST_ASIAN.test(p))) return [family, middle, given].join('').replace(/\s+/g, '');
  return parts.join(' ');
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A category or ring from a column: its id or its label, any case; empty takes the default. */
function pick<T extends string>(value: string | undefined, ids: readonly T[], labels: Record<T, string>, fallback: T, what: string): T | { reason: string } {
  if (!value) return fallback;
  const wanted = value.trim().toLowerCase();
  const found = ids.find((id) => id.toLowerCase() === wanted || labels[id].toLowerCase() === wanted);
  return found ?? { reason: `${what} "${value.slice(0, 40)}" is not one of ${ids.map((id) => labels[id]).join(', ')}` };
}

/**
 * Google's labels ("* myContacts ::: Friends"), Outlook's categories ("Golf;Clients") and spreadsheets' lists become
 * tags. Google's own system groups (starting "* ") say nothing about the person and are left out.
 */
function tagsOf(cells: string[]): string[] {
  const tags: string[] = [];
  for (const cell of cells) {
    for (const part of cell.split(/\s*(?::::|;|,|\n)\s*/)) {
      const tag = part.trim();
      if (!tag || tag.startsWith('* ') || tags.includes(tag)) continue;
      tags.push(tag);
    }
  }
  return tags;
}

/**
 * The store's birthday form (YYYY-MM-DD, or --MM-DD without a year) from the forms exports write: ISO with or
 * without dashes, vCard's --MMDD, a time after the date, and Outlook's M/D/YYYY (a first number over 12 is the day).
 * Empty string: no birthday (Outlook writes 0/0/00 for none). Null: not a date.
 */
export function normaliseBirthday(text: string): string | null {
  const t = text.trim();
  if (t === '' || /^0?0\/0?0\/(00)?00$/.test(t)) return '';
  let year: string | undefined;
  let month: number;
  let day: number;
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$/.exec(t);
  if (m) [year, month, day] = [m[1], Number(m[2]), Number(m[3])];
  else if ((m = /^--(\d{2})-?(\d{2})$/.exec(t))) [month, day] = [Number(m[1]), Number(m[2])];
  else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    [year, month, day] = a > 12 ? [m[3], b, a] : [m[3], a, b];
  } else return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // vCard 3.0 writes an unknown year as 1604 (Apple) or 0000; the store's form without a year says so plainly.
  return year && year !== '1604' && year !== '0000' ? `${year}-${md}` : `--${md}`;
}
