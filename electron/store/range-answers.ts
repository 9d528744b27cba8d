// Process: main or any Node host. A query or count answered from documents held in index order (sorted-indexes.ts):
// the matcher, sort, skip and limit applied as RxDB's memory storage applies them.

/** Positions [start, end) of a list in index order. */
export type Range<T> = { docs: T[]; start: number; end: number };

export type RangeQuery<T> = {
  /** Null when the index range alone decides which documents match. */
  matcher: ((doc: T) => boolean) | null;
  /** Null when the index order is the order asked for. */
  comparator: ((a: T, b: T) => number) | null;
  skip: number;
  limit: number;
};

export function queryRange<T>({ docs, start, end }: Range<T>, { matcher, comparator, skip, limit }: RangeQuery<T>): T[] {
  const wanted = skip + limit;
  // The index answers everything: the result is one slice of its list.
  if (!matcher && !comparator) return docs.slice(start + skip, Math.min(end, start + wanted));
  let found: T[] = [];
  for (let i = start; i < end; i++) {
    const doc = docs[i]!;
    if (matcher && !matcher(doc)) continue;
    found.push(doc);
    // In index order already: no need to look past what is wanted.
    if (!comparator && found.length >= wanted) break;
  }
  if (comparator) found.sort(comparator);
  if (skip > 0 || found.length > wanted) found = found.slice(skip, wanted);
  return found;
}

export function countRange<T>({ docs, start, end }: Range<T>, matcher: ((doc: T) => boolean) | null): number {
  if (!matcher) return end - start;
  let count = 0;
  for (let i = start; i < end; i++) if (matcher(docs[i]!)) count++;
  return count;
}
