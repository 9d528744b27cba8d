// Process: main or browser host (Node). One fsync per pulled batch instead of three.
//
// RxDB's replication writes a pulled batch in three transactions: the documents, their pull meta (the assumed
// master states), then the checkpoint. The store runs WAL with synchronous = FULL, so each commit waits for an
// fsync. The first two are written here with synchronous = NORMAL (no fsync at commit) and the checkpoint with
// FULL: in WAL mode an fsync makes every earlier frame of the log durable too, so once the checkpoint is on disk
// the documents and meta before it are. A power loss before that rolls back a suffix of commits, which is the
// same state as the process dying a moment earlier (which sync already survives: the next pull starts from the
// last checkpoint on disk and writes the same documents again). What a user did here is never relaxed: commands,
// and sync's merges of local edits, commit with FULL as before. The pragma is set and put back synchronously
// around one transaction, so no other write on the connection can commit under it.
import type Database from 'better-sqlite3';
import type { BulkWriteRow, RxStorageBulkWriteResponse } from 'rxdb';
import type { RxStorageInstanceSqlite } from '../store/sqlite-instance.ts';

/** The pull's own writes: re-pulled from the last durable checkpoint if they are lost. */
export function isPullWrite(context: string): boolean {
  return context.startsWith('replication-downstream-') || context === 'replication-down-write-meta';
}

/** Runs one synchronous write (a whole transaction) without an fsync at its commit. */
export function withoutFsync<T>(db: Database.Database, write: () => T): T {
  if (db.inTransaction) return write();
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma('synchronous = FULL');
  }
}

/** The meta instance's pull-meta writes skip their fsync; its checkpoint writes keep it (see above). */
export function relaxPullMetaWrites<T>(meta: RxStorageInstanceSqlite<T>): void {
  const write = (rows: BulkWriteRow<T>[], context: string): RxStorageBulkWriteResponse<T> => {
    const { db } = meta.internals;
    meta.internals.state.cache.check(db);
    const pending = db.transaction(() => meta.writeInTransaction(rows, context)).immediate();
    pending.afterCommit();
    return pending.result;
  };
  meta.bulkWrite = async (rows, context) => (isPullWrite(context) ? withoutFsync(meta.internals.db, () => write(rows, context)) : write(rows, context));
}
