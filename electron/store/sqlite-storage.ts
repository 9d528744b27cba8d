// Process: main or any Node host. An RxStorage whose documents live in SQLite files (better-sqlite3, WAL).
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { Subject } from 'rxjs';
import { ensureRxStorageInstanceParamsAreCorrect, RXDB_VERSION } from 'rxdb';
import type { RxStorage, RxStorageInstanceCreationParams } from 'rxdb';
import { commitsThrough, RxStorageInstanceSqlite, type SqliteInstanceOptions, type SqliteInternals, type TableState } from './sqlite-instance.ts';
import { tableNameFor, tablePrefixFor } from './sqlite-keys.ts';
import { COMMIT_LOG_TABLE, commitLogOf } from './commit-log.ts';
import { migrateKeysToFormat2, migrateKeysToFormat4, migrateToFormat3 } from './store-format.ts';
import { DocCache, type Row } from './doc-cache.ts';
import { accessReason, isAccessProblem } from './store-preflight.ts';

export type SqliteStorageSettings = {
  /** Folder holding one `<databaseName>.db` file per RxDatabase. */
  directory: string;
  /** Override where a database's file lives (the app keeps its store at a fixed path). */
  fileFor?: (databaseName: string) => string;
  /**
   * Parsed documents kept in memory per collection (default 100,000). A collection that fits is held whole and
   * its queries and counts are answered from memory; a bigger one is read from SQLite at each query.
   */
  heldDocuments?: number;
  /**
   * Carry other connections' commits on every instance's change stream, as if each were created with
   * `multiInstance: true` (those always are). The app's store needs it whatever a window's RxDatabase says: the
   * import command, a second host and sync write the same file while windows are open.
   */
  watchOtherConnections?: boolean;
  /** How often (ms) a watched file is checked for other connections' commits while anyone listens (default 100). */
  watchEvery?: number;
  /**
   * Set when the store may only be read (a read-only folder or file): the file is opened read-only, and every
   * write is refused with this reason instead of failing deep in SQLite.
   */
  readOnly?: string;
  /** The file was checked (quick_check, format) just before: opening it need not check it again. */
  checked?: boolean;
};

/**
 * Bumped when the on-disk layout changes; a newer file is refused rather than misread, an older one migrated.
 * 1: index keys as UTF-16BE. 2: index keys in a compact code (`encodeFormat2Key`). 3: a commit log
 * (commit-log.ts) and table names that never collide (`tableNameFor`). 4: index keys without their padding
 * (`encodeIndexKey`).
 */
/** Values kept with the store itself, such as this device's author id. */
const META_TABLE = 'sphere_meta';

export const STORE_FORMAT_VERSION = 4;

/** `held`: kept open with its caches while the storage lives, even when no instance uses it. */
type OpenFile = { db: Database.Database; instances: number; tables: Map<string, TableState>; held: boolean };

export class RxStorageSqlite implements RxStorage<SqliteInternals, SqliteInstanceOptions> {
  readonly name = 'sphere-sqlite';
  readonly rxdbVersion = RXDB_VERSION;
  readonly settings: SqliteStorageSettings;
  private readonly files = new Map<string, OpenFile>();

  constructor(settings: SqliteStorageSettings) {
    this.settings = settings;
  }

  fileFor(databaseName: string): string {
    return this.settings.fileFor?.(databaseName) ?? path.join(this.settings.directory, `${encodeURIComponent(databaseName)}.db`);
  }

  async createStorageInstance<RxDocType>(
    params: RxStorageInstanceCreationParams<RxDocType, SqliteInstanceOptions>,
  ): Promise<RxStorageInstanceSqlite<RxDocType>> {
    ensureRxStorageInstanceParamsAreCorrect(params);
    if (params.schema.attachments) {
      throw new Error(`collection ${params.collectionName}: Sphere's SQLite storage does not store attachments`);
    }
    const open = this.openFile(this.fileFor(params.databaseName));
    const table = tableNameFor(params.collectionName, params.schema.version);
    const state = tableState(open, table, this.settings.heldDocuments);
    const log = commitLogOf(open.db);
    const watchEvery = this.settings.watchEvery ?? 100;
    const instance = new RxStorageInstanceSqlite<RxDocType>({
      databaseName: params.databaseName,
      collectionName: params.collectionName,
      schema: params.schema,
      internals: { db: open.db, table, state, readOnly: this.settings.readOnly },
      options: params.options,
      onClose: () => {
        state.refCount--;
        if (state.refCount === 0 && !open.held) {
          state.changes$.complete();
          open.tables.delete(table);
        }
        open.instances--;
        if (open.instances === 0 && !open.held) this.closeFile(this.fileFor(params.databaseName));
      },
      // RxDB's contract: a multiInstance instance sees what other instances on the same database commit.
      watchOthers: params.multiInstance || this.settings.watchOtherConnections ? () => log.watch(watchEvery) : undefined,
    });
    state.refCount++;
    open.instances++;
    return instance;
  }

  /**
   * Every live (not deleted) document of one collection, straight from its table and through its cache: for the
   * host's own reads of a held store, such as the opening picture. Empty when the collection has no table yet.
   */
  liveDocuments(databaseName: string, collectionName: string, schemaVersion: number): unknown[] {
    const open = this.files.get(this.fileFor(databaseName));
    const table = tableNameFor(collectionName, schemaVersion);
    if (!open || !open.db.open || !ourTables(open.db).includes(table)) return [];
    const state = tableState(open, table, this.settings.heldDocuments);
    state.cache.check(open.db);
    // Nothing written to the table since the last list (the insights worker asks for all four after each edit,
    // which changed one): the same documents, without reading 50,000 ids again. A copy: callers may sort it.
    if (state.live && state.live.changes === state.cache.changeCount) return state.live.docs.slice();
    // Ids first: the documents are usually cached already, and reading every row's JSON would cost more than the rest.
    const ids = open.db.prepare(`SELECT id FROM "${table}" WHERE deleted = 0`).pluck().all() as string[];
    const read = (missing: string[]) =>
      open.db.prepare(`SELECT id, data FROM "${table}" WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(missing)) as Row[];
    const docs = state.cache.lookup(ids, read).filter((doc) => doc !== undefined);
    state.live = { changes: state.cache.changeCount, docs };
    return docs.slice();
  }

  /** Changes whenever the database's file does: a commit through this storage, or through any other connection. */
  changeStamp(databaseName: string): string | null {
    const open = this.files.get(this.fileFor(databaseName));
    if (!open || !open.db.open) return null;
    return `${open.db.pragma('data_version', { simple: true }) as number}:${commitsThrough(open.db)}`;
  }

  /**
   * A value kept in the file itself, made once by `make` the first time it is asked for: the device's author id,
   * which must travel with the store (a restored backup keeps it) and never change once documents carry it.
   */
  storedValue(databaseName: string, key: string, make: () => string): string {
    const { db } = this.openFile(this.fileFor(databaseName));
    db.exec(`CREATE TABLE IF NOT EXISTS ${META_TABLE} (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`);
    const stored = db.prepare(`SELECT value FROM ${META_TABLE} WHERE key = ?`).pluck().get(key) as string | undefined;
    if (stored !== undefined) return stored;
    const made = make();
    db.prepare(`INSERT INTO ${META_TABLE} (key, value) VALUES (?, ?)`).run(key, made);
    return made;
  }

  /**
   * Opens a database's file now (checking it, so a bad file is found at launch rather than on first use) and
   * keeps it open, its parsed documents with it, until closeAll: a window that reloads or a second window then
   * finds everything ready instead of checking the file and parsing every document again.
   */
  hold(databaseName: string): void {
    this.openFile(this.fileFor(databaseName)).held = true;
  }

  /**
   * Parses a held file's documents into the caches ahead of the first query, a slice at a time so requests keep
   * being answered meanwhile. At launch this overlaps with the window loading its code. `first` names the
   * collections to read first, in the order the app will ask for them. Returns how many documents it read.
   */
  async warm(databaseName: string, options: { slice?: number; first?: readonly string[] } = {}): Promise<number> {
    const slice = options.slice ?? 2000;
    const file = this.fileFor(databaseName);
    const open = this.files.get(file);
    if (!open) return 0;
    const rank = (table: string) => {
      const at = (options.first ?? []).findIndex((name) => table.startsWith(tablePrefixFor(name)));
      return at === -1 ? Infinity : at;
    };
    // Closed or replaced (a restore) meanwhile: stop.
    const closed = () => this.files.get(file) !== open || !open.db.open;
    const tables = ourTables(open.db).sort((a, b) => rank(a) - rank(b));
    // Queries on a table wait for its turn here (see TableState.warming), whichever table they ask about.
    const finished = new Map<string, () => void>();
    for (const table of tables) {
      const state = tableState(open, table, this.settings.heldDocuments);
      let resolve!: () => void;
      const warming = new Promise<void>((r) => (resolve = r));
      state.warming = warming;
      finished.set(table, () => {
        if (state.warming === warming) delete state.warming;
        resolve();
      });
    }
    let read = 0;
    try {
      for (const table of tables) {
        if (closed()) return read;
        read += await this.warmTable(open, table, slice, closed);
        finished.get(table)!();
      }
      return read;
    } finally {
      for (const finish of finished.values()) finish();
    }
  }

  private async warmTable(open: OpenFile, table: string, slice: number, closed: () => boolean): Promise<number> {
    const state = tableState(open, table, this.settings.heldDocuments);
    state.cache.check(open.db);
    // A table bigger than its cache would only churn it.
    if (((open.db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number) > state.cache.capacity)) return 0;
    // Every row read, with the cache never cleared meanwhile: queries can then be answered from memory.
    const startedIn = state.cache.generation;
    let after = '';
    let read = 0;
    for (;;) {
      if (closed()) return read;
      state.cache.check(open.db);
      const rows = open.db.prepare(`SELECT id, data FROM "${table}" WHERE id > ? ORDER BY id LIMIT ?`).all(after, slice) as { id: string; data: string }[];
      for (const row of rows) state.cache.fromRow(row);
      read += rows.length;
      if (rows.length < slice) break;
      after = rows[rows.length - 1]!.id;
      await new Promise((resolve) => setImmediate(resolve));
    }
    state.cache.markComplete(startedIn);
    return read;
  }

  private openFile(file: string): OpenFile {
    let open = this.files.get(file);
    if (!open) {
      open = { db: this.settings.readOnly ? openStoreFileReadOnly(file) : openStoreFile(file, { checked: this.settings.checked }), instances: 0, tables: new Map(), held: false };
      commitLogOf(open.db).follow(open.tables);
      this.files.set(file, open);
    }
    return open;
  }

  /** Closes every file at once, whatever instances are still open (used before a restore and at quit). */
  closeAll(): void {
    for (const file of [...this.files.keys()]) this.closeFile(file);
  }

  private closeFile(file: string): void {
    const open = this.files.get(file);
    if (!open) return;
    this.files.delete(file);
    for (const state of open.tables.values()) state.changes$.complete();
    commitLogOf(open.db).stop();
    if (open.db.open) open.db.close();
  }
}

function tableState(open: OpenFile, table: string, heldDocuments: number | undefined): TableState {
  let state = open.tables.get(table);
  if (!state) {
    state = { changes$: new Subject(), cache: new DocCache(heldDocuments), refCount: 0 };
    open.tables.set(table, state);
  }
  return state;
}

export function getRxStorageSqlite(settings: SqliteStorageSettings): RxStorageSqlite {
  return new RxStorageSqlite(settings);
}

/**
 * Opens (or creates) a store file and proves it is one of ours before anything
 * writes to it. Throws StoreOpenError with a reason a user can read; it never
 * modifies a file it refuses.
 */
export function openStoreFile(file: string, options: { checked?: boolean } = {}): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const isNew = !fs.existsSync(file) || fs.statSync(file).size === 0;
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: false });
  } catch (err) {
    throw new StoreOpenError(`cannot open ${path.basename(file)}: ${(err as Error).message}`);
  }
  try {
    if (!isNew) {
      // Reading the schema fails on a file that is not SQLite ("file is not a database").
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > STORE_FORMAT_VERSION) {
        throw new StoreOpenError(`${path.basename(file)} was written by a newer Sphere (store format ${version}, this version reads up to ${STORE_FORMAT_VERSION})`);
      }
      if (version === 0 && hasForeignTables(db)) {
        throw new StoreOpenError(`${path.basename(file)} is a SQLite file, but not a Sphere store`);
      }
      const check = options.checked ? 'ok' : db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new StoreOpenError(`${path.basename(file)} is damaged (${String(check)})`);
    }
    // WAL keeps readers off the writer's back; FULL syncs each commit so an acknowledged write survives power loss too.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = OFF');
    db.pragma('busy_timeout = 5000');
    const version = isNew ? 0 : (db.pragma('user_version', { simple: true }) as number);
    if (!isNew && version < 2 && ourTables(db).length > 0) migrateKeysToFormat2(db, ourTables(db));
    if (version < 3) migrateToFormat3(db, ourTables(db));
    if (version < 4) migrateKeysToFormat4(db, ourTables(db));
    return db;
  } catch (err) {
    db.close();
    if (err instanceof StoreOpenError) throw err;
    // Locked, or not ours to write: nothing is wrong with the file itself, so it must not be set aside.
    if (isAccessProblem(err)) throw new StoreAccessError(accessReason(file, err), { cause: err });
    throw new StoreOpenError(`${path.basename(file)} cannot be read: ${(err as Error).message}`);
  }
}

/**
 * Opens a store file that this process may not write (store-preflight.ts found it sound): no journal mode, no
 * format migration, nothing that writes. A file at an older format cannot be brought up to date this way.
 */
export function openStoreFileReadOnly(file: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new StoreAccessError(accessReason(file, err), { cause: err });
  }
  try {
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < STORE_FORMAT_VERSION) {
      throw new StoreAccessError(`${path.basename(file)} is at an older store format (${version}) and must be upgraded, which needs it to be writable`);
    }
    return db;
  } catch (err) {
    db.close();
    if (err instanceof StoreAccessError) throw err;
    throw new StoreAccessError(accessReason(file, err), { cause: err });
  }
}

function ourTables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'docs\\_\\_%' ESCAPE '\\'").pluck().all() as string[];
}

export function hasForeignTables(db: Database.Database): boolean {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  // The commit log and SQLite's counter for it are ours too (format 3 writes them with the version, but a file
  // set back to version 0 by hand should still be recognised).
  return names.some((name) => !name.startsWith('docs__') && name !== COMMIT_LOG_TABLE && name !== META_TABLE && name !== 'sqlite_sequence');
}

export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

/** The store cannot be opened as asked for a reason outside the file (a lock, permissions): never set aside. */
export class StoreAccessError extends Error {
  override name = 'StoreAccessError';
}
