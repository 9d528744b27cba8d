// Process: main or browser host (Node). What sync writes into the store, journaled in the same transaction: the
// documents pulled from teammates, and the merges the conflict handler made (which field came from whom, which
// local value lost). The fork instance is the replication's own, so every write through it is a remote change.
import type { BulkWriteRow, RxDocumentData, RxStorageBulkWriteResponse } from 'rxdb';
import type { DocChange } from '../../shared/commands/field-changes.ts';
import type { FieldMerge } from '../../shared/history.ts';
import type { CollectionName } from '../../shared/schemas/index.ts';
import type { MergeableDoc } from '../../shared/sync/field-merge.ts';
import { journalOf, type Journal } from '../store/journal.ts';
import type { RxStorageInstanceSqlite } from '../store/sqlite-instance.ts';
import { isPullWrite, withoutFsync } from './pull-durability.ts';

type Doc = Record<string, unknown> & { id: string };
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', 'stamps']);

/** A document as the journal keeps it: no RxDB bookkeeping; null when it is deleted (or absent). */
function plain(doc: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!doc || doc._deleted) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) out[key] = value;
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether two versions differ in content, not only in bookkeeping (a re-pulled copy of what is already here). */
function differs(before: Record<string, unknown> | null, after: Record<string, unknown> | null): boolean {
  if (!before || !after) return before !== after;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) if (!BOOKKEEPING.has(key) && !same(before[key], after[key])) return true;
  return false;
}

/**
 * What a merge decided, field by field, for the fields the two sides disagree on: `mine` is this device's version,
 * `theirs` the server's, `merged` the outcome. A delete on either side is one entry for the field `_deleted`.
 */
export function fieldMerges(collection: string, mine: MergeableDoc, theirs: MergeableDoc, merged: MergeableDoc): FieldMerge[] {
  const id = String(mine.id ?? theirs.id);
  const theirsBy = String(theirs.updatedBy ?? 'a teammate');
  if (mine._deleted !== theirs._deleted) {
    return [{ collection, id, field: '_deleted', kept: merged._deleted === mine._deleted ? 'yours' : 'theirs', yours: mine._deleted, theirs: theirs._deleted, theirsBy }];
  }
  const out: FieldMerge[] = [];
  for (const field of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    if (field.startsWith('_') || BOOKKEEPING.has(field) || same(mine[field], theirs[field])) continue;
    out.push({ collection, id, field, kept: same(merged[field], mine[field]) ? 'yours' : 'theirs', yours: mine[field] ?? null, theirs: theirs[field] ?? null, theirsBy });
  }
  return out;
}

/** The label a teammate's change gets in the history: "edit Ann Lee", "delete a touch". */
function labelOf(collection: string, change: DocChange, written: Record<string, unknown>): string {
  // A delete kept against a teammate's edit is deleted on both sides of the change: the tombstone still names it.
  const doc = change.after ?? change.before ?? written;
  const verb = !change.before && change.after ? 'add' : !change.after ? 'delete' : 'edit';
  const what = collection === 'contacts' ? String(doc.name) : collection === 'touches' ? `a ${String(doc.kind)} touch` : collection === 'ties' ? `a ${String(doc.kind)} tie` : collection === 'deals' ? 'a deal' : collection;
  return `${verb} ${what}`;
}

/**
 * Makes every write sync does through `fork` journal itself inside its transaction. `merges` holds what the
 * conflict handler decided for a document id until its merged version is written.
 */
export function journalForkWrites(fork: RxStorageInstanceSqlite<Doc>, collection: CollectionName, merges: Map<string, FieldMerge[]>, log?: (line: string) => void): void {
  fork.bulkWrite = async (rows: BulkWriteRow<Doc>[], context: string): Promise<RxStorageBulkWriteResponse<Doc>> => {
    const { db } = fork.internals;
    fork.internals.state.cache.check(db);
    const pending = withoutFsyncIf(isPullWrite(context), db, () => db.transaction(() => {
      const outcome = fork.writeInTransaction(rows, context);
      const failed = new Set(outcome.result.error.map((e) => e.documentId));
      try {
        journalPulled(journalOf(db), collection, rows, failed, merges);
      } catch (err) {
        // The history is this device's memory, not its data: a fault in it must never hold a teammate's change back.
        log?.(`sync ${collection}: not journaled: ${(err as Error).message}`);
      }
      return outcome;
    }).immediate());
    pending.afterCommit();
    return pending.result;
  };
}

function withoutFsyncIf<T>(relax: boolean, db: Parameters<typeof withoutFsync>[0], write: () => T): T {
  return relax ? withoutFsync(db, write) : write();
}

/**
 * What the journal keeps of a document a pull added: enough to say who added what to whom (a first sync brings
 * thousands). Its full state is in the store; a later edit or delete journals that in full.
 */
function slim(collection: CollectionName, doc: Record<string, unknown>): Record<string, unknown> {
  const keep = collection === 'contacts' ? ['name'] : collection === 'ties' ? ['kind', 'from', 'to'] : collection === 'settings' ? [] : ['contactId', 'kind'];
  return Object.fromEntries(keep.filter((k) => doc[k] !== undefined).map((k) => [k, doc[k]]));
}

function journalPulled(journal: Journal, collection: CollectionName, rows: BulkWriteRow<Doc>[], failed: Set<string>, merges: Map<string, FieldMerge[]>): void {
  const at = Date.now();
  // One entry per author for a pulled batch (a first sync brings thousands), one per merged document.
  const pulled = new Map<string, DocChange[]>();
  const written = new Map<DocChange, Record<string, unknown>>();
  for (const row of rows) {
    const id = row.document.id;
    if (failed.has(id)) continue;
    const before = plain(row.previous as RxDocumentData<Doc> | undefined);
    // A document new here is journaled slim, straight from what was written (no full copy first).
    const after = before ? plain(row.document as RxDocumentData<Doc>) : row.document._deleted ? null : slim(collection, row.document);
    const change: DocChange = { collection, id, before, after };
    const merged = merges.get(id);
    merges.delete(id);
    if (merged?.length) {
      journal.record({ at, kind: 'merged', label: labelOf(collection, change, row.document), author: merged[0]!.theirsBy, changes: [change], merges: merged });
      continue;
    }
    if (!differs(change.before, change.after)) continue;
    const author = String((row.document as Doc).updatedBy ?? 'a teammate');
    let changes = pulled.get(author);
    if (!changes) pulled.set(author, (changes = []));
    changes.push(change);
    written.set(change, row.document);
  }
  for (const [author, changes] of pulled) {
    const label = changes.length === 1 ? labelOf(collection, changes[0]!, written.get(changes[0]!)!) : `${changes.length} changes to ${collection}`;
    journal.record({ at, kind: 'pulled', label, author, changes });
  }
}
