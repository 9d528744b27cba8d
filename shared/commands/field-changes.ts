// Process: any (pure). Undo and redo as the inverse of what a command changed, field by field.
//
// Why not write back snapshots: once teammates sync, a snapshot taken before a command would also undo every
// edit someone else made to the same document since. Reverting only the fields the command changed, and only
// where they still hold the value the command gave them, leaves everybody else's later edits standing.
import type { CollectionName } from '../schemas/index.ts';
import { drop, type DocWrite, type PlanEnv, type SphereReader } from './plan.ts';

type Fields = Record<string, unknown>;

/** One document as a command found it and as it left it; null where it did not exist (or was deleted). */
export type DocChange = { collection: CollectionName; id: string; before: Fields | null; after: Fields | null };

/** Bookkeeping fields: stamped afresh by every write, never reverted. */
const STAMPS = new Set(['updatedAt', 'updatedBy', 'stamps']);

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The writes that take these changes back (`direction: 'undo'`) or make them again (`'redo'`). */
export function reverseWrites(read: SphereReader, changes: readonly DocChange[], direction: 'undo' | 'redo', env: PlanEnv): DocWrite[] {
  const writes: DocWrite[] = [];
  const ordered = direction === 'undo' ? [...changes].reverse() : changes;
  for (const change of ordered) {
    const from = direction === 'undo' ? change.after : change.before;
    const to = direction === 'undo' ? change.before : change.after;
    const current = read.get(change.collection, change.id) as Fields | undefined;
    if (to === null) {
      // The command made this document: taking the command back removes it.
      if (current) writes.push(drop(change.collection, change.id));
    } else if (from === null) {
      // The command removed it: it comes back as it was, unless someone has put it back already.
      if (!current) writes.push({ collection: change.collection, id: change.id, doc: stamp({ ...to }, env) });
    } else if (current) {
      const next = { ...current };
      let changed = false;
      for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
        if (STAMPS.has(key) || same(from[key], to[key])) continue;
        // Someone else changed this field since: theirs is newer than the command being taken back.
        if (!same(current[key], from[key])) continue;
        if (to[key] === undefined) delete next[key];
        else next[key] = to[key];
        changed = true;
      }
      if (changed) writes.push({ collection: change.collection, id: change.id, doc: stamp(next, env) });
    }
  }
  return writes;
}

function stamp(doc: Fields, env: PlanEnv): Fields {
  if ('updatedAt' in doc) doc.updatedAt = env.now;
  doc.updatedBy = env.author;
  return doc;
}
