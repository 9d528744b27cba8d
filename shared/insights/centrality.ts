// Process: any (pure). Network centrality over the sphere's ties, from graphology (PageRank, betweenness).
// Betweenness is exact up to EXACT_BETWEENNESS_LIMIT people with ties; above it, it is estimated from a fixed,
// evenly spread sample of source people (Brandes and Pich's pivot sampling) using graphology's own indexed
// Brandes search, because the exact figure grows with the square of the sphere: 27 s for 10,000 people here,
// against a 200 ms budget for every insight together.
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
import type { TieDoc } from '../schemas/index.ts';
import { denseIds } from './dense-ids.ts';

export const EXACT_BETWEENNESS_LIMIT = 1500;
/**
 * Sources sampled above the limit. Against exact betweenness on two generated 10,000-person spheres, 32 sources
 * name the same candidates as 64 (9 of 10 in both) and as many of the top 50 (37 to 40), at half the cost; one
 * person's score can be 3 points further off (up to 17 to 19 of 100, against 13 to 15). A known bridge is found
 * within 10% (the test).
 */
export const BETWEENNESS_PIVOTS = 32;

export type Centrality = { pagerank: Map<string, number>; betweenness: Map<string, number>; estimated: boolean };

/** The tie graph, and who each node is: node `i` (graphology's key "i") is the person `ids[i]`. */
export type TieGraph = { graph: Graph; ids: string[] };

/**
 * One undirected, simple graph of everyone with a tie: any kind of tie is a path influence can travel.
 * Nodes are keyed by dense numbers, not by contact id: graphology keeps each node's neighbours in a plain object
 * keyed by the neighbour's key, and V8 stores array-index keys as elements, where 30,000 ties between arbitrary
 * id strings each gave those objects a new hidden class (the build, PageRank's and Brandes' indices over it were
 * a fifth to a quarter slower cold). Pairs are deduplicated here on numbers: graphology's merge checks cost more
 * than the rest of the build.
 */
export function tieGraph(ties: readonly Pick<TieDoc, 'from' | 'to'>[]): TieGraph {
  const { at, ids } = denseIds();
  const ends = new Int32Array(ties.length * 2);
  let edges = 0;
  const pairs = new Set<number>();
  for (const t of ties) {
    if (t.from === t.to) continue;
    const a = at(t.from);
    const b = at(t.to);
    // Exact below 2^26 people (the product stays under 2^53).
    const key = a < b ? a * 0x4000000 + b : b * 0x4000000 + a;
    if (pairs.has(key)) continue;
    pairs.add(key);
    ends[2 * edges] = a;
    ends[2 * edges + 1] = b;
    edges++;
  }
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < ids.length; i++) graph.addNode(i);
  for (let e = 0; e < edges; e++) graph.addUndirectedEdge(ends[2 * e], ends[2 * e + 1]);
  return { graph, ids };
}

/**
 * Ties change far less often than touches and deals, and centrality depends on nothing else: the last answer is
 * kept for the same set of ties (a fingerprint of every pair), so logging a call does not recompute it.
 */
let last: { fingerprint: string; pivots: number; exactLimit: number; result: Centrality } | null = null;

export function centrality(ties: readonly Pick<TieDoc, 'from' | 'to'>[], pivots = BETWEENNESS_PIVOTS, exactLimit = EXACT_BETWEENNESS_LIMIT): Centrality {
  const fingerprint = tieFingerprint(ties);
  if (last && last.fingerprint === fingerprint && last.pivots === pivots && last.exactLimit === exactLimit) return last.result;
  const result = computeCentrality(ties, pivots, exactLimit);
  last = { fingerprint, pivots, exactLimit, result };
  return result;
}

/** Order-independent: two 32-bit sums of each pair's FNV-1a hash, and the count. */
function tieFingerprint(ties: readonly Pick<TieDoc, 'from' | 'to'>[]): string {
  let a = 0;
  let b = 0;
  for (const t of ties) {
    let h = 0x811c9dc5;
    const key = t.from < t.to ? `${t.from}|${t.to}` : `${t.to}|${t.from}`;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    a = (a + h) | 0;
    b = (b + Math.imul(h, 0x9e3779b1)) | 0;
  }
  return `${ties.length}:${a}:${b}`;
}

export function computeCentrality(ties: readonly Pick<TieDoc, 'from' | 'to'>[], pivots: number, exactLimit: number): Centrality {
  const { graph, ids } = tieGraph(ties);
  if (graph.order === 0) return { pagerank: new Map(), betweenness: new Map(), estimated: false };
  // The one graph serves both measures.
  const ranks = pagerank(graph, { getEdgeWeight: null });
  const estimated = graph.order > exactLimit;
  const between = estimated ? sampledBetweenness(graph, pivots) : betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
  const byId = (values: Record<string, number>) => new Map(ids.map((id, i) => [id, values[i]!]));
  return { pagerank: byId(ranks), betweenness: byId(between), estimated };
}

type IndexedBrandes = ((source: number) => [{ size: number; pop(): number }, number[][], Uint32Array]) & {
  index: { collect(values: Float64Array): Record<string, number> };
};

/**
 * Brandes' dependency accumulation from `pivots` sources spread evenly over the graph's node order, scaled by
 * N / pivots so that it estimates the same normalised figure as the exact one; with pivots ≥ N it is exact.
 */
export function sampledBetweenness(graph: Graph, pivots: number): Record<string, number> {
  const brandes = createUnweightedIndexedBrandes(graph) as unknown as IndexedBrandes;
  const n = graph.order;
  const count = Math.min(n, Math.max(1, pivots));
  const delta = new Float64Array(n);
  const centralities = new Float64Array(n);
  for (let k = 0; k < count; k++) {
    const source = Math.floor((k * n) / count);
    const [stack, predecessors, sigma] = brandes(source);
    delta.fill(0);
    while (stack.size !== 0) {
      const w = stack.pop();
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of predecessors[w]!) delta[v]! += sigma[v]! * coefficient;
      if (w !== source) centralities[w]! += delta[w]!;
    }
  }
  const scale = n <= 2 ? 0 : n / count / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) centralities[i]! *= scale;
  return brandes.index.collect(centralities);
}
