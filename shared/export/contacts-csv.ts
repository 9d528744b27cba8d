// Process: any (pure). Contacts as CSV with Google Contacts' own header set (its export since 2024), so the file
// imports back into Google Contacts, and into anything that reads Google's format, without a column mapping.
import { csvText } from './csv-text.ts';
import type { ContactDoc } from '../schemas/index.ts';
import { splitName } from './contact-names.ts';

const NAME_COLUMNS = [
  'First Name', 'Middle Name', 'Last Name', 'Phonetic First Name', 'Phonetic Middle Name', 'Phonetic Last Name',
  'Name Prefix', 'Name Suffix', 'Nickname', 'File As', 'Organization Name', 'Organization Title',
  'Organization Department', 'Birthday', 'Notes', 'Photo', 'Labels',
];
const ADDRESS_COLUMNS = [
  'Address 1 - Label', 'Address 1 - Formatted', 'Address 1 - Street', 'Address 1 - City', 'Address 1 - PO Box',
  'Address 1 - Region', 'Address 1 - Postal Code', 'Address 1 - Country', 'Address 1 - Extended Address',
];

/** Google's own label for the contacts in "My Contacts"; its import adds the others as labels (groups). */
const MY_CONTACTS = '* myContacts';
/** Google writes several values in one cell (labels, a field's values) separated so. */
export const GOOGLE_SEPARATOR = ' ::: ';

/**
 * What Sphere knows that Google has no column for (category, ring, roles) goes in Google's custom fields, which
 * its import keeps: labelled so a person reading the file, and Sphere reading it back, know which is which. The
 * values are Sphere's own ids (`trust`, `centerOfInfluence`), which read back without a table of display names.
 */
export const SPHERE_FIELDS = { category: 'Sphere category', ring: 'Sphere ring', roles: 'Sphere roles' } as const;

export function contactsToGoogleCsv(contacts: readonly ContactDoc[]): string {
  const emails = Math.max(1, ...contacts.map((c) => c.emails.length));
  const phones = Math.max(1, ...contacts.map((c) => c.phones.length));
  const custom = Object.values(SPHERE_FIELDS);
  const header = [
    ...NAME_COLUMNS,
    ...numbered('E-mail', emails),
    ...numbered('Phone', phones),
    ...ADDRESS_COLUMNS,
    ...custom.flatMap((_, i) => [`Custom Field ${i + 1} - Label`, `Custom Field ${i + 1} - Value`]),
  ];
  const rows = contacts.map((c) => {
    const { given, family } = splitName(c.name);
    const row: Record<string, string> = {
      'First Name': given,
      'Last Name': family,
      'Organization Name': c.organisation ?? '',
      'Organization Title': c.title ?? '',
      Birthday: c.birthday ?? '',
      Notes: c.notes ?? '',
      Labels: [MY_CONTACTS, ...c.tags].join(GOOGLE_SEPARATOR),
      'Address 1 - Label': c.address ? 'Home' : '',
      'Address 1 - Formatted': c.address ?? '',
    };
    c.emails.forEach((email, i) => Object.assign(row, { [`E-mail ${i + 1} - Label`]: i === 0 ? '* Other' : 'Other', [`E-mail ${i + 1} - Value`]: email }));
    c.phones.forEach((phone, i) => Object.assign(row, { [`Phone ${i + 1} - Label`]: i === 0 ? 'Mobile' : 'Other', [`Phone ${i + 1} - Value`]: phone }));
    const values = [c.category, c.ring, c.roles.join(GOOGLE_SEPARATOR)];
    custom.forEach((label, i) => Object.assign(row, { [`Custom Field ${i + 1} - Label`]: label, [`Custom Field ${i + 1} - Value`]: values[i] }));
    return header.map((h) => row[h] ?? '');
  });
  return csvText(header, rows);
}

function numbered(what: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => [`${what} ${i + 1} - Label`, `${what} ${i + 1} - Value`]).flat();
}
