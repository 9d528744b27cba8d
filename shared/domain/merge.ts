// Process: any (pure). Merging two records of the same person: what the survivor keeps and what moves to it.
import type { ContactDoc } from '../schemas/contact.ts';
import type { TieDoc } from '../schemas/tie.ts';
import { RINGS } from './sphere.ts';

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/**
 * The survivor's fields win where both are set; the duplicate fills gaps. Lists
 * are united. The deeper ring wins, because a relationship is as deep as its
 * deepest record says. Notes are kept from both, never dropped.
 */
export function mergeContactFields(survivor: ContactDoc, duplicate: ContactDoc, at: number, by: string): ContactDoc {
  const deeper = RINGS.indexOf(duplicate.ring) < RINGS.indexOf(survivor.ring) ? duplicate.ring : survivor.ring;
  const notes = [survivor.notes, duplicate.notes].filter((n): n is string => !!n && n.trim() !== '');
  const merged: ContactDoc = {
    ...duplicate,
    ...stripUndefined(survivor),
    id: survivor.id,
    ring: deeper,
    emails: unique([...survivor.emails, ...duplicate.emails]),
    phones: unique([...survivor.phones, ...duplicate.phones]),
    tags: unique([...survivor.tags, ...duplicate.tags]),
    roles: unique([...survivor.roles, ...duplicate.roles]),
    createdAt: Math.min(survivor.createdAt, duplicate.createdAt),
    updatedAt: at,
    updatedBy: by,
  };
  if (notes.length > 0) merged.notes = unique(notes).join('\n\n');
  return merged;
}

/**
 * Ties of the duplicate re-pointed at the survivor. A tie that would join the
 * survivor to itself is dropped, and so is one that repeats a tie the survivor
 * already has (same kind, same ends).
 */
export function retargetTies(ties: readonly TieDoc[], survivorId: string, duplicateId: string): { keep: TieDoc[]; drop: TieDoc[] } {
  const keep: TieDoc[] = [];
  const drop: TieDoc[] = [];
  const seen = new Set<string>();
  const key = (t: TieDoc) => `${t.kind}|${t.from}|${t.to}`;
  for (const tie of ties) if (tie.from !== duplicateId && tie.to !== duplicateId) seen.add(key(tie));
  for (const tie of ties) {
    if (tie.from !== duplicateId && tie.to !== duplicateId) continue;
    const moved = { ...tie, from: tie.from === duplicateId ? survivorId : tie.from, to: tie.to === duplicateId ? survivorId : tie.to };
    if (moved.from === moved.to || seen.has(key(moved))) drop.push(tie);
    else {
      seen.add(key(moved));
      keep.push(moved);
    }
  }
  return { keep, drop };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
