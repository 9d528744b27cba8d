// Process: any (pure). Phone numbers as the store keeps them and duplicates are matched by: E.164 (+14155550100)
// where libphonenumber can tell the country (from the number or the user's default region), as typed otherwise.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { checkPhone } from '../domain/contact-input.ts';

/** An ISO 3166 region libphonenumber knows ('US', 'GB', 'DE'), else undefined (numbers then need their +code). */
export function phoneRegion(region: string | undefined): CountryCode | undefined {
  const code = region?.trim().toUpperCase();
  return code && isSupportedCountry(code) ? (code as CountryCode) : undefined;
}

/** The number to store, or the reason it is not a phone number. */
export function normalisePhone(text: string, region: CountryCode | undefined): { ok: true; phone: string } | { ok: false; reason: string } {
  const typed = text.trim();
  const parsed = parsePhoneNumberFromString(typed, region);
  if (parsed && parsed.isPossible()) return { ok: true, phone: parsed.number };
  // Without a country the number cannot be written in E.164; it is kept as typed if it looks like one.
  const problem = checkPhone(typed);
  if (problem) return { ok: false, reason: `"${typed.slice(0, 40)}" is not a phone number: ${problem}` };
  return { ok: true, phone: typed };
}

/** What two numbers must share to be one: the E.164 form, or the digits where there is none. */
export function phoneKey(phone: string): string {
  return phone.startsWith('+') ? phone.replace(/[^\d+]/g, '') : phone.replace(/\D/g, '');
}
