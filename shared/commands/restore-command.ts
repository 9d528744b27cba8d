// Process: any (pure). Restoring a JSON backup: into an empty sphere as it was saved, or merged into the current
// one, where the newer edit of each field wins and a document already here is never added twice (same id).
import { COLLECTION_NAMES, type CollectionName } from '../schemas/index.ts';
import { formatStamp, parseStamp } from '../sync/hlc.ts';
import { BackupError, readBackup } from '../export/sphere-backup.ts';
import type { CommandOf } from './domain-command.ts';
import { CommandRefused, type DocWrite, type Plan, type PlanEnv, type SphereReader } from './plan.ts';

type Fields = Record<string, unknown>;

/** Edited in place and stamped per field (shared/sync/field-stamps.ts); the others are append-only. */
const EDITED = new Set<CollectionName>(['contacts', 'ties']);
const BOOKKEEPING = new Set(['stamps', 'updatedAt', 'updatedBy']);

export function planRestore(read: SphereReader, cmd: CommandOf<'sphere.restore'>, env: PlanEnv): Plan | null {
  let backup;
  try {
    backup = readBackup(cmd.backup);
  } catch (err) {
    if (err instanceof BackupError) throw new CommandRefused(err.message);
    throw err;
  }
  const day = backup.exportedAt > 0 ? ` of ${new Date(backup.exportedAt).toISOString().slice(0, 10)}` : '';
  const total = COLLECTION_NAMES.reduce((n, c) => n + (backup.docs[c]?.length ?? 0), 0);
  if (!cmd.merge) {
    const held = COLLECTION_NAMES.filter((c) => c !== 'settings').map((c) => [c, read.find(c, {}).length] as const).filter(([, n]) => n > 0);
    if (held.length > 0) {
      throw new CommandRefused(`This sphere is not empty (${held.map(([c, n]) => `${n} ${c}`).join(', ')}): merge the backup into it instead, or restore into an empty sphere.`);
    }
    const writes = COLLECTION_NAMES.flatMap((c) => (backup.docs[c] ?? []).map((doc): DocWrite => ({ collection: c, id: doc.id as string, doc })));
    if (writes.length === 0) return null;
    return { label: `restore the backup${day} (${total} documents)`, writes };
  }
  const writes: DocWrite[] = [];
  let added = 0;
  let updated = 0;
  for (const collection of COLLECTION_NAMES) {
    for (const incoming of backup.docs[collection] ?? []) {
      const id = incoming.id as string;
      const current = read.get(collection, id) as Fields | undefined;
      if (!current) {
        writes.push({ collection, id, doc: incoming });
        added++;
        continue;
      }
      const merged = collection === 'settings' ? newerSettings(current, incoming) : EDITED.has(collection) ? mergeFields(current, incoming, env) : null;
      if (merged) {
        // The merged fields keep the stamps of when they were edited: stamped as edits made now, a backup's old
        // values would win over newer edits that sync brings from other devices later.
        writes.push({ collection, id, doc: merged, keepStamps: true });
        updated++;
      }
    }
  }
  if (writes.length === 0) return null;
  return { label: `merge the backup${day} (${added} added, ${updated} updated)`, writes };
}

/** Settings are one document edited as a whole (settings.update stamps no fields): the newer one wins. */
function newerSettings(current: Fields, incoming: Fields): Fields | null {
  return Number(incoming.updatedAt) > Number(current.updatedAt) && JSON.stringify(incoming) !== JSON.stringify(current) ? incoming : null;
}

/**
 * Field by field, the later edit wins: by the fields' stamps when both sides have one (as sync decides), else by
 * when the side's field was last edited as far as it is known (its stamp's time, or the document's updatedAt).
 * A tie keeps what is here. Null when nothing changes.
 */
function mergeFields(current: Fields, incoming: Fields, env: PlanEnv): Fields | null {
  const next: Fields = { ...current };
  const stamps = { ...((current.stamps as Record<string, string> | undefined) ?? {}) };
  const theirStamps = (incoming.stamps as Record<string, string> | undefined) ?? {};
  let changed = false;
  for (const key of new Set([...Object.keys(current), ...Object.keys(incoming)])) {
    if (BOOKKEEPING.has(key) || key === 'id' || JSON.stringify(current[key]) === JSON.stringify(incoming[key])) continue;
    if (!laterEdit(current, incoming, key)) continue;
    if (incoming[key] === undefined) delete next[key];
    else next[key] = incoming[key];
    // Without a stamp of its own, the field was last edited no later than the backup's copy of the document.
    stamps[key] = theirStamps[key] ?? formatStamp({ wall: Number(incoming.updatedAt ?? 0), counter: 0 }, String(incoming.updatedBy ?? 'backup'));
    changed = true;
  }
  if (!changed) return null;
  next.stamps = stamps;
  next.updatedAt = env.now;
  next.updatedBy = env.author;
  return next;
}

function laterEdit(current: Fields, incoming: Fields, key: string): boolean {
  const mine = (current.stamps as Record<string, string> | undefined)?.[key];
  const theirs = (incoming.stamps as Record<string, string> | undefined)?.[key];
  if (mine && theirs) return theirs > mine;
  const when = (doc: Fields, stamp: string | undefined) => (stamp ? parseStamp(stamp)?.wall : undefined) ?? Number(doc.updatedAt ?? 0);
  return when(incoming, theirs) > when(current, mine);
}
