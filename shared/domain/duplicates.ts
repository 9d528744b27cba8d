// Process: any (pure). Likely duplicates: two records that share an email or a phone number, or whose names are
// the same or nearly so. A list for a person to decide on, pair by pair; nothing is merged without them.
import type { ContactDoc } from '../schemas/contact.ts';
import { fold } from './contact-search.ts';

export type DuplicateReason = 'same email' | 'same phone' | 'same name' | 'similar name';
export type DuplicatePair = { a: ContactDoc; b: ContactDoc; reasons: DuplicateReason[] };

/** Strong evidence first: a shared address or number outweighs a name, which many people share. */
const WEIGHT: Record<DuplicateReason, number> = { 'same email': 4, 'same phone': 3, 'same name': 2, 'similar name': 1 };

const nameKey = (name: string) => fold(name).replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter(Boolean).join(' ');

/** A number's last ten digits: "+1 (555) 201-7788" and "555.201.7788" are one phone. Short numbers are too ambiguous. */
function phoneKey(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-10) : null;
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Names one typing slip apart ("Jon Smith", "John Smith"); short names are too alike to judge by a letter. */
function oneSlipApart(a: string, b: string): boolean {
  return Math.min(a.length, b.length) >= 5 && editDistance(a, b, 1) <= 1;
}

/** The name and each form of it with one letter left out: two names one slip apart share at least one of these. */
function deletionVariants(key: string): string[] {
  const out = [key];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

/**
 * Every likely pair, most likely first. Similar names meet through shared keys (the words in order, and the
 * one-letter-deleted forms), so 10,000 contacts are compared in linear time, not 50 million pairs.
 */
export function findDuplicates(contacts: readonly ContactDoc[]): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>();
  const note = (a: ContactDoc, b: ContactDoc, reason: DuplicateReason) => {
    if (a.id === b.id) return;
    const [x, y] = a.id < b.id ? [a, b] : [b, a];
    const key = `${x.id}\u0000${y.id}`;
    const pair = pairs.get(key) ?? { a: x, b: y, reasons: [] };
    if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
    pairs.set(key, pair);
  };
  const groupBy = (keyOf: (c: ContactDoc) => (string | null)[], reason: DuplicateReason, accept = (_a: ContactDoc, _b: ContactDoc) => true) => {
    const groups = new Map<string, ContactDoc[]>();
    for (const c of contacts) {
      for (const key of new Set(keyOf(c))) {
        if (!key) continue;
        const group = groups.get(key);
        if (group) group.push(c);
        else groups.set(key, [c]);
      }
    }
    for (const group of groups.values()) for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) if (accept(group[i]!, group[j]!)) note(group[i]!, group[j]!, reason);
  };
  groupBy((c) => c.emails.map((e) => e.trim().toLowerCase()), 'same email');
  groupBy((c) => c.phones.map(phoneKey), 'same phone');
  groupBy((c) => [nameKey(c.name)], 'same name');

  // The same words in another order ("Smith, Maria"); the same name in the same order is already paired above.
  groupBy((c) => [nameKey(c.name).split(' ').sort().join(' ')], 'similar name', (a, b) => nameKey(a.name) !== nameKey(b.name));
  const byVariant = new Map<string, { c: ContactDoc; key: string }[]>();
  for (const c of contacts) {
    const key = nameKey(c.name);
    for (const variant of new Set(deletionVariants(key))) {
      const list = byVariant.get(variant);
      if (list) list.push({ c, key });
      else byVariant.set(variant, [{ c, key }]);
    }
  }
  for (const list of byVariant.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i]!;
        const y = list[j]!;
        if (x.key !== y.key && oneSlipApart(x.key, y.key)) note(x.c, y.c, 'similar name');
      }
    }
  }
  const weight = (p: DuplicatePair) => p.reasons.reduce((sum, r) => sum + WEIGHT[r], 0);
  return [...pairs.values()].sort((p, q) => weight(q) - weight(p) || p.a.name.localeCompare(q.a.name));
}
