// Process: any (pure). Which export a CSV came from, told by its header row, and the mapping proposed for it:
// Google Contacts (its current header set and the older one), Outlook, LinkedIn, or any spreadsheet.
import type { ImportFormat } from './import-table.ts';
import type { FieldTarget } from './import-mapping.ts';

const has = (columns: readonly string[], ...names: string[]) => names.every((n) => columns.some((c) => c.toLowerCase() === n.toLowerCase()));

export function detectCsvFormat(columns: readonly string[]): { format: Exclude<ImportFormat, 'vcard'>; variant?: string } {
  if (has(columns, 'First Name', 'Last Name', 'E-mail 1 - Value') || has(columns, 'First Name', 'Organization Name', 'Labels')) return { format: 'google', variant: 'current headers' };
  if (has(columns, 'Given Name', 'Family Name', 'Group Membership') || has(columns, 'Name', 'Given Name', 'E-mail 1 - Value')) return { format: 'google', variant: 'older headers' };
  if (has(columns, 'E-mail Address', 'Job Title') || has(columns, 'E-mail Address', 'Business Phone') || has(columns, 'E-mail Address', 'Mobile Phone')) return { format: 'outlook' };
  if (has(columns, 'First Name', 'Last Name', 'Connected On') || has(columns, 'First Name', 'Last Name', 'Company', 'Position')) return { format: 'linkedin' };
  return { format: 'csv' };
}

/** Exact header names of the known exports; a header not named here is guessed from its words. */
const KNOWN: Record<Exclude<ImportFormat, 'csv' | 'vcard'>, Record<string, FieldTarget>> = {
  google: {
    // Sphere's own export: its custom fields read back as columns of these names (csv-table.ts).
    'sphere category': 'category', 'sphere ring': 'ring',
    'name': 'name', 'first name': 'firstName', 'given name': 'firstName', 'middle name': 'middleName', 'additional name': 'middleName',
    'last name': 'lastName', 'family name': 'lastName', 'organization name': 'organisation', 'organization 1 - name': 'organisation',
    'organization title': 'title', 'organization 1 - title': 'title', 'birthday': 'birthday', 'notes': 'notes',
    'labels': 'tags', 'group membership': 'tags', 'address 1 - formatted': 'address',
  },
  outlook: {
    'first name': 'firstName', 'middle name': 'middleName', 'last name': 'lastName', 'company': 'organisation', 'job title': 'title',
    'e-mail address': 'email', 'e-mail 2 address': 'email', 'e-mail 3 address': 'email',
    'mobile phone': 'phone', 'home phone': 'phone', 'business phone': 'phone', 'other phone': 'phone', 'primary phone': 'phone', 'home phone 2': 'phone', 'business phone 2': 'phone',
    'home street': 'address', 'home city': 'address', 'home state': 'address', 'home postal code': 'address', 'home country/region': 'address',
    'birthday': 'birthday', 'notes': 'notes', 'categories': 'tags',
    // Outlook's "Title" is the courtesy title (Mr., Dr.), not the job.
    'title': 'ignore',
  },
  linkedin: {
    'first name': 'firstName', 'last name': 'lastName', 'email address': 'email', 'company': 'organisation', 'position': 'title',
    'url': 'notes', 'connected on': 'ignore',
  },
};

/** Words in a spreadsheet's header, in the order they are tried: the first that matches decides. */
const GUESSES: [RegExp, FieldTarget][] = [
  [/^(full ?name|name|display name|contact|contact name|person)$/i, 'name'],
  [/first|given|fore/i, 'firstName'],
  [/middle|additional/i, 'middleName'],
  [/last|family|surname/i, 'lastName'],
  [/e-?mail/i, 'email'],
  [/phone|mobile|cell|tel/i, 'phone'],
  [/company|organi[sz]ation|employer|^org$/i, 'organisation'],
  [/title|position|role|job/i, 'title'],
  [/birth|dob/i, 'birthday'],
  [/address|street|city|postal|zip|country|state|region/i, 'address'],
  [/note|comment|remark/i, 'notes'],
  [/tag|label|group/i, 'tags'],
  [/^(sphere )?(category|sector)$/i, 'category'],
  [/^(ring|depth|relationship)$/i, 'ring'],
];

/** Google and others number repeated fields: "E-mail 2 - Value", "Phone 1 - Value". */
const NUMBERED: [RegExp, FieldTarget][] = [
  [/^e-?mail \d+ - value$/i, 'email'],
  [/^phone \d+ - value$/i, 'phone'],
  [/^(e-?mail|phone|address|website|relation|event|custom field|im|organization) \d+ - /i, 'ignore'],
];

export function proposeCsvMapping(format: ImportFormat, columns: readonly string[]): FieldTarget[] {
  const known = format === 'csv' || format === 'vcard' ? {} : KNOWN[format];
  const taken = new Set<FieldTarget>();
  return columns.map((column) => {
    const key = column.trim().toLowerCase();
    const exact = known[key];
    if (exact) return exact;
    for (const [pattern, target] of NUMBERED) if (pattern.test(key)) return target;
    // A known export's other columns (phonetic names, yomi, fax numbers) stay out unless the user maps them.
    if (format !== 'csv') return 'ignore';
    for (const [pattern, target] of GUESSES) {
      if (!pattern.test(key)) continue;
      // One column for each single-valued field; a second "Name"-like column is more likely something else.
      if (SINGLE.has(target) && taken.has(target)) return 'ignore';
      taken.add(target);
      return target;
    }
    return 'ignore';
  });
}

const SINGLE = new Set<FieldTarget>(['name', 'firstName', 'middleName', 'lastName', 'organisation', 'title', 'birthday', 'category', 'ring']);
