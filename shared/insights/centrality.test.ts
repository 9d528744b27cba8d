// Process: test (any). Centrality figures agree with textbook reference implementations on generated graphs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BETWEENNESS_PIVOTS, centrality, computeCentrality, EXACT_BETWEENNESS_LIMIT, sampledBetweenness, tieGraph, type Centrality } from './centrality.ts';

type Edge = { from: string; to: string };

/** Simple undirected graphs of 2 to 24 people, possibly disconnected. */
const graphs = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 23 })), { minLength: 1, maxLength: 60 })
  .map((pairs) => pairs.filter(([a, b]) => a !== b).map(([a, b]): Edge => ({ from: `n${a}`, to: `n${b}` })))
  .filter((edges) => edges.length > 0);

function neighbours(edges: Edge[]): Map<string, Set<string>> {
  const adj = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!adj.has(from)) adj.set(from, new Set());
    if (!adj.has(to)) adj.set(to, new Set());
    adj.get(from)!.add(to);
    adj.get(to)!.add(from);
  }
  return adj;
}

/** PageRank by plain power iteration (damping 0.85): every node has a tie, so none dangles. */
function referencePagerank(edges: Edge[]): Map<string, number> {
  const adj = neighbours(edges);
  const nodes = [...adj.keys()];
  let rank = new Map(nodes.map((v) => [v, 1 / nodes.length]));
  for (let i = 0; i < 500; i++) {
    const next = new Map(nodes.map((v) => [v, 0.15 / nodes.length]));
    for (const v of nodes) for (const w of adj.get(v)!) next.set(w, next.get(w)! + (0.85 * rank.get(v)!) / adj.get(v)!.size);
    rank = next;
  }
  return rank;
}

/** Betweenness by counting shortest paths between every ordered pair, normalised by (n-1)(n-2). */
function referenceBetweenness(edges: Edge[]): Map<string, number> {
  const adj = neighbours(edges);
  const nodes = [...adj.keys()];
  const bfs = (s: string) => {
    const dist = new Map([[s, 0]]);
    const count = new Map([[s, 1]]);
    const queue = [s];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i]!;
      for (const w of adj.get(v)!) {
        if (!dist.has(w)) {
          dist.set(w, dist.get(v)! + 1);
          count.set(w, 0);
          queue.push(w);
        }
        if (dist.get(w) === dist.get(v)! + 1) count.set(w, count.get(w)! + count.get(v)!);
      }
    }
    return { dist, count };
  };
  const from = new Map(nodes.map((s) => [s, bfs(s)]));
  const result = new Map(nodes.map((v) => [v, 0]));
  for (const s of nodes) {
    for (const t of nodes) {
      if (s === t || !from.get(s)!.dist.has(t)) continue;
      const total = from.get(s)!.count.get(t)!;
      const d = from.get(s)!.dist.get(t)!;
      for (const v of nodes) {
        if (v === s || v === t) continue;
        const ds = from.get(s)!.dist.get(v);
        const dt = from.get(v)!.dist.get(t);
        if (ds !== undefined && dt !== undefined && ds + dt === d) result.set(v, result.get(v)! + (from.get(s)!.count.get(v)! * from.get(v)!.count.get(t)!) / total);
      }
    }
  }
  const n = nodes.length;
  for (const v of nodes) result.set(v, n <= 2 ? 0 : result.get(v)! / ((n - 1) * (n - 2)));
  return result;
}

describe('centrality', () => {
  it('PageRank agrees with power iteration', () => {
    fc.assert(
      fc.property(graphs, (edges) => {
        const ours = centrality(edges).pagerank;
        for (const [v, expected] of referencePagerank(edges)) expect(ours.get(v)).toBeCloseTo(expected, 4);
      }),
      { numRuns: 200 },
    );
  });

  it('betweenness agrees with shortest-path counting, exact and through the sampler at full sample', () => {
    fc.assert(
      fc.property(graphs, (edges) => {
        const reference = referenceBetweenness(edges);
        const exact = centrality(edges).betweenness;
        const { graph, ids } = tieGraph(edges);
        const byKey = sampledBetweenness(graph, 10_000);
        const sampled = Object.fromEntries(ids.map((id, i) => [id, byKey[i]]));
        for (const [v, expected] of reference) {
          expect(exact.get(v)).toBeCloseTo(expected, 9);
          expect(sampled[v]).toBeCloseTo(expected, 9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives from a graph kept and changed tie by tie what a graph built afresh gives, sampled or exact', () => {
    // Ties added (new people too), removed, and everyone's ties of one person removed, one step at a time.
    const edit = fc.oneof(
      fc.tuple(fc.constant('add' as const), fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 29 })),
      fc.tuple(fc.constant('remove' as const), fc.nat(), fc.nat()),
      fc.tuple(fc.constant('isolate' as const), fc.integer({ min: 0, max: 29 }), fc.nat()),
    );
    const same = (kept: Centrality, fresh: Centrality) => {
      expect(kept.estimated).toBe(fresh.estimated);
      expect([...kept.pagerank.keys()].sort()).toEqual([...fresh.pagerank.keys()].sort());
      for (const [id, value] of fresh.pagerank) expect(kept.pagerank.get(id)).toBeCloseTo(value, 9);
      for (const [id, value] of fresh.betweenness) expect(kept.betweenness.get(id)).toBeCloseTo(value, 9);
    };
    fc.assert(
      fc.property(graphs, fc.array(edit, { minLength: 1, maxLength: 8 }), fc.boolean(), (edges, edits, sampled) => {
        // Sampled: four sources once more than five people have ties, so the kept graph's sample is the same one.
        const [pivots, limit] = sampled ? [4, 5] : [BETWEENNESS_PIVOTS, EXACT_BETWEENNESS_LIMIT];
        let ties = edges;
        same(centrality(ties, pivots, limit), computeCentrality(ties, pivots, limit));
        for (const [kind, a, b] of edits) {
          if (kind === 'add') ties = [...ties, { from: `n${a}`, to: `n${b}` }];
          else if (kind === 'remove') ties = ties.filter((_, i) => i !== a % ties.length);
          else ties = ties.filter((t) => t.from !== `n${a}` && t.to !== `n${a}`);
          same(centrality(ties, pivots, limit), computeCentrality(ties, pivots, limit));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('estimates betweenness on a large sphere, close to the worked-out figure for a bridge', () => {
    // Two dense groups of 1,000 joined through one bridge person: every path between the groups passes through.
    const edges: Edge[] = [];
    for (const g of ['a', 'b']) for (let i = 0; i < 1000; i++) for (const j of [1, 2, 3]) edges.push({ from: `${g}${i}`, to: `${g}${(i + j * 7) % 1000}` });
    edges.push({ from: 'a0', to: 'bridge' }, { from: 'bridge', to: 'b0' });
    const result = centrality(edges, BETWEENNESS_PIVOTS, 1500);
    expect(result.estimated).toBe(true);
    const top = [...result.betweenness].sort((x, y) => y[1] - x[1]).slice(0, 3).map(([id]) => id);
    expect(top.sort()).toEqual(['a0', 'b0', 'bridge']);
    // Worked out: the bridge is on every path between the 1,000 + 1,000 group members, both directions:
    // 2,000,000 of (n-1)(n-2) = 2,000 × 1,999 ordered pairs, 0.50025. The estimate is within 10% of it.
    expect(result.betweenness.get('bridge')).toBeGreaterThan(0.50025 * 0.9);
    expect(result.betweenness.get('bridge')).toBeLessThan(0.50025 * 1.1);
  });
});

describe('referral reach', () => {
  it('agrees with a walk from each referrer on random referral graphs, cycles included', async () => {
    const { indexSphere } = await import('./insight-input.ts');
    const { allReferrers, chainOf } = await import('./referral-chains.ts');
    const { referralValues } = await import('../domain/life-cycle.ts');
    const { contact } = await import('../../test/support/contact-fixture.ts');
    fc.assert(
      fc.property(graphs, fc.array(fc.integer({ min: 0, max: 59 }), { maxLength: 20 }), (edges, valued) => {
        const ties = edges.map((e, i) => ({ id: `t${i}`, kind: 'referral' as const, from: e.from, to: e.to, at: 1, createdAt: 1, updatedAt: 1, updatedBy: 't' }));
        const people = [...new Set(edges.flatMap((e) => [e.from, e.to]))].map((id) => contact(id));
        const deals = valued.filter((i) => i < ties.length).map((i, k) => ({ id: `d${k}`, contactId: ties[i]!.to, amount: 100 + k, currency: 'USD', at: 1, createdAt: 1, updatedAt: 1, updatedBy: 't', referralId: ties[i]!.id }));
        const index = indexSphere({ contacts: people, ties, touches: [], deals }, { now: 10, period: { from: 0, to: 10 } });
        const values = referralValues(deals);
        for (const r of allReferrers(index, values)) {
          const walked = chainOf(index, r.id, values);
          expect(r.downstream).toBe(walked.downstream);
          expect(r.direct).toBe(walked.direct);
          expect(r.revenue).toEqual(walked.revenue);
        }
      }),
      { numRuns: 300 },
    );
  });
});
