// Process: any (pure). The merge rule for two devices' edits of one document, used by sync's conflict handler.
//
// Three-way, field by field, with the state both sides last agreed on (the assumed master state) as the base:
//  - a field changed on one side only takes that change (changed: its value or its stamp differs from the base's);
//  - a field changed on both sides to different values takes the later edit, by the field's stamp (see hlc.ts),
//    and, stamps being equal, the greater value as JSON, so every device decides the same;
//  - a delete on either side wins over edits on the other (the contact can be restored from history);
//  - contacts, ties and deals merge this way; touches are append-only: the same id always means the same
//    record, so nothing to merge.
// Each field's stamp travels in the document's `stamps` map; the merged document keeps the winning stamps.

export type MergeableDoc = Record<string, unknown> & { _deleted: boolean; stamps?: Record<string, string> };

/** Fields that are bookkeeping, not content: never merged field by field. */
const SKIP = new Set(['_deleted', 'stamps']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mergeDocs<T extends MergeableDoc>(base: T | undefined, mine: T, theirs: T): T {
  if (theirs._deleted) return theirs;
  if (mine._deleted) return mine;
  const merged: Record<string, unknown> = {};
  const stamps: Record<string, string> = {};
  // A field cleared everywhere is in no document, only in a stamp: that stamp must carry on, or an earlier edit
  // of the field arriving later would win against the clear.
  const keys = new Set([mine, theirs, base].flatMap((d) => (d ? [...Object.keys(d), ...Object.keys(d.stamps ?? {})] : [])));
  for (const key of keys) {
    if (SKIP.has(key)) continue;
    const m = mine[key];
    const t = theirs[key];
    const mineStamp = mine.stamps?.[key] ?? '';
    const theirStamp = theirs.stamps?.[key] ?? '';
    // A side changed a field if its value or its stamp moved from the base: a field edited and then put back to
    // the base's value is still that side's latest edit, and must beat an earlier edit on the other side.
    const baseStamp = base?.stamps?.[key] ?? '';
    const unchanged = (value: unknown, stamp: string) => !!base && same(value, base[key]) && stamp === baseStamp;
    let take: 'mine' | 'theirs';
    if (same(m, t)) take = mineStamp >= theirStamp ? 'mine' : 'theirs';
    else if (unchanged(m, mineStamp)) take = 'theirs';
    else if (unchanged(t, theirStamp)) take = 'mine';
    else if (mineStamp !== theirStamp) take = mineStamp > theirStamp ? 'mine' : 'theirs';
    else take = JSON.stringify(m ?? null) > JSON.stringify(t ?? null) ? 'mine' : 'theirs';
    const value = take === 'mine' ? m : t;
    const stamp = take === 'mine' ? mineStamp : theirStamp;
    if (value !== undefined) merged[key] = value;
    if (stamp) stamps[key] = stamp;
  }
  merged._deleted = false;
  if (Object.keys(stamps).length > 0 || mine.stamps || theirs.stamps) merged.stamps = stamps;
  return merged as T;
}

/** The newest stamp in a document, for the clock to take in. */
export function newestStamp(doc: { stamps?: Record<string, string> }): string | undefined {
  let newest: string | undefined;
  for (const stamp of Object.values(doc.stamps ?? {})) if (!newest || stamp > newest) newest = stamp;
  return newest;
}
