// Process: any (pure). Which fields of a document an edit changed, stamped with the edit's clock, so that sync's
// merge (field-merge.ts) can tell the later of two edits of one field apart.
import type { CollectionName } from '../schemas/index.ts';

/** Collections whose documents are edited in place; touches are append-only and need no stamps. */
const STAMPED = new Set<CollectionName>(['contacts', 'ties', 'deals']);
const BOOKKEEPING = new Set(['stamps', 'updatedAt', 'updatedBy']);

/**
 * The document to write, with a stamp on every field that differs from `before` (a removed field too). A new
 * document gets none: only edits of a shared document can meet, and a field nobody edited has no edit to order.
 */
export function stampChangedFields(collection: CollectionName, before: Record<string, unknown> | null, doc: Record<string, unknown>, stamp: () => string): Record<string, unknown> {
  if (!STAMPED.has(collection) || !before) return doc;
  const changed: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(doc)])) {
    if (BOOKKEEPING.has(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(doc[key])) changed.push(key);
  }
  if (changed.length === 0) return doc;
  const now = stamp();
  const stamps = { ...((before.stamps as Record<string, string> | undefined) ?? {}), ...((doc.stamps as Record<string, string> | undefined) ?? {}) };
  for (const key of changed) stamps[key] = now;
  return { ...doc, stamps };
}
