// Process: any (pure). A contact's history as the window sees it, and the contacts that can be restored: what the
// host's journal (electron/store/journal.ts) answers through the app API, declared once.
import { z } from 'zod';
import type { ContactDoc, DealDoc, TieDoc, TouchDoc } from './schemas/index.ts';

/** command: made here; undo/redo: a step taken back or again; pulled: a teammate's change; merged: both edited. */
export const JOURNAL_KINDS = ['command', 'undo', 'redo', 'pulled', 'merged'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

/** One field two devices both changed, and whose value the merge kept. */
export const FieldMergeSchema = z.object({
  collection: z.string(),
  id: z.string(),
  field: z.string(),
  kept: z.enum(['yours', 'theirs']),
  yours: z.unknown(),
  theirs: z.unknown(),
  /** Who made their edit (the teammate's email, or their device). */
  theirsBy: z.string(),
});
export type FieldMerge = z.infer<typeof FieldMergeSchema>;

export const FieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const ContactHistoryEntrySchema = z.object({
  seq: z.number(),
  at: z.number(),
  kind: z.enum(JOURNAL_KINDS),
  label: z.string(),
  /** An email (a team member) or a device id. */
  author: z.string(),
  /** True when the author is this device (or the member signed in on it). */
  here: z.boolean(),
  /** The contact was created, deleted, or its fields changed (then `fields` says which). */
  contact: z.enum(['added', 'deleted', 'changed', 'unchanged']),
  fields: z.array(FieldChangeSchema),
  /** Touches, ties and deals added or removed with this change ("touch added"). */
  related: z.array(z.string()),
  merges: z.array(FieldMergeSchema),
});
export type ContactHistoryEntry = z.infer<typeof ContactHistoryEntrySchema>;

/** A deleted contact as the journal last saw it, with what was deleted with it (restore brings those back too). */
export type DeletedContact = { contact: ContactDoc; at: number; by: string; ties: TieDoc[]; touches: TouchDoc[]; deals: DealDoc[] };

export const DeletedContactSummarySchema = z.object({
  contactId: z.string(),
  name: z.string(),
  at: z.number(),
  by: z.string(),
  here: z.boolean(),
  ties: z.number(),
  touches: z.number(),
  deals: z.number(),
});
export type DeletedContactSummary = z.infer<typeof DeletedContactSummarySchema>;

export const UndoStackSchema = z.object({
  undo: z.array(z.object({ runId: z.string(), label: z.string() })),
  redo: z.array(z.object({ runId: z.string(), label: z.string() })),
});
export type UndoStack = z.infer<typeof UndoStackSchema>;

/** Fields that change with every write: never shown as what an edit changed. */
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', 'stamps', 'createdAt', 'id']);

/** The fields that differ between two versions of a document, bookkeeping aside. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  if (!before || !after) return [];
  const out: FieldChange[] = [];
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (BOOKKEEPING.has(field) || JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    out.push({ field, before: before[field] ?? null, after: after[field] ?? null });
  }
  return out;
}

/** The short words a panel shows for a value: a list joined, a missing value "nothing". */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(', ') : 'nothing';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
