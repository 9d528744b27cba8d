// Process: main or any Node host. Parsed documents kept beside SQLite, so hot reads skip JSON.parse.
import type Database from 'better-sqlite3';

export type Row = { id: string; data: string };

/**
 * The stored JSON each parsed document came from. A document read from SQLite and sent on over a socket would
 * otherwise be parsed and then stringified again; its text is already at hand. Only for documents that came
 * from a row (never mutated: RxDB treats stored documents as immutable).
 */
const storedText = new WeakMap<object, string>();

export function storedTextOf(doc: object): string | undefined {
  return storedText.get(doc);
}

/** A stored document's JSON parsed, or undefined when it is damaged (not JSON, or not an object). */
export function parseStored(text: string): object | undefined {
  try {
    const doc: unknown = JSON.parse(text);
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? doc : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Per connection: what brings the caches up to date with other connections before they check (commit-log.ts);
 * it returns the file's data_version.
 */
const catchUps = new WeakMap<Database.Database, () => number>();

export function beforeCacheChecks(db: Database.Database, catchUp: () => number): void {
  catchUps.set(db, catchUp);
}

/**
 * Coherent because every write of this connection passes through set() or delete(), and SQLite's data_version
 * changes when any *other* connection commits to the file. The commit log then updates the rows those commits
 * touched and `adopt`s the new data_version; when it cannot (inside a transaction), everything cached is
 * dropped. Bounded: the oldest entries go first.
 *
 * `complete` says the cache holds every row of its table, so a miss means the row does not exist and the whole
 * table can be answered from memory. It holds from markComplete() until the cache is cleared or has to evict;
 * each such loss starts a new `generation`, which anything derived from a complete cache (the sorted indexes)
 * compares against to know it is stale.
 */
export class DocCache<T> {
  private readonly docs = new Map<string, T>();
  private version = -1;
  private readonly max: number;
  private versionStatement: Database.Statement | undefined;
  private isComplete = false;
  private gen = 0;
  private changes = 0;

  constructor(max = 100_000) {
    this.max = max;
  }

  /** How many documents it keeps at most. */
  get capacity(): number {
    return this.max;
  }

  get complete(): boolean {
    return this.isComplete;
  }

  get generation(): number {
    return this.gen;
  }

  /**
   * Goes up with every document put in, taken out or forgotten: unchanged, the table holds what it held (every
   * write, this connection's or another's, passes through here or clears the cache).
   */
  get changeCount(): number {
    return this.changes;
  }

  get size(): number {
    return this.docs.size;
  }

  /** The file's data_version when last checked: with this connection's commit count, it says whether the file changed. */
  get dataVersion(): number {
    return this.version;
  }

  /** Call before reading: lets the commit log catch up, then forgets everything if the file changed regardless. */
  check(db: Database.Database): void {
    const catchUp = catchUps.get(db);
    // A prepared statement: db.pragma() would parse the SQL on every read.
    if (!catchUp) this.versionStatement ??= db.prepare('PRAGMA data_version').pluck();
    const version = catchUp ? catchUp() : (this.versionStatement!.get() as number);
    if (version !== this.version) {
      this.clear();
      this.version = version;
    }
  }

  /** The rows other connections changed up to data_version `version` have been brought up to date here. */
  adopt(version: number): void {
    this.version = version;
  }

  get(id: string): T | undefined {
    return this.docs.get(id);
  }

  set(id: string, doc: T): void {
    this.changes++;
    this.docs.delete(id);
    this.docs.set(id, doc);
    if (this.docs.size > this.max) {
      const oldest = this.docs.keys().next().value;
      if (oldest !== undefined) this.docs.delete(oldest);
      this.loseCompleteness();
    }
  }

  /** A row this connection deleted from the table. */
  delete(id: string): void {
    this.changes++;
    this.docs.delete(id);
  }

  /**
   * The parsed document for a row: cached when present, parsed (and cached) when not. undefined for a row whose
   * JSON is damaged: it is skipped, so that one bad row cannot hide every other document, and left in the file
   * as it is for repair (the store service counts and reports such rows).
   */
  fromRow(row: Row): T | undefined {
    const hit = this.docs.get(row.id);
    if (hit) return hit;
    const doc = parseStored(row.data) as T | undefined;
    if (doc === undefined) return undefined;
    storedText.set(doc as object, row.data);
    this.set(row.id, doc);
    return doc;
  }

  /**
   * The document for each id, in the ids' order (undefined where there is no such row), reading only the ones
   * not cached, with one call to `read`. What was read is kept here rather than fetched back from the cache: a
   * batch bigger than the cache would evict its own first rows. A complete cache has every row: it never reads.
   */
  lookup(ids: readonly string[], read: (missing: string[]) => Row[]): (T | undefined)[] {
    const docs = ids.map((id) => this.docs.get(id));
    if (this.isComplete) return docs;
    const missing = ids.filter((_, i) => docs[i] === undefined);
    if (missing.length === 0) return docs;
    const found = new Map<string, T>();
    for (const row of read(missing)) {
      const doc = this.fromRow(row);
      if (doc !== undefined) found.set(row.id, doc);
    }
    for (let i = 0; i < ids.length; i++) docs[i] ??= found.get(ids[i]!);
    return docs;
  }

  /**
   * Every row of the table has been read into the cache, in the same generation that began the reading (pass
   * the generation seen before reading: if the cache was cleared meanwhile, the claim would be false).
   */
  markComplete(startedIn: number): void {
    if (startedIn === this.gen) this.isComplete = true;
  }

  /** Every cached document; the whole table when `complete`. */
  values(): IterableIterator<T> {
    return this.docs.values();
  }

  clear(): void {
    this.changes++;
    this.docs.clear();
    this.loseCompleteness();
  }

  private loseCompleteness(): void {
    this.isComplete = false;
    this.gen++;
  }
}
