// Process: main or any Node host. A table's documents in each index's order, held in memory beside a complete
// DocCache, so a query or a count over an index range is two binary searches instead of a walk through SQLite.
import { getIndexableStringMonad } from 'rxdb';
import type { RxDocumentData, RxJsonSchema } from 'rxdb';
import type { Range } from './range-answers.ts';

/** One index in RxDB's order: its index strings sorted, and the document each belongs to at the same position. */
type SortedList<T> = { keys: string[]; docs: T[] };

/** A write as the table saw it: the stored version it replaced (if any) and the one now stored (if any). */
export type Change<T> = { before?: T; after?: T };

/**
 * Past this many changes in one write, splicing each into every list costs more than sorting the list again
 * when it is next needed (a splice moves half a list on average; a rebuild sorts it once).
 */
const MOST_CHANGES_SPLICED = 64;

/**
 * Lists are built on first use from the complete cache and kept in step with this connection's writes after
 * that. They belong to one cache generation: when the cache stops being complete (another connection wrote,
 * a cleanup cleared it, it had to evict), every list is dropped and built again next time from the fresh cache.
 *
 * Keys are RxDB's own index strings, compared as JavaScript compares strings, exactly as RxDB's memory storage
 * and our SQLite key columns order them; each ends with the primary key, so no two documents share one.
 */
export class SortedIndexes<T> {
  private readonly lists = new Map<string, SortedList<T>>();
  private readonly keyOf = new Map<string, (doc: T) => string>();
  private generation = -1;
  /** Counts writes applied, so a list built across several turns of the loop knows whether it is still true. */
  private changesSeen = 0;

  constructor(schema: RxJsonSchema<RxDocumentData<unknown>>, indexes: { name: string; fields: string[] }[]) {
    for (const index of indexes) {
      const toString = getIndexableStringMonad(schema, index.fields);
      this.keyOf.set(index.name, toString as (doc: T) => string);
    }
  }

  /**
   * Positions [start, end) of the documents whose key lies between the bounds, and the list they are in.
   * `all` gives every document of the table, for building the list when it is missing; `generation` is the
   * complete cache's.
   */
  range(
    name: string,
    generation: number,
    all: () => Iterable<T>,
    bounds: { lower: string; upper: string; inclusiveStart: boolean; inclusiveEnd: boolean },
  ): Range<T> {
    this.follow(generation);
    const list = this.lists.get(name) ?? this.build(name, all());
    const start = firstPast(list.keys, bounds.lower, !bounds.inclusiveStart);
    const end = Math.max(start, firstPast(list.keys, bounds.upper, bounds.inclusiveEnd));
    return { docs: list.docs, start, end };
  }

  /**
   * Builds a missing list a slice of documents at a time, letting the event loop turn between slices: at
   * 30,000 ties, building one at once held a host's loop for 60 ms. Gives up (range() then builds it at once)
   * if the table changes meanwhile.
   */
  /** Whether `name`'s list is built for this generation (or cannot be): a query can then go ahead at once. */
  ready(name: string, generation: number): boolean {
    this.follow(generation);
    return !this.keyOf.has(name) || this.lists.has(name);
  }

  async prepare(name: string, generation: number, all: () => Iterable<T>, slice = 5000): Promise<void> {
    this.follow(generation);
    const keyOf = this.keyOf.get(name);
    if (!keyOf || this.lists.has(name)) return;
    const seen = this.changesSeen;
    const unchanged = () => this.changesSeen === seen && this.generation === generation;
    const entries: { key: string; doc: T }[] = [];
    for (const doc of all()) {
      entries.push({ key: keyOf(doc), doc });
      if (entries.length % slice === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (!unchanged()) return;
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
    if (!unchanged() || this.lists.has(name)) return;
    this.lists.set(name, sortedList(entries));
  }

  /** This connection's committed writes, in the generation they were made in. */
  apply(generation: number, changes: readonly Change<T>[]): void {
    this.follow(generation);
    this.changesSeen++;
    if (this.lists.size === 0 || changes.length === 0) return;
    if (changes.length > MOST_CHANGES_SPLICED) {
      this.lists.clear();
      return;
    }
    for (const [name, list] of this.lists) {
      const keyOf = this.keyOf.get(name)!;
      for (const { before, after } of changes) {
        if (before !== undefined) {
          const at = firstPast(list.keys, keyOf(before), false);
          if (list.docs[at] === before) {
            list.keys.splice(at, 1);
            list.docs.splice(at, 1);
          } else {
            // The replaced version is not where its key says: the list no longer mirrors the table.
            this.lists.clear();
            return;
          }
        }
        if (after !== undefined) {
          const key = keyOf(after);
          const at = firstPast(list.keys, key, false);
          list.keys.splice(at, 0, key);
          list.docs.splice(at, 0, after);
        }
      }
    }
  }

  private follow(generation: number): void {
    if (generation !== this.generation) {
      this.lists.clear();
      this.generation = generation;
    }
  }

  private build(name: string, docs: Iterable<T>): SortedList<T> {
    const keyOf = this.keyOf.get(name);
    if (!keyOf) throw new Error(`no index ${name} in this table's schema`);
    const entries: { key: string; doc: T }[] = [];
    for (const doc of docs) entries.push({ key: keyOf(doc), doc });
    const list = sortedList(entries);
    this.lists.set(name, list);
    return list;
  }
}

function sortedList<T>(entries: { key: string; doc: T }[]): SortedList<T> {
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { keys: entries.map((e) => e.key), docs: entries.map((e) => e.doc) };
}

/** The first position whose key is past `key`: at or above it, or (`strictly`) above it; keys.length if none. */
function firstPast(keys: string[], key: string, strictly: boolean): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid]! < key || (strictly && keys[mid] === key)) low = mid + 1;
    else high = mid;
  }
  return low;
}
