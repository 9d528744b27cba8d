// Process: main or any Node host. Other connections' commits to a store file, read back as change events.
import { randomToken } from 'rxdb';
import type { EventBulk, RxDocumentData, RxStorageChangeEvent, RxStorageDefaultCheckpoint } from 'rxdb';
import type Database from 'better-sqlite3';
import { beforeCacheChecks, parseStored, storedTextOf, type DocCache } from './doc-cache.ts';
import type { Change, SortedIndexes } from './sorted-indexes.ts';
import type { Subject } from 'rxjs';

type Doc = RxDocumentData<unknown> & Record<string, unknown>;
type ChangeBulk = EventBulk<RxStorageChangeEvent<RxDocumentData<unknown>>, RxStorageDefaultCheckpoint>;

/** What the log needs of a table open in this connection (sqlite-instance's TableState). */
export type FollowedTable = {
  changes$: Subject<ChangeBulk>;
  cache: DocCache<Doc>;
  indexes?: SortedIndexes<Doc>;
};

/**
 * One row per write to a table, in the write's own transaction, so a reader sees a commit's rows and its log
 * entry together. `seq` orders writes as SQLite serialised them, whatever the writers' clocks said (two
 * processes' lwt can disagree). `ids` is a JSON array of the documents written (NULL: the whole table went);
 * `prevs`, beside it, the stored documents they replaced (null where there was no row; NULL: none had one), so
 * the reader can say what changed even for documents it never read. One row per write rather than per document:
 * a bulk insert of 10,000 then costs one more row, not 10,000.
 */
export const COMMIT_LOG_TABLE = 'sphere_commits';
export const COMMIT_LOG_DDL = `CREATE TABLE IF NOT EXISTS ${COMMIT_LOG_TABLE} (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, conn TEXT NOT NULL, tbl TEXT NOT NULL, ids TEXT, prevs TEXT, at INTEGER NOT NULL)`;

/**
 * Entries are kept this long (writer's clock). A connection that has not looked for longer finds a gap and
 * refreshes instead (see catchUp); one that looks while anyone listens is never that late.
 */
const KEEP_MS = 10 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 1000;
/** How far two processes' clocks may disagree, for the refresh after a gap. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** The context of bulks made from other connections' commits. */
export const FOREIGN_CONTEXT = 'sphere-other-connection';

type Entry = { tbl: string; ids: string | null; prevs: string | null };

/** Where a document's previous version is: the entry that first wrote it since the last look, and its place there. */
type PrevAt = { entry: Entry; at: number };
/** A table's news since the last look: whether it was dropped meanwhile, and the documents written. */
type TableNews = { dropped: boolean; ids: Map<string, PrevAt> };

/** One connection's view of the log: which entries it has read, and its own, which it skips. */
class CommitLog {
  readonly conn = randomToken(12);
  private readonly db: Database.Database;
  private lastSeq: number;
  private lastVersion: number;
  private lastSyncAt = Date.now();
  private lastPruneAt = 0;
  private tables: ReadonlyMap<string, FollowedTable> = new Map();
  private listeners = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly insert: Database.Statement;
  private readonly version: Database.Statement;
  private readonly high: Database.Statement;
  private readonly since: Database.Statement;
  private readonly countSince: Database.Statement;

  constructor(db: Database.Database) {
    this.db = db;
    this.insert = db.prepare(`INSERT INTO ${COMMIT_LOG_TABLE} (conn, tbl, ids, prevs, at) VALUES (?, ?, ?, ?, ?)`);
    this.version = db.prepare('PRAGMA data_version').pluck();
    this.high = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = '${COMMIT_LOG_TABLE}'`).pluck();
    this.since = db.prepare(`SELECT tbl, ids, prevs FROM ${COMMIT_LOG_TABLE} WHERE seq > ? AND conn <> ? ORDER BY seq`);
    this.countSince = db.prepare(`SELECT count(*) FROM ${COMMIT_LOG_TABLE} WHERE seq > ?`).pluck();
    // What was committed before this connection looked is no news to it: its caches start empty.
    const start = db.transaction(() => ({ seq: this.highMark(), version: this.version.get() as number }))();
    this.lastSeq = start.seq;
    this.lastVersion = start.version;
    // Every read checks its cache first: that is where other connections' commits are noticed.
    beforeCacheChecks(db, () => this.catchUp());
  }

  follow(tables: ReadonlyMap<string, FollowedTable>): void {
    this.tables = tables;
  }

  record(table: string, ids: readonly string[] | null, prevs: readonly (object | undefined)[]): void {
    if (ids?.length === 0) return;
    // Stored documents are already JSON text (storedTextOf): joined, not stringified again.
    const prevsText = prevs.some((p) => p !== undefined)
      ? `[${prevs.map((p) => (p === undefined ? 'null' : (storedTextOf(p) ?? JSON.stringify(p)))).join(',')}]`
      : null;
    const at = Date.now();
    this.insert.run(this.conn, table, ids && JSON.stringify(ids), prevsText, at);
    if (at - this.lastPruneAt > PRUNE_EVERY_MS) {
      this.lastPruneAt = at;
      // A prefix only: a reader finds a gap by counting, so what remains must be every entry after some seq.
      this.db.prepare(`DELETE FROM ${COMMIT_LOG_TABLE} WHERE seq <= (SELECT max(seq) FROM ${COMMIT_LOG_TABLE} WHERE at < ?)`).run(at - KEEP_MS);
    }
  }

  /**
   * Brings the followed tables up to what other connections committed since the last look: caches and sorted
   * indexes updated row by row, and one change-event bulk per table. Cheap when nothing changed (one pragma).
   * Inside a transaction it does nothing: the events would be emitted before the transaction's outcome is
   * known, so the caches' own data_version check clears them instead and the entries are read at the next look.
   * Returns the file's data_version, which the caches compare with their own (one pragma per read, not two).
   */
  catchUp(): number {
    const version = this.version.get() as number;
    if (version === this.lastVersion || this.db.inTransaction) return version;
    const bulks: [FollowedTable, ChangeBulk][] = [];
    // One read transaction: the entries and the rows they name from the same snapshot.
    this.db.transaction(() => {
      const high = this.highMark();
      // Entries are pruned as a prefix only, so fewer than the counter says means some this connection needed are gone.
      const complete = (this.countSince.get(this.lastSeq) as number) === high - this.lastSeq;
      // This connection's own entries are skipped: its writes updated its caches and emitted their events already.
      const entries = complete ? (this.since.all(this.lastSeq, this.conn) as Entry[]) : [];
      const byTable = new Map<string, TableNews>();
      for (const entry of entries) {
        let news = byTable.get(entry.tbl);
        if (!news) byTable.set(entry.tbl, (news = { dropped: false, ids: new Map() }));
        if (entry.ids === null) {
          // What was written before the drop is gone with it; what follows is in a new table.
          news.dropped = true;
          news.ids.clear();
          continue;
        }
        const { ids } = news;
        // The first entry's previous version is what stood before all of them; the row now is what stands after.
        (JSON.parse(entry.ids) as string[]).forEach((id, at) => {
          if (!ids.has(id)) ids.set(id, { entry, at });
        });
      }
      for (const [name, table] of this.tables) {
        const bulk = complete ? this.apply(name, table, byTable.get(name)) : this.refresh(name, table);
        table.cache.adopt(version);
        if (bulk) bulks.push([table, bulk]);
      }
      this.lastSeq = high;
    })();
    this.lastVersion = version;
    this.lastSyncAt = Date.now();
    for (const [table, bulk] of bulks) table.changes$.next(bulk);
    return version;
  }

  /** Counts a change-stream subscriber that wants other connections' commits; returns its unsubscribe. */
  watch(intervalMs: number): () => void {
    this.listeners++;
    if (!this.timer) {
      this.timer = setInterval(() => {
        try {
          if (this.db.open) this.catchUp();
        } catch {
          // Thrown in a timer it would end the host; the next read meets the same error where it can be reported.
        }
      }, intervalMs);
      // A watch must never be why a Node process stays alive.
      this.timer.unref();
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      if (--this.listeners === 0) this.stop();
    };
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private highMark(): number {
    return (this.high.get() as number | undefined) ?? 0;
  }

  private apply(name: string, table: FollowedTable, news: TableNews | undefined): ChangeBulk | undefined {
    if (news === undefined) return undefined;
    if (news.dropped) table.cache.clear();
    const { ids } = news;
    if (ids.size === 0) return undefined;
    const { cache } = table;
    const exists = this.db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get('table', name) !== undefined;
    const rows = exists
      ? (this.db.prepare(`SELECT id, data FROM "${name}" WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...ids.keys()])) as { id: string; data: string }[])
      : [];
    const now = new Map(rows.map((row) => [row.id, row.data]));
    const changes: Change<Doc>[] = [];
    const events: RxStorageChangeEvent<RxDocumentData<unknown>>[] = [];
    // Nobody to tell: the previous versions need not be parsed.
    const listening = table.changes$.observed;
    const parsedPrevs = new Map<Entry, (Doc | null)[] | null>();
    const prevOf = ({ entry, at }: PrevAt): Doc | undefined => {
      let prevs = parsedPrevs.get(entry);
      if (prevs === undefined) parsedPrevs.set(entry, (prevs = entry.prevs === null ? null : (JSON.parse(entry.prevs) as (Doc | null)[])));
      return prevs?.[at] ?? undefined;
    };
    for (const [id, prevAt] of ids) {
      const before = cache.get(id);
      const text = now.get(id);
      if (text === undefined) {
        // Purged by a cleanup: RxDB emits nothing for that, the cache just forgets it.
        if (before !== undefined) changes.push({ before });
        cache.delete(id);
        continue;
      }
      const after = parse(text);
      if (after === undefined) {
        // Damaged JSON is skipped, as every read skips it (doc-cache.ts): to this window the row is gone.
        if (before !== undefined) changes.push({ before });
        cache.delete(id);
        continue;
      }
      // Kept even when the cache did not hold it: a cache being filled (warm, wholeTable) may already have
      // passed this id, and will call itself complete at the end.
      cache.set(id, after);
      changes.push({ before, after });
      if (!listening) continue;
      const event = eventFor(id, prevOf(prevAt), after);
      if (event) events.push(event);
    }
    table.indexes?.apply(cache.generation, changes);
    return bulkOf(events);
  }

  /**
   * Entries this connection never read were pruned: what changed is no longer known row by row. Everything
   * cached is dropped, and every row whose lwt says it may have been written since the last look (allowing
   * for the writers' clocks to disagree) is emitted again, with its previous version unknown.
   */
  private refresh(name: string, table: FollowedTable): ChangeBulk | undefined {
    table.cache.clear();
    const exists = this.db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get('table', name) !== undefined;
    if (!exists) return undefined;
    const rows = this.db.prepare(`SELECT id, data FROM "${name}" WHERE lwt >= ? ORDER BY lwt, id`).all(this.lastSyncAt - CLOCK_SKEW_MS) as { id: string; data: string }[];
    const events = rows.flatMap((row): RxStorageChangeEvent<RxDocumentData<unknown>>[] => {
      const doc = parse(row.data);
      if (doc === undefined) return [];
      return [doc._deleted
        ? // Deleted docs normally keep their last data: as the previous version, it leaves the queries it was in.
          { documentId: row.id, operation: 'DELETE', documentData: doc, previousDocumentData: { ...doc, _deleted: false } }
        : { documentId: row.id, operation: 'UPDATE', documentData: doc, previousDocumentData: undefined }];
    });
    return bulkOf(events);
  }
}

function parse(text: string): Doc | undefined {
  return parseStored(text) as Doc | undefined;
}

/** The event RxDB's own bulkWrite would have emitted for going from `prev` (absent: no row) to `doc`. */
function eventFor(id: string, prev: Doc | undefined, doc: Doc): RxStorageChangeEvent<RxDocumentData<unknown>> | undefined {
  if (doc._deleted) return prev ? { documentId: id, operation: 'DELETE', documentData: doc, previousDocumentData: prev } : undefined;
  if (!prev || prev._deleted) return { documentId: id, operation: 'INSERT', documentData: doc, previousDocumentData: undefined };
  return { documentId: id, operation: 'UPDATE', documentData: doc, previousDocumentData: prev };
}

function bulkOf(events: RxStorageChangeEvent<RxDocumentData<unknown>>[]): ChangeBulk | undefined {
  if (events.length === 0) return undefined;
  // The checkpoint of the newest document in (lwt, id) order, as RxDB's bulkWrite gives its own.
  let newest = events[0]!;
  for (const event of events) {
    const [a, b] = [event.documentData._meta.lwt, newest.documentData._meta.lwt];
    if (a > b || (a === b && event.documentId > newest.documentId)) newest = event;
  }
  return { id: randomToken(10), events, checkpoint: { id: newest.documentId, lwt: newest.documentData._meta.lwt }, context: FOREIGN_CONTEXT };
}

const logs = new WeakMap<Database.Database, CommitLog>();

/** The log as seen through one connection, made on first use (the file must be at store format 3). */
export function commitLogOf(db: Database.Database): CommitLog {
  let log = logs.get(db);
  if (!log) {
    log = new CommitLog(db);
    logs.set(db, log);
  }
  return log;
}

/**
 * Hook for every write path, inside its write transaction: the documents it wrote to one table. `prevOf` gives
 * the stored version each one replaced (undefined when it inserted the row).
 */
export function logCommit(db: Database.Database, table: string, ids: readonly string[], prevOf: (id: string) => object | undefined): void {
  commitLogOf(db).record(table, ids, ids.map(prevOf));
}

/** Hook for a write that removed a whole table (or rows without events): readers drop that table's cache. */
export function logTableGone(db: Database.Database, table: string): void {
  commitLogOf(db).record(table, null, []);
}
