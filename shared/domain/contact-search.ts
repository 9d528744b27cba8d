// Process: any (pure). Finding a contact by what you remember: part of a name, the firm, a job title, a phone
// number, an email, a tag or a word from the notes; typos forgiven. An inverted index (MiniSearch) with prefix
// and fuzzy matching, kept up to date edit by edit so a sphere of 10,000 people answers as fast as one of 100.
import MiniSearch from 'minisearch';
import type { ContactDoc } from '../schemas/contact.ts';

/** Which field matched best, for the line under the name ("tag: golf", the phone that matched). */
export type SearchField = 'name' | 'organisation' | 'title' | 'email' | 'phone' | 'tag' | 'notes';
export type SearchHit = { contact: ContactDoc; score: number; field: SearchField };
export type SearchResult = { hits: SearchHit[]; total: number };

const FIELDS: { field: SearchField; boost: number }[] = [
  { field: 'name', boost: 4 },
  { field: 'organisation', boost: 2 },
  { field: 'title', boost: 1.5 },
  { field: 'email', boost: 1.5 },
  { field: 'phone', boost: 1.5 },
  { field: 'tag', boost: 1.5 },
  { field: 'notes', boost: 0.5 },
];

export const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * A phone is found by its digits in any grouping: all of them, the last ten (the national number) and the last
 * seven (the local one). A query of digits alone is read as one number (see `search`).
 */
function phoneText(phones: readonly string[]): string {
  return phones.flatMap((p) => {
    const digits = p.replace(/\D/g, '');
    return [digits, digits.slice(-10), digits.slice(-7)];
  }).join(' ');
}

const PHONE_QUERY = /^[\d\s()+\-./]+$/;

function fieldText(contact: ContactDoc, field: string): string {
  switch (field as SearchField) {
    case 'name': return contact.name;
    case 'organisation': return contact.organisation ?? '';
    case 'title': return contact.title ?? '';
    case 'email': return contact.emails.join(' ');
    case 'phone': return phoneText(contact.phones);
    case 'tag': return contact.tags.join(' ');
    case 'notes': return contact.notes ?? '';
  }
  return '';
}

/**
 * One edit forgiven in a word of three to six letters, two in a longer one; none in one or two letters, nor in
 * numbers (a digit off is another phone number, and fuzzy digits over every phone in the sphere are slow).
 */
function fuzziness(term: string): number | false {
  if (term.length < 3 || /\d/.test(term)) return false;
  return term.length <= 6 ? 1 : 2;
}

export class ContactIndex {
  private readonly index = new MiniSearch<ContactDoc>({
    idField: 'id',
    fields: FIELDS.map((f) => f.field),
    extractField: (doc, field) => (field === 'id' ? doc.id : fieldText(doc, field)),
    processTerm: (term) => fold(term) || null,
    searchOptions: {
      prefix: true,
      fuzzy: fuzziness,
      boost: Object.fromEntries(FIELDS.map((f) => [f.field, f.boost])),
      // Every word typed must match somewhere: "ana harbor" is Ana at Harbor Realty, not every Ana and every Harbor.
      combineWith: 'AND',
    },
  });
  private readonly docs = new Map<string, ContactDoc>();

  constructor(contacts: readonly ContactDoc[] = []) {
    this.update(contacts);
  }

  /** Brings the index to these contacts, re-indexing only the ones added, changed or removed since the last call. */
  update(contacts: readonly ContactDoc[]): void {
    const seen = new Set<string>();
    const added: ContactDoc[] = [];
    for (const contact of contacts) {
      seen.add(contact.id);
      const before = this.docs.get(contact.id);
      if (before === contact) continue;
      if (before && before.updatedAt === contact.updatedAt && JSON.stringify(before) === JSON.stringify(contact)) {
        this.docs.set(contact.id, contact);
        continue;
      }
      if (before) this.index.discard(contact.id);
      this.docs.set(contact.id, contact);
      added.push(contact);
    }
    for (const id of [...this.docs.keys()]) {
      if (seen.has(id)) continue;
      this.index.discard(id);
      this.docs.delete(id);
    }
    this.index.addAll(added);
  }

  get size(): number {
    return this.docs.size;
  }

  /** The best `limit` hits, and how many matched in all (for "12 more"). */
  search(rawQuery: string, limit = 8): SearchResult {
    let query = rawQuery.trim();
    if (!query) return { hits: [], total: 0 };
    // "555 201-77" is one phone number typed in groups, not three words each matching any number's group.
    if (PHONE_QUERY.test(query)) query = query.replace(/\D/g, '');
    if (!query) return { hits: [], total: 0 };
    // What was typed, as typed (whole words or their starts), ranks above what only a forgiven typo reaches: a
    // search for "broker" lists the brokers before Ms Becker, however rare her name.
    const exact = this.index.search(query, { fuzzy: false });
    // A query with no word long enough to forgive (the first letters typed, a number) reaches nothing more with
    // typos allowed: asked again, it found the same thousands of people twice (80 ms a keystroke at 50,000).
    const forgiving = query.split(/\s+/).some((word) => fuzziness(word) !== false);
    const seen = new Set(exact.map((r) => r.id as string));
    const results = forgiving ? [...exact, ...this.index.search(query).filter((r) => !seen.has(r.id as string))] : exact;
    const hits: SearchHit[] = [];
    for (const result of results.slice(0, limit)) {
      const contact = this.docs.get(result.id as string);
      if (!contact) continue;
      const matched = new Set(Object.values(result.match).flat());
      // The field shown is the most telling one that matched, in the order of the boosts.
      const field = FIELDS.find((f) => matched.has(f.field))?.field ?? 'name';
      hits.push({ contact, score: result.score, field });
    }
    return { hits, total: results.length };
  }
}

/** One search over a list, for callers without an index of their own to keep. */
export function searchContacts(contacts: readonly ContactDoc[], query: string, limit = 8): SearchHit[] {
  return new ContactIndex(contacts).search(query, limit).hits;
}
