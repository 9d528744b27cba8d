// Process: main or any Node host. One RxDB collection (at one schema version) in one SQLite table.
import { Observable, Subject } from 'rxjs';
import {
  categorizeBulkWriteRows,
  getPrimaryFieldOfPrimaryKey,
  getQueryMatcher,
  getSortComparator,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
  now,
} from 'rxdb';
import type {
  BulkWriteRow,
  EventBulk,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorageBulkWriteResponse,
  RxStorageChangeEvent,
  RxStorageCountResult,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
  RxStorageQueryResult,
} from 'rxdb';
import type Database from 'better-sqlite3';
import { DocCache, type Row } from './doc-cache.ts';
import { SortedIndexes, type Change } from './sorted-indexes.ts';
import { countRange, queryRange, type Range } from './range-answers.ts';
import { logCommit, logTableGone } from './commit-log.ts';
import { encodeIndexKey, indexColumnsFor, indexName, keyColumnsOf, tableNameFor, type IndexColumn } from './sqlite-keys.ts';

type Doc = RxDocumentData<unknown> & Record<string, unknown>;
type ChangeBulk = EventBulk<RxStorageChangeEvent<RxDocumentData<unknown>>, RxStorageDefaultCheckpoint>;

/** Commits made through each connection: with SQLite's data_version (other connections' commits) it says whether a file changed. */
const commits = new WeakMap<Database.Database, number>();

export function commitsThrough(db: Database.Database): number {
  return commits.get(db) ?? 0;
}

/** State shared by every instance open on the same table, so they all see each other's changes. */
export type TableState = {
  changes$: Subject<ChangeBulk>;
  cache: DocCache<Doc>;
  /** Made by the first instance, which knows the schema; every instance on the table has the same one. */
  indexes?: SortedIndexes<Doc>;
  refCount: number;
  /**
   * Set while warm() has yet to finish reading this table: a query then waits for it rather than reading the
   * rest of the table in one go, which would hold the host's event loop for as long (half a second for the
   * touches of a 10,000-contact sphere).
   */
  warming?: Promise<void>;
  /** The live documents last listed (RxStorageSqlite.liveDocuments), for the cache's change count they are of. */
  live?: { changes: number; docs: unknown[] };
};

export type SqliteInternals = {
  db: Database.Database;
  table: string;
  state: TableState;
  /** Why the store is read-only, when it is: writes are refused with it. */
  readOnly?: string;
};

export type SqliteInstanceOptions = {
  /**
   * 'byId': the collection is only ever read by id (RxDB's replication meta: the assumed master state of each
   * document, and the checkpoint). Its table gets no key columns and no key indexes: on a first pull that was
   * three keys and three index entries for each of 100,000 documents, a third of the pull's SQLite time. Queries
   * still answer (by scanning); changes-since, which needs the (lwt, id) key, is refused. A table made before
   * with key columns keeps them, and they are kept up to date.
   */
  lookups?: 'byId';
};

type Statements = {
  byIds: Database.Statement;
  byId: Database.Statement;
  insert: Database.Statement;
  update: Database.Statement;
  /** Missing for a table read by id only. */
  changedSince?: Database.Statement;
  cleanup: Database.Statement;
  ids: Database.Statement;
};

/** SQLite's limit on a LIMIT clause: -1 means none. */
const NO_LIMIT = -1;

export class RxStorageInstanceSqlite<RxDocType> implements RxStorageInstance<RxDocType, SqliteInternals, SqliteInstanceOptions, RxStorageDefaultCheckpoint> {
  readonly databaseName: string;
  readonly collectionName: string;
  readonly schema: Readonly<RxJsonSchema<RxDocumentData<RxDocType>>>;
  readonly internals: SqliteInternals;
  readonly options: Readonly<SqliteInstanceOptions>;
  readonly primaryPath: string;
  private readonly columns: IndexColumn[];
  private readonly columnByIndex: Map<string, IndexColumn>;
  /** Missing for a table read by id only (see SqliteInstanceOptions). */
  private readonly lwtColumn: IndexColumn | undefined;
  private readonly statements: Statements;
  private readonly onClose: () => void;
  /** Set when this instance's change stream must carry other connections' commits (multiInstance). */
  private readonly watchOthers: (() => () => void) | undefined;
  private closed = false;
  private readonly cached = new Map<string, Database.Statement>();
  private readonly indexes: SortedIndexes<Doc>;
  /** The file's change stamp when the table was last found too big to hold whole; unchanged file, same answer. */
  private tooBigAt: string | undefined;

  constructor(args: {
    databaseName: string;
    collectionName: string;
    schema: RxJsonSchema<RxDocumentData<RxDocType>>;
    internals: SqliteInternals;
    onClose: () => void;
    watchOthers?: () => () => void;
    options?: SqliteInstanceOptions;
  }) {
    this.databaseName = args.databaseName;
    this.collectionName = args.collectionName;
    this.schema = args.schema;
    this.internals = args.internals;
    this.options = { ...args.options };
    this.onClose = args.onClose;
    this.watchOthers = args.watchOthers;
    this.primaryPath = getPrimaryFieldOfPrimaryKey(args.schema.primaryKey) as string;
    // The table's own layout decides, where it exists: older tables have the legacy cleanup key, and a table
    // read by id only has no keys unless it was made before with them.
    const schema = args.schema as RxJsonSchema<RxDocumentData<unknown>>;
    const lean = indexColumnsFor(schema);
    const existing = keyColumnsOf(args.internals.db, args.internals.table).length;
    const columns = existing === lean.length + 1 ? indexColumnsFor(schema, true) : lean;
    const byId = this.options.lookups === 'byId' && existing === 0;
    this.columns = byId ? [] : columns;
    this.columnByIndex = new Map(this.columns.map((c) => [indexName(c.fields), c]));
    const lwt = this.columnByIndex.get(indexName(['_meta.lwt', this.primaryPath]));
    if (!lwt && !byId) throw new Error(`schema of ${args.collectionName} lacks RxDB's _meta.lwt index; was it normalised by fillWithDefaultSettings?`);
    this.lwtColumn = lwt;
    this.statements = prepareTable(args.internals.db, args.internals.table, this.columns, this.lwtColumn, args.internals.readOnly !== undefined);
    const fields = this.columns.map((c) => ({ name: indexName(c.fields), fields: c.fields }));
    this.indexes = args.internals.state.indexes ??= new SortedIndexes<Doc>(args.schema as RxJsonSchema<RxDocumentData<unknown>>, fields);
  }

  async bulkWrite(rows: BulkWriteRow<RxDocType>[], context: string): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    this.ensureOpen();
    // Other connections' commits first (applied and announced), so this write's own events come after them.
    this.internals.state.cache.check(this.internals.db);
    // Read, decide and write in one synchronous transaction: no other write can slip in between.
    const transaction = this.internals.db.transaction(() => this.writeInTransaction(rows, context));
    // A read-only store still answers writes that conflict (RxDB's own bookkeeping at open): a reading transaction.
    const pending = this.internals.readOnly ? transaction.deferred() : transaction.immediate();
    pending.afterCommit();
    return pending.result;
  }

  /**
   * The part of a bulk write that must run inside an open SQLite transaction: it reads the current rows,
   * decides (RxDB's conflict rules) and writes. The caller commits, then calls `afterCommit`, which brings
   * the cache and sorted indexes in line and emits the change events: a rolled-back transaction must leave
   * them as the file is. Several of these in one transaction make one atomic write across collections.
   */
  writeInTransaction(rows: BulkWriteRow<RxDocType>[], context: string): { result: RxStorageBulkWriteResponse<RxDocType>; afterCommit(): void } {
    this.ensureOpen();
    const { db } = this.internals;
    const primaryPath = this.primaryPath;
    const cache = this.internals.state.cache;
    cache.check(db);
    const docsInDb = new Map<string, RxDocumentData<RxDocType>>();
    const ids = rows.map((row) => (row.document as Doc)[primaryPath] as string);
    for (const doc of this.readByIds(ids, true)) docsInDb.set(doc[primaryPath] as string, doc as RxDocumentData<RxDocType>);
    const categorized = categorizeBulkWriteRows<RxDocType>(this, primaryPath as never, docsInDb, rows, context);
    if (this.internals.readOnly && categorized.bulkInsertDocs.length + categorized.bulkUpdateDocs.length > 0) throw new Error(this.internals.readOnly);
    const { insert, update } = this.statements;
    for (const row of categorized.bulkInsertDocs) insert.run(...this.rowValues(row.document as Doc));
    for (const row of categorized.bulkUpdateDocs) {
      const [id, ...rest] = this.rowValues(row.document as Doc);
      update.run(...rest, id);
    }
    // Other connections learn of this write from the commit log, in the same transaction as the write itself.
    const written = [...categorized.bulkInsertDocs, ...categorized.bulkUpdateDocs].map((row) => (row.document as Doc)[primaryPath] as string);
    logCommit(db, this.internals.table, written, (id) => docsInDb.get(id) as Doc | undefined);
    const afterCommit = () => {
      if (categorized.bulkInsertDocs.length + categorized.bulkUpdateDocs.length > 0) commits.set(db, commitsThrough(db) + 1);
      const changes: Change<Doc>[] = [];
      for (const row of categorized.bulkInsertDocs) {
        const doc = row.document as Doc;
        cache.set(doc[primaryPath] as string, doc);
        changes.push({ after: doc });
      }
      for (const row of categorized.bulkUpdateDocs) {
        const doc = row.document as Doc;
        const id = doc[primaryPath] as string;
        cache.set(id, doc);
        changes.push({ before: docsInDb.get(id) as Doc | undefined, after: doc });
      }
      this.indexes.apply(cache.generation, changes);
      if (categorized.eventBulk.events.length > 0 && categorized.newestRow) {
        const newest = categorized.newestRow.document as Doc;
        categorized.eventBulk.checkpoint = { id: newest[primaryPath] as string, lwt: newest._meta.lwt };
        this.internals.state.changes$.next(categorized.eventBulk as ChangeBulk);
      }
    };
    return { result: { error: categorized.errors }, afterCommit };
  }

  /** Documents by id, read now (synchronously): for host code reading inside a transaction. */
  findNow(ids: string[], withDeleted: boolean): RxDocumentData<RxDocType>[] {
    this.ensureOpen();
    return this.readByIds(ids, withDeleted) as RxDocumentData<RxDocType>[];
  }

  async findDocumentsById(ids: string[], withDeleted: boolean): Promise<RxDocumentData<RxDocType>[]> {
    return this.findNow(ids, withDeleted);
  }

  async query(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    // Awaited only when there is something to wait for: a query or count on a warm store answers in one step.
    const { warming } = this.internals.state;
    if (warming) await warming;
    const preparing = this.prepareIndex(preparedQuery);
    if (preparing) await preparing;
    return this.queryNow(preparedQuery);
  }

  /** A query answered now (synchronously): for host code reading inside a transaction. */
  queryNow(preparedQuery: PreparedQuery<RxDocType>): RxStorageQueryResult<RxDocType> {
    this.ensureOpen();
    const { query, queryPlan } = preparedQuery;
    const skip = query.skip ?? 0;
    const limit = typeof query.limit === 'number' ? query.limit : Infinity;
    const wanted = skip + limit;
    const column = this.columnByIndex.get(indexName(queryPlan.index));
    // A query naming an index the schema does not have cannot use its range: scan and sort instead.
    const usesRange = column !== undefined;
    const matcher = usesRange && queryPlan.selectorSatisfiedByIndex ? null : getQueryMatcher(this.schema, query);
    const mustSort = !usesRange || !queryPlan.sortSatisfiedByIndex;

    const whole = this.wholeTable();
    if (whole) {
      const range = this.inRange(column, preparedQuery, whole) as Range<RxDocumentData<RxDocType>>;
      return { documents: queryRange(range, { matcher, comparator: mustSort ? getSortComparator(this.schema, query) : null, skip, limit }) };
    }

    if (usesRange && !matcher && !mustSort) {
      // The index answers everything: let SQLite apply skip and limit too.
      const { sql, params } = this.rangeSql(column, preparedQuery);
      const cache = this.checkedCache();
      const ids = this.statement(`SELECT id FROM "${this.internals.table}" WHERE ${sql} ORDER BY ${column.column} LIMIT ? OFFSET ?`)
        .pluck()
        .all(...params, limit === Infinity ? NO_LIMIT : limit, skip) as string[];
      return { documents: this.docsFor(ids, cache) as RxDocumentData<RxDocType>[] };
    }

    let documents: RxDocumentData<RxDocType>[] = [];
    const cache = this.checkedCache();
    for (const doc of this.docsFor(this.candidateIds(column, preparedQuery), cache) as RxDocumentData<RxDocType>[]) {
      if (matcher && !matcher(doc)) continue;
      documents.push(doc);
      if (!mustSort && documents.length >= wanted) break;
    }
    if (mustSort) documents.sort(getSortComparator(this.schema, query));
    if (skip > 0 || documents.length > wanted) documents = documents.slice(skip, wanted);
    return { documents };
  }

  async count(preparedQuery: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    // Awaited only when there is something to wait for: a query or count on a warm store answers in one step.
    const { warming } = this.internals.state;
    if (warming) await warming;
    const preparing = this.prepareIndex(preparedQuery);
    if (preparing) await preparing;
    this.ensureOpen();
    const column = this.columnByIndex.get(indexName(preparedQuery.queryPlan.index));
    const whole = this.wholeTable();
    if (whole) {
      const matcher = column && preparedQuery.queryPlan.selectorSatisfiedByIndex ? null : getQueryMatcher(this.schema, preparedQuery.query);
      return { count: countRange(this.inRange(column, preparedQuery, whole) as Range<RxDocumentData<RxDocType>>, matcher), mode: 'fast' };
    }
    if (column && preparedQuery.queryPlan.selectorSatisfiedByIndex) {
      const { sql, params } = this.rangeSql(column, preparedQuery);
      const count = (this.statement(`SELECT COUNT(*) AS n FROM "${this.internals.table}" WHERE ${sql}`).get(...params) as { n: number }).n;
      return { count, mode: 'fast' };
    }
    const matcher = getQueryMatcher(this.schema, preparedQuery.query);
    let count = 0;
    const cache = this.checkedCache();
    for (const doc of this.docsFor(this.candidateIds(column, preparedQuery), cache)) {
      if (matcher(doc as RxDocumentData<RxDocType>)) count++;
    }
    return { count, mode: 'fast' };
  }

  async getChangedDocumentsSince(
    limit: number,
    checkpoint?: RxStorageDefaultCheckpoint,
  ): Promise<{ documents: RxDocumentData<RxDocType>[]; checkpoint: RxStorageDefaultCheckpoint }> {
    this.ensureOpen();
    const lwtColumn = this.lwtColumn;
    if (!lwtColumn) throw new Error(`collection ${this.collectionName} is read by id only: it keeps no (lwt, id) key for changes since a checkpoint`);
    // The checkpoint's own key; documents strictly after it in (lwt, id) order follow it.
    const after = checkpoint
      ? encodeIndexKey(getStartIndexStringFromLowerBound(this.schema, lwtColumn.fields, [checkpoint.lwt, checkpoint.id]))
      : Buffer.alloc(0);
    const cache = this.checkedCache();
    const rows = this.statements.changedSince!.all(after, limit) as Row[];
    const documents = rows.map((row) => cache.fromRow(row)).filter((doc) => doc !== undefined) as RxDocumentData<RxDocType>[];
    const last = documents[documents.length - 1] as Doc | undefined;
    return {
      documents,
      checkpoint: last ? { id: last[this.primaryPath] as string, lwt: last._meta.lwt } : (checkpoint ?? { id: '', lwt: 0 }),
    };
  }

  changeStream(): Observable<EventBulk<RxStorageChangeEvent<RxDocType>, RxStorageDefaultCheckpoint>> {
    this.ensureOpen();
    // One stream per table whatever the document type: the cast only restores the caller's type parameter.
    const changes$ = this.internals.state.changes$.asObservable() as unknown as Observable<EventBulk<RxStorageChangeEvent<RxDocType>, RxStorageDefaultCheckpoint>>;
    const watch = this.watchOthers;
    if (!watch) return changes$;
    // Other connections' commits are looked for while someone listens, and no longer.
    return new Observable((subscriber) => {
      const stopWatching = watch();
      const subscription = changes$.subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        stopWatching();
      };
    });
  }

  async cleanup(minimumDeletedTime: number): Promise<boolean> {
    this.ensureOpen();
    const cache = this.checkedCache();
    const { db, table } = this.internals;
    const gone = db.transaction(() => {
      const ids = this.statements.cleanup.all(now() - minimumDeletedTime) as string[];
      logCommit(db, table, ids, () => undefined);
      return ids;
    })();
    if (gone.length === 0) return true;
    commits.set(this.internals.db, commitsThrough(this.internals.db) + 1);
    // Dropped one by one rather than clearing the cache: a complete cache stays complete.
    const changes: Change<Doc>[] = [];
    for (const id of gone) {
      changes.push({ before: cache.get(id) });
      cache.delete(id);
    }
    this.indexes.apply(cache.generation, changes);
    return true;
  }

  async getAttachmentData(): Promise<Blob> {
    throw new Error('Sphere\'s SQLite storage does not store attachments; keep files outside the database.');
  }

  async remove(): Promise<void> {
    this.ensureOpen();
    const { db, table } = this.internals;
    db.transaction(() => {
      db.prepare(`DROP TABLE IF EXISTS "${table}"`).run();
      logTableGone(db, table);
    })();
    this.internals.state.cache.clear();
    await this.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }

  /** The sorted list a query over a held table will use, built over several turns of the loop if missing. */
  /** Builds the sorted list a query's index needs over several turns of the loop; undefined when there is none to build. */
  private prepareIndex(prepared: PreparedQuery<RxDocType>): Promise<void> | undefined {
    if (this.closed) return undefined;
    const column = this.columnByIndex.get(indexName(prepared.queryPlan.index));
    // Not checked against the file here: the answer itself checks (once per query, a few microseconds), and a list
    // built for a generation that has passed is simply not used.
    const cache = this.internals.state.cache;
    if (!column || !cache.complete) return undefined;
    const name = indexName(column.fields);
    if (this.indexes.ready(name, cache.generation)) return undefined;
    return this.indexes.prepare(name, cache.generation, () => cache.values());
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error(`storage instance ${this.collectionName} is closed`);
  }

  private checkedCache(): DocCache<Doc> {
    const cache = this.internals.state.cache;
    cache.check(this.internals.db);
    return cache;
  }

  /**
   * The checked cache when it holds every row of the table, reading the rest of the table into it first when
   * the table fits; undefined for a table bigger than the cache, which is then read from SQLite at each query.
   */
  private wholeTable(): DocCache<Doc> | undefined {
    const cache = this.checkedCache();
    if (cache.complete) return cache;
    const { db } = this.internals;
    const stamp = `${cache.dataVersion}:${commitsThrough(db)}`;
    if (this.tooBigAt === stamp) return undefined;
    const startedIn = cache.generation;
    const ids = this.statements.ids.all() as string[];
    if (ids.length > cache.capacity) {
      this.tooBigAt = stamp;
      return undefined;
    }
    this.docsFor(ids, cache);
    cache.markComplete(startedIn);
    return cache.complete ? cache : undefined;
  }

  /**
   * An index range over a complete cache: the list in index order, and where the range starts and ends in it.
   * Without a known index, every document, in no particular order (the caller sorts).
   */
  private inRange(column: IndexColumn | undefined, prepared: PreparedQuery<RxDocType>, whole: DocCache<Doc>): Range<Doc> {
    if (!column) return { docs: [...whole.values()], start: 0, end: whole.size };
    const plan = prepared.queryPlan;
    return this.indexes.range(indexName(column.fields), whole.generation, () => whole.values(), {
      lower: getStartIndexStringFromLowerBound(this.schema, column.fields, plan.startKeys),
      upper: getStartIndexStringFromUpperBound(this.schema, column.fields, plan.endKeys),
      inclusiveStart: plan.inclusiveStart,
      inclusiveEnd: plan.inclusiveEnd,
    });
  }

  /** Queries differ only in their bounds, so a handful of statements serve them all. */
  private statement(sql: string): Database.Statement {
    let statement = this.cached.get(sql);
    if (!statement) {
      statement = this.internals.db.prepare(sql);
      this.cached.set(sql, statement);
    }
    return statement;
  }

  private rowValues(doc: Doc): unknown[] {
    const values: unknown[] = [doc[this.primaryPath], doc._deleted ? 1 : 0, doc._meta.lwt, JSON.stringify(doc)];
    for (const column of this.columns) values.push(column.toKey(doc));
    return values;
  }

  private readByIds(ids: string[], withDeleted: boolean): Doc[] {
    if (ids.length === 0) return [];
    // The caller's order, as RxDB's own storages keep it.
    return this.checkedCache().lookup(ids, this.readRows).filter((doc): doc is Doc => doc !== undefined && (withDeleted || !doc._deleted));
  }

  /** Rows by id, for the cache's misses: one statement whatever their number. */
  private readonly readRows = (missing: string[]): Row[] =>
    (missing.length === 1 ? this.statements.byId.all(missing[0]) : this.statements.byIds.all(JSON.stringify(missing))) as Row[];

  private rangeSql(column: IndexColumn, prepared: PreparedQuery<RxDocType>): { sql: string; params: Buffer[] } {
    const plan = prepared.queryPlan;
    const lower = encodeIndexKey(getStartIndexStringFromLowerBound(this.schema, column.fields, plan.startKeys));
    const upper = encodeIndexKey(getStartIndexStringFromUpperBound(this.schema, column.fields, plan.endKeys));
    const c = column.column;
    return {
      sql: `${c} ${plan.inclusiveStart ? '>=' : '>'} ? AND ${c} ${plan.inclusiveEnd ? '<=' : '<'} ?`,
      params: [lower, upper],
    };
  }

  /** Ids in index order; documents come from the cache, and only the missing ones are read and parsed. */
  private candidateIds(column: IndexColumn | undefined, prepared: PreparedQuery<RxDocType>): string[] {
    const table = this.internals.table;
    if (!column) return this.statements.ids.all() as string[];
    const { sql, params } = this.rangeSql(column, prepared);
    return this.statement(`SELECT id FROM "${table}" WHERE ${sql} ORDER BY ${column.column}`).pluck().all(...params) as string[];
  }

  /** Documents of rows known to exist (their ids just came from the table). */
  private docsFor(ids: string[], cache: DocCache<Doc>): Doc[] {
    // A row whose JSON is damaged has an id but no document: skipped (doc-cache.ts).
    return cache.lookup(ids, this.readRows).filter((doc) => doc !== undefined);
  }
}

function prepareTable(db: Database.Database, table: string, columns: IndexColumn[], lwt: IndexColumn | undefined, readOnly: boolean): Statements {
  const keyColumns = columns.map((c) => `, ${c.column} BLOB NOT NULL`).join('');
  // A read-only file cannot take a new table: a collection it lacks reads as empty from a temporary one.
  const missing = readOnly && db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) === undefined;
  db.exec(`CREATE ${missing ? 'TEMP ' : ''}TABLE IF NOT EXISTS "${table}" (id TEXT PRIMARY KEY NOT NULL, deleted INTEGER NOT NULL, lwt REAL NOT NULL, data TEXT NOT NULL${keyColumns})`);
  // An index set that changed under the same schema version would silently return wrong results.
  const existing = keyColumnsOf(db, table);
  if (existing.length !== columns.length) {
    throw new Error(`table ${table} has ${existing.length} index columns but the schema needs ${columns.length}; bump the schema version to change indexes`);
  }
  for (const column of columns) {
    // Covering (key, id): range scans return ids without touching the table's wide rows.
    db.exec(`CREATE INDEX IF NOT EXISTS "${table}__${column.column}_id" ON "${table}" (${column.column}, id)`);
  }
  const names = ['id', 'deleted', 'lwt', 'data', ...columns.map((c) => c.column)];
  const placeholders = names.map(() => '?').join(', ');
  return {
    byIds: db.prepare(`SELECT id, data FROM "${table}" WHERE id IN (SELECT value FROM json_each(?))`),
    byId: db.prepare(`SELECT id, data FROM "${table}" WHERE id = ?`),
    insert: db.prepare(`INSERT INTO "${table}" (${names.join(', ')}) VALUES (${placeholders})`),
    update: db.prepare(`UPDATE "${table}" SET ${names.slice(1).map((n) => `${n} = ?`).join(', ')} WHERE id = ?`),
    changedSince: lwt && db.prepare(`SELECT id, data FROM "${table}" WHERE ${lwt.column} > ? ORDER BY ${lwt.column} LIMIT ?`),
    cleanup: db.prepare(`DELETE FROM "${table}" WHERE deleted = 1 AND lwt <= ? RETURNING id`).pluck(),
    ids: db.prepare(`SELECT id FROM "${table}"`).pluck(),
  };
}

export { tableNameFor };
