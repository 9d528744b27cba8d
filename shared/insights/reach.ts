// Process: any (pure). Who is reachable from whom along directed ties, for every person at once: strongly
// connected groups (a referral cycle) are folded into one, then reach is built bottom-up as bitsets. Walking the
// chain from each referrer separately took most of the insights' time at 10,000 people (every walk revisits
// the same people); this does each group once.

export type ReachIndex = {
  /** Dense index of each person. */
  indexOf: Map<string, number>;
  ids: string[];
  /** Everyone reachable from `id` along the edges, `id` itself excluded unless a cycle leads back to them. */
  reachable(id: string): Uint32Array | null;
  /** Calls `visit` with the index of every person reachable from `id` (as `reachable`). */
  forEachReachable(id: string, visit: (index: number) => void): void;
  count(id: string): number;
};

export function reachIndex(edges: readonly { from: string; to: string }[]): ReachIndex {
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  const at = (id: string) => {
    let i = indexOf.get(id);
    if (i === undefined) {
      i = ids.length;
      indexOf.set(id, i);
      ids.push(id);
    }
    return i;
  };
  const out: number[][] = [];
  for (const e of edges) {
    const a = at(e.from);
    const b = at(e.to);
    (out[a] ??= []).push(b);
    out[b] ??= [];
  }
  const n = ids.length;
  const { component, count: components } = stronglyConnected(n, out);
  // Tarjan numbers components in reverse topological order: a component's successors have smaller numbers.
  const words = Math.ceil(n / 32);
  const reach: Uint32Array[] = new Array(components);
  const members: number[][] = Array.from({ length: components }, () => []);
  for (let v = 0; v < n; v++) members[component[v]!]!.push(v);
  // Most people referred nobody: they all share one empty set, so memory grows with referrers, not with everyone.
  const none = new Uint32Array(words);
  for (let c = 0; c < components; c++) {
    const group = members[c]!;
    // A group of two or more is a cycle: each member reaches the others and, through them, itself.
    const cyclic = group.length > 1 || group.some((v) => out[v]!.includes(v));
    if (!cyclic && group.every((v) => out[v]!.length === 0)) {
      reach[c] = none;
      continue;
    }
    const bits = new Uint32Array(words);
    if (cyclic) for (const v of group) bits[v >>> 5]! |= 1 << (v & 31);
    for (const v of group) {
      for (const w of out[v]!) {
        const cw = component[w]!;
        if (cw === c) continue;
        bits[w >>> 5]! |= 1 << (w & 31);
        const child = reach[cw]!;
        for (let k = 0; k < words; k++) bits[k]! |= child[k]!;
      }
    }
    reach[c] = bits;
  }
  const reachable = (id: string) => {
    const v = indexOf.get(id);
    return v === undefined ? null : reach[component[v]!]!;
  };
  return {
    indexOf,
    ids,
    reachable,
    forEachReachable(id, visit) {
      const bits = reachable(id);
      if (!bits) return;
      const self = indexOf.get(id)!;
      for (let k = 0; k < words; k++) {
        let word = bits[k]!;
        while (word !== 0) {
          const low = word & -word;
          const v = (k << 5) + 31 - Math.clz32(low);
          if (v !== self) visit(v);
          word ^= low;
        }
      }
    },
    count(id) {
      let total = 0;
      this.forEachReachable(id, () => total++);
      return total;
    },
  };
}

/** Tarjan's algorithm without recursion (a long referral chain would overflow the stack). */
function stronglyConnected(n: number, out: number[][]): { component: Int32Array; count: number } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  let next = 0;
  let count = 0;
  const work: [number, number][] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    work.push([root, 0]);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      if (i === 0) {
        index[v] = low[v] = next++;
        stack.push(v);
        onStack[v] = 1;
      }
      const edges = out[v]!;
      if (i < edges.length) {
        frame[1] = i + 1;
        const w = edges[i]!;
        if (index[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return { component, count };
}
