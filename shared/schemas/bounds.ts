// Process: any (pure). The limits every stored or synced document keeps, declared once for the schemas, the
// host's write path and the team server: a document is small, closed and made of safe names, whoever wrote it.

/**
 * Ids name documents in other documents (contactId, from, to, referralId, supersedes), in SQLite keys, in the
 * team server's rows and in its URLs' logs: letters, digits, `_` and `-` only. What the app makes fits: random
 * UUIDs, `device-<uuid>`, the sample's `c-0001`.
 */
export const ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
const ID_RE = new RegExp(ID_PATTERN);

/** A document id or a reference to one. */
export const idField = { type: 'string', minLength: 1, maxLength: 64, pattern: ID_PATTERN } as const;

/** Milliseconds since 1970: whole, not negative, and short of year 33658. */
export const timeField = { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 } as const;

/** Who wrote a document: a device or a team member's id. */
export const authorField = { type: 'string', minLength: 1, maxLength: 64 } as const;

/** A hybrid logical clock stamp (shared/sync/hlc.ts): `<wall>:<counter>:<device>`. */
export const stampField = { type: 'string', minLength: 1, maxLength: 120 } as const;

// Deliberately plain, as the contact form checks it (contact-input.ts): one @, something on each side, a dot
// in the domain, no spaces. The real check is a reply.
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';
/** Digits and the punctuation people write phone numbers with. */
export const PHONE_PATTERN = '^\\+?[0-9 ().\\-/]+$';
/** A month and a day that exist in some year (29 February included; the year's leap is checked in contact-input.ts). */
const MONTH_DAY = '(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-9])|(?:0[13-9]|1[0-2])-30|(?:0[13578]|1[02])-31)';
/** YYYY-MM-DD, or --MM-DD when the year is not known. */
export const BIRTHDAY_PATTERN = `^(?:\\d{4}|-)-${MONTH_DAY}$`;
/** A calendar day, YYYY-MM-DD. */
export const DAY_PATTERN = `^\\d{4}-${MONTH_DAY}$`;
export const CURRENCY_PATTERN = '^[A-Z]{3}$';

export const MAX_EMAILS = 50;
export const MAX_PHONES = 50;
export const MAX_TAGS = 100;

/**
 * The JSON text of one document, RxDB's bookkeeping included, may be at most this many characters. The schemas
 * bound each field; this bounds what they cannot see (`_meta`, which RxDB leaves open for plugins) and keeps the
 * sum in reach of every device. A contact at every field's limit is under a quarter of it.
 */
export const MAX_DOCUMENT_CHARS = 256 * 1024;

/** `stamps` of a collection: one optional stamp per field of the document, and nothing else. */
export function stampsField(fields: readonly string[]) {
  return { type: 'object', properties: Object.fromEntries(fields.map((f) => [f, stampField])), additionalProperties: false } as const;
}

export const isSafeId = (id: unknown): id is string => typeof id === 'string' && ID_RE.test(id);

/** Why a document is too large to store or send, or undefined; `name` says which document it is. */
export function documentSizeProblem(name: string, doc: unknown): string | undefined {
  let chars: number;
  try {
    chars = JSON.stringify(doc)?.length ?? 0;
  } catch {
    return `${name} cannot be written as JSON`;
  }
  if (chars <= MAX_DOCUMENT_CHARS) return undefined;
  return `${name} is ${(chars / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_DOCUMENT_CHARS / 1024} KB a document may be`;
}

/** A document's name for an error: its collection and its id, quoted and shortened (the id may be anything). */
export function documentName(collection: string, id: unknown): string {
  const shown = typeof id === 'string' ? JSON.stringify(id.length > 70 ? `${id.slice(0, 70)}…` : id) : '(without an id)';
  return `${collection} document ${shown}`;
}

type SchemaError = { instancePath?: string; message?: string; params?: Record<string, unknown> };

/** Ajv's errors in words, short whatever the document held: the field, the rule, the unknown key if any. */
export function describeSchemaErrors(errors: readonly SchemaError[]): string {
  return errors
    .slice(0, 5)
    .map((e) => {
      const field = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || '(document)';
      const extra = typeof e.params?.additionalProperty === 'string' ? `: ${e.params.additionalProperty.slice(0, 60)}` : '';
      return `${field} ${e.message ?? 'is invalid'}${extra}`;
    })
    .join('; ');
}
