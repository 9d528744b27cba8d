// Process: any (pure). Finding a contact by what you remember: part of a name, the firm, an email, a tag; typos forgiven a little.
import type { ContactDoc } from '../schemas/contact.ts';

export type SearchHit = { contact: ContactDoc; score: number; field: string };

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * Scores one field: a word that starts with the query beats a match inside a word,
 * which beats the query's letters appearing in order (a subsequence, for typos like "jhn smth").
 */
function scoreField(value: string, query: string): number {
  const text = fold(value);
  if (!text) return 0;
  if (text === query) return 100;
  if (text.startsWith(query)) return 90;
  if (text.split(/[\s@.\-_,&()]+/).some((w) => w.startsWith(query))) return 75;
  const at = text.indexOf(query);
  if (at >= 0) return 60 - Math.min(20, at);
  let i = 0;
  let gaps = 0;
  let last = -1;
  for (let j = 0; j < text.length && i < query.length; j++) {
    if (text[j] === query[i]) {
      if (last >= 0 && j - last > 1) gaps++;
      last = j;
      i++;
    }
  }
  return i === query.length && query.length >= 3 ? Math.max(5, 40 - gaps * 6) : 0;
}

export function searchContacts(contacts: readonly ContactDoc[], rawQuery: string, limit = 8): SearchHit[] {
  const query = fold(rawQuery.trim());
  if (!query) return [];
  const hits: SearchHit[] = [];
  for (const contact of contacts) {
    const fields: [string, string, number][] = [
      ['name', contact.name, 1],
      ['organisation', contact.organisation ?? '', 0.8],
      ...contact.emails.map((e): [string, string, number] => ['email', e, 0.7]),
      ...contact.tags.map((t): [string, string, number] => ['tag', t, 0.6]),
    ];
    let best: SearchHit | null = null;
    for (const [field, value, weight] of fields) {
      const score = scoreField(value, query) * weight;
      if (score > 0 && (!best || score > best.score)) best = { contact, score, field };
    }
    if (best) hits.push(best);
  }
  return hits.sort((a, b) => b.score - a.score || a.contact.name.localeCompare(b.contact.name)).slice(0, limit);
}
