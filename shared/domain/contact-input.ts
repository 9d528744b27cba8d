// Process: any (pure). What a person typed into a contact form, checked field by field before anything is saved.
import { BIRTHDAY_PATTERN, EMAIL_PATTERN, PHONE_PATTERN } from '../schemas/bounds.ts';
import { CATEGORIES, RINGS, type Category, type Ring } from './sphere.ts';

export type ContactInput = {
  name: string;
  category: string;
  ring: string;
  organisation?: string;
  email?: string;
  phone?: string;
};

export type ContactFields = {
  name: string;
  category: Category;
  ring: Ring;
  organisation?: string;
  emails: string[];
  phones: string[];
};

export type FieldErrors = Partial<Record<keyof ContactInput, string>>;

// The patterns the contact schema holds every stored email and phone to (schemas/bounds.ts). Deliberately
// plain for emails: one @, something on each side, a dot in the domain. Real validation is the reply.
const EMAIL = new RegExp(EMAIL_PATTERN);
const PHONE_CHARS = new RegExp(PHONE_PATTERN);
const BIRTHDAY = new RegExp(BIRTHDAY_PATTERN);

export function checkEmail(value: string): string | null {
  if (value.length > 320) return 'That email address is too long.';
  return EMAIL.test(value) ? null : 'An email address looks like name@example.com.';
}

export function checkPhone(value: string): string | null {
  if (!PHONE_CHARS.test(value)) return 'A phone number has digits, spaces, and + ( ) - . / only.';
  const digits = value.replace(/\D/g, '').length;
  if (digits < 5 || digits > 15) return 'A phone number has between 5 and 15 digits.';
  return null;
}

/**
 * Whether YYYY-MM-DD or --MM-DD names a day that exists. The schema's pattern knows each month's length; only
 * a 29 February with a year needs the year to be a leap year, which a pattern cannot say.
 */
export function isRealBirthday(value: string): boolean {
  if (!BIRTHDAY.test(value)) return false;
  if (!value.endsWith('-02-29') || value.startsWith('--')) return true;
  const year = Number(value.slice(0, 4));
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function checkBirthday(value: string): string | null {
  if (!/^(\d{4}|-)-\d{2}-\d{2}$/.test(value)) return 'A birthday is written 1980-04-23, or --04-23 without the year.';
  return isRealBirthday(value) ? null : 'That day does not exist in the calendar.';
}

export function parseContactInput(input: ContactInput): { ok: true; fields: ContactFields } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = input.name.trim();
  if (!name) errors.name = 'Every contact needs a name.';
  else if (name.length > 200) errors.name = 'A name can be at most 200 characters.';
  if (!(CATEGORIES as readonly string[]).includes(input.category)) errors.category = 'Choose who this person is to you.';
  if (!(RINGS as readonly string[]).includes(input.ring)) errors.ring = 'Choose how well you know each other.';
  const email = input.email?.trim() ?? '';
  const emailError = email ? checkEmail(email) : null;
  if (emailError) errors.email = emailError;
  const phone = input.phone?.trim() ?? '';
  const phoneError = phone ? checkPhone(phone) : null;
  if (phoneError) errors.phone = phoneError;
  const organisation = input.organisation?.trim() ?? '';
  if (organisation.length > 200) errors.organisation = 'An organisation can be at most 200 characters.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const fields: ContactFields = { name, category: input.category as Category, ring: input.ring as Ring, emails: email ? [email] : [], phones: phone ? [phone] : [] };
  if (organisation) fields.organisation = organisation;
  return { ok: true, fields };
}

/** "golf, Golf , golf" is one tag: trimmed, blank ones dropped, kept once (ignoring case) in the spelling first typed. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
