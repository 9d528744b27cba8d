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

/**
 * Coherent because every write of this connection passes through set(), and
 * SQLite's data_version changes when any *other* connection commits to the file:
 * then everything cached is dropped. Bounded: the oldest entries go first.
 */
export class DocCache<T> {
  private readonly docs = new Map<string, T>();
  private version = -1;
  private readonly max: number;
  private versionStatement: Database.Statement | undefined;

  constructor(max = 100_000) {
    this.max = max;
  }

  /** How many documents it keeps at most. */
  get capacity(): number {
    return this.max;
  }

  /** Call before reading: forgets everything if another connection changed the file. */
  check(db: Database.Database): void {
    // A prepared statement: db.pragma() would parse the SQL on every read.
    this.versionStatement ??= db.prepare('PRAGMA data_version').pluck();
    const version = this.versionStatement.get() as number;
    if (version !== this.version) {
      this.docs.clear();
      this.version = version;
    }
  }

  get(id: string): T | undefined {
    return this.docs.get(id);
  }

  set(id: string, doc: T): void {
    this.docs.delete(id);
    this.docs.set(id, doc);
    if (this.docs.size > this.max) {
      const oldest = this.docs.keys().next().value;
      if (oldest !== undefined) this.docs.delete(oldest);
    }
  }

  /** The parsed document for a row: cached when present, parsed (and cached) when not. */
  fromRow(row: Row): T {
    const hit = this.docs.get(row.id);
    if (hit) return hit;
    const doc = JSON.parse(row.data) as T;
    if (typeof doc === 'object' && doc !== null) storedText.set(doc, row.data);
    this.set(row.id, doc);
    return doc;
  }

  clear(): void {
    this.docs.clear();
  }
}
