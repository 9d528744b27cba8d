// Process: any (pure). What an import will do before it does anything: each row becomes a contact to add, or a
// duplicate of someone already in the sphere or earlier in the file (same email in any case, same phone in E.164,
// or same name at the same organisation), or an error with its line. The user then says, per duplicate or for
// all, whether to merge, skip or keep both; `finishImport` turns those answers into the one host command.
import { mergeContactFields } from '../domain/merge.ts';
import type { ContactDoc } from '../schemas/contact.ts';
import { rowToDraft, type ContactDraft, type FieldTarget, type ImportOptions } from './import-mapping.ts';
import type { ImportTable, RowError } from './import-table.ts';
import { phoneKey } from './phone-number.ts';

/** What duplicates are looked for in the sphere: enough of each contact to match on, nothing else. */
export type ExistingContact = Pick<ContactDoc, 'id' | 'name' | 'emails' | 'phones'> & { organisation?: string };

export type MatchReason = 'email' | 'phone' | 'name and organisation';

export type DuplicateMatch =
  | { kind: 'store'; contactId: string; name: string; reason: MatchReason }
  | { kind: 'file'; entry: number; line: number; name: string; reason: MatchReason };

export type PlanEntry = { line: number; draft: ContactDraft; match?: DuplicateMatch };

export type ImportPlan = { entries: PlanEntry[]; errors: RowError[]; rows: number };

export type Resolution = 'merge' | 'skip' | 'keep';

/** The host command's content: contacts to add, and contacts to merge into ones already stored. */
export type ImportBatch = { contacts: ContactDraft[]; merges: { contactId: string; contact: ContactDraft }[] };

export type ImportSummary = { imported: number; merged: number; skipped: number; errors: RowError[] };

type Owner = { kind: 'store'; contact: ExistingContact } | { kind: 'file'; entry: number };

export function planImport(
  table: ImportTable, mapping: readonly FieldTarget[], options: ImportOptions, existing: readonly ExistingContact[],
  progress?: (done: number, total: number) => void,
): ImportPlan {
  const index = new Map<string, Owner>();
  const claim = (keys: string[], owner: Owner) => {
    for (const key of keys) if (!index.has(key)) index.set(key, owner);
  };
  for (const contact of existing) claim(matchKeys(contact), { kind: 'store', contact });
  const entries: PlanEntry[] = [];
  const errors: RowError[] = [...table.errors];
  table.rows.forEach((row, i) => {
    if (progress && i % 1000 === 0) progress(i, table.rows.length);
    const outcome = rowToDraft(row, table.columns, mapping, options);
    if (!outcome.ok) {
      errors.push({ line: row.line, reason: outcome.reason });
      return;
    }
    const keys = matchKeys(outcome.draft);
    const entry: PlanEntry = { line: row.line, draft: outcome.draft };
    const hit = firstHit(index, keys);
    if (hit) {
      const { owner, reason } = hit;
      entry.match = owner.kind === 'store'
        ? { kind: 'store', contactId: owner.contact.id, name: owner.contact.name, reason }
        : { kind: 'file', entry: owner.entry, line: entries[owner.entry]!.line, name: entries[owner.entry]!.draft.name, reason };
    }
    claim(keys, { kind: 'file', entry: entries.length });
    entries.push(entry);
  });
  progress?.(table.rows.length, table.rows.length);
  errors.sort((a, b) => a.line - b.line);
  return { entries, errors, rows: table.rows.length + table.errors.length };
}

/** Keys in the order they are trusted: an email names one person better than a phone shared by a household. */
function matchKeys(c: { name: string; organisation?: string; emails: readonly string[]; phones: readonly string[] }): string[] {
  const keys = c.emails.map((e) => `email:${e.trim().toLowerCase()}`);
  for (const phone of c.phones) {
    const key = phoneKey(phone);
    if (key.replace('+', '').length >= 5) keys.push(`phone:${key}`);
  }
  // A name alone is not enough ("John Smith"); with the same organisation it is.
  if (c.organisation?.trim()) keys.push(`name:${fold(c.name)}|${fold(c.organisation)}`);
  return keys;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

function firstHit(index: Map<string, Owner>, keys: string[]): { owner: Owner; reason: MatchReason } | undefined {
  for (const key of keys) {
    const owner = index.get(key);
    if (owner) return { owner, reason: key.startsWith('email:') ? 'email' : key.startsWith('phone:') ? 'phone' : 'name and organisation' };
  }
  return undefined;
}

/**
 * The batch the host runs and the counts the user is told. A duplicate merged into an earlier row goes wherever
 * that row goes (into the same stored contact, or the same new one; nowhere if that row was skipped).
 */
export function finishImport(plan: ImportPlan, resolve: (entry: PlanEntry, index: number) => Resolution): { batch: ImportBatch; summary: ImportSummary } {
  type Fate = { kind: 'new'; at: number } | { kind: 'store'; contactId: string } | { kind: 'skipped' };
  const fates: Fate[] = [];
  const contacts: ContactDraft[] = [];
  const merges = new Map<string, ContactDraft>();
  let merged = 0;
  let skipped = 0;
  plan.entries.forEach((entry, i) => {
    const choice = entry.match ? resolve(entry, i) : 'keep';
    if (choice === 'skip') {
      skipped++;
      fates.push({ kind: 'skipped' });
    } else if (choice === 'keep' || !entry.match) {
      fates.push({ kind: 'new', at: contacts.length });
      contacts.push(entry.draft);
    } else {
      const fate: Fate = entry.match.kind === 'store' ? { kind: 'store', contactId: entry.match.contactId } : fates[entry.match.entry]!;
      fates.push(fate);
      if (fate.kind === 'skipped') skipped++;
      else {
        merged++;
        if (fate.kind === 'new') contacts[fate.at] = mergeDrafts(contacts[fate.at]!, entry.draft);
        else {
          const earlier = merges.get(fate.contactId);
          merges.set(fate.contactId, earlier ? mergeDrafts(earlier, entry.draft) : entry.draft);
        }
      }
    }
  });
  return {
    batch: { contacts, merges: [...merges].map(([contactId, contact]) => ({ contactId, contact })) },
    summary: { imported: contacts.length, merged, skipped, errors: plan.errors },
  };
}

/** What the user reviews of a plan: its duplicates and errors, not the (maybe 50,000) drafts, which stay where it was made. */
export type PlanReview = { entries: number; duplicates: { index: number; line: number; name: string; match: DuplicateMatch }[]; errors: RowError[] };

export function reviewOf(plan: ImportPlan): PlanReview {
  const duplicates: PlanReview['duplicates'] = [];
  plan.entries.forEach((entry, index) => {
    if (entry.match) duplicates.push({ index, line: entry.line, name: entry.draft.name, match: entry.match });
  });
  return { entries: plan.entries.length, duplicates, errors: plan.errors };
}

/** The counts finishImport would give for these choices, from the review alone (same rules: a merge into a row follows that row). */
export function countImport(review: PlanReview, resolve: (index: number) => Resolution): Omit<ImportSummary, 'errors'> {
  const fate = new Map<number, 'new' | 'merged' | 'skipped'>();
  let imported = review.entries - review.duplicates.length;
  let merged = 0;
  let skipped = 0;
  for (const d of review.duplicates) {
    const choice = resolve(d.index);
    let outcome: 'new' | 'merged' | 'skipped' = choice === 'skip' ? 'skipped' : choice === 'keep' ? 'new' : 'merged';
    // Rows without a match are new; a merge into an earlier row goes nowhere if that row was skipped.
    if (outcome === 'merged' && d.match.kind === 'file' && fate.get(d.match.entry) === 'skipped') outcome = 'skipped';
    fate.set(d.index, outcome);
    if (outcome === 'new') imported++;
    else if (outcome === 'merged') merged++;
    else skipped++;
  }
  return { imported, merged, skipped };
}

/** Two rows of one person, merged as the app merges two contacts: the earlier row survives and the later fills gaps. */
export function mergeDrafts(survivor: ContactDraft, duplicate: ContactDraft): ContactDraft {
  const merged = mergeContactFields(draftDoc(survivor), draftDoc(duplicate), 0, '');
  const { id: _id, roles: _roles, createdAt: _c, updatedAt: _u, updatedBy: _b, ...draft } = merged;
  return draft as ContactDraft;
}

/** A draft in the shape of a stored contact, for the app's merge. */
export function draftDoc(draft: ContactDraft, id = '', at = 0, by = ''): ContactDoc {
  return { id, ...draft, roles: [], createdAt: at, updatedAt: at, updatedBy: by };
}
