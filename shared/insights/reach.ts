// Process: any (pure). Who is reachable from whom along directed ties (referral chains): the edges as compact
// adjacency arrays, and one breadth-first walk per person that marks whom it reached with a number, so a walk
// makes no set or list. Its cost is the size of the answer (the people reached and their ties). The one before
// kept reach as bitsets per strongly connected group, a word per 32 people for every group with a referral,
// and read all of them for each referrer: at 10,000 people (8,035 in referral ties) that took 3 to 4 times as
// long as these walks, cold.
import { denseIds } from './dense-ids.ts';

export type ReachIndex = {
  /** Dense index of each person. */
  indexOf: ReadonlyMap<string, number>;
  ids: string[];
  /**
   * Calls `visit` once with the index of every person reachable from `id` along the edges, `id` itself left out
   * (even when a cycle leads back). `visit` must not start another walk of the same index.
   */
  forEachReachable(id: string, visit: (index: number) => void): void;
  count(id: string): number;
};

export function reachIndex(edges: readonly { from: string; to: string }[]): ReachIndex {
  const { at, ids, indexOf } = denseIds();
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  for (let e = 0; e < edges.length; e++) {
    from[e] = at(edges[e]!.from);
    to[e] = at(edges[e]!.to);
  }
  const n = ids.length;
  // Compressed rows: person v's edges lead to targets[starts[v]] … targets[starts[v + 1] - 1].
  const starts = new Int32Array(n + 1);
  for (let e = 0; e < edges.length; e++) starts[from[e]! + 1]!++;
  for (let v = 0; v < n; v++) starts[v + 1]! += starts[v]!;
  const fill = starts.slice(0, n);
  const targets = new Int32Array(edges.length);
  for (let e = 0; e < edges.length; e++) targets[fill[from[e]!]!++] = to[e]!;
  const reachedBy = new Int32Array(n);
  const queue = new Int32Array(n);
  let walk = 0;
  const forEachReachable = (id: string, visit: (index: number) => void) => {
    const source = indexOf.get(id);
    if (source === undefined) return;
    walk++;
    let head = 0;
    let tail = 0;
    // The source is not marked at the start: a cycle back to it is followed once, like anyone else.
    for (let k = starts[source]!; k < starts[source + 1]!; k++) {
      const w = targets[k]!;
      if (reachedBy[w] !== walk) {
        reachedBy[w] = walk;
        queue[tail++] = w;
      }
    }
    while (head < tail) {
      const v = queue[head++]!;
      if (v !== source) visit(v);
      for (let k = starts[v]!; k < starts[v + 1]!; k++) {
        const w = targets[k]!;
        if (reachedBy[w] !== walk) {
          reachedBy[w] = walk;
          queue[tail++] = w;
        }
      }
    }
  };
  return {
    indexOf,
    ids,
    forEachReachable,
    count(id) {
      let total = 0;
      forEachReachable(id, () => total++);
      return total;
    },
  };
}
