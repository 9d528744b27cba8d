// Process: any (pure). Network centrality over the sphere's ties, from graphology (PageRank, betweenness).
// Betweenness is exact up to EXACT_BETWEENNESS_LIMIT people with ties; above it, it is estimated from a fixed,
// evenly spread sample of source people (Brandes and Pich's pivot sampling) using graphology's own indexed
// Brandes search, because the exact figure grows with the square of the sphere: 27 s for 10,000 people here,
// against a 200 ms budget for every insight together. The tie graph is kept between computations and changed
// edge by edge when a few ties come or go: building graphology's graph of 30,000 ties was a third of the cost.
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
import type { TieDoc } from '../schemas/index.ts';
import { denseIds, type DenseIds } from './dense-ids.ts';

export const EXACT_BETWEENNESS_LIMIT = 1500;
/**
 * Sources sampled above the limit. Against exact betweenness on two generated 10,000-person spheres (seeds 11 and
 * 23), the 32 sources with the lowest id hashes name 8 and 9 of the 10 candidates and 38 and 40 of the top 50 by
 * influence score (evenly spaced sources did about as well: 9 of 10, 37 to 40, and 64 of them no better). A known
 * bridge is found within 10% (the test).
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
  const { graph, numbers } = freshGraph(ties);
  return { graph, ids: numbers.ids };
}

/** Nodes 0 … count-1 (everyone numbered has a tie when built afresh), then one edge per pair. */
function graphOf(count: number, pairs: ReadonlySet<number>): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < count; i++) graph.addNode(i);
  for (const pair of pairs) {
    const [a, b] = endsOf(pair);
    graph.addUndirectedEdge(a, b);
  }
  return graph;
}

/**
 * Ties change far less often than touches and deals, and centrality depends on nothing else: the last answer is
 * kept for the same set of ties (a fingerprint of every pair), so logging a call does not recompute it.
 */
let last: { fingerprint: string; pivots: number; exactLimit: number; result: Centrality } | null = null;

/** The graph of the last computation, its numbering of people, and its pairs (see pairKey). */
type KeptGraph = { graph: Graph; numbers: DenseIds; pairs: Set<number> };
let kept: KeptGraph | null = null;
/** More changed pairs than this share of the graph (a restore, another team's sphere): built afresh instead. */
const REBUILD_SHARE = 0.05;

export function centrality(ties: readonly Pick<TieDoc, 'from' | 'to'>[], pivots = BETWEENNESS_PIVOTS, exactLimit = EXACT_BETWEENNESS_LIMIT): Centrality {
  const fingerprint = tieFingerprint(ties);
  if (last && last.fingerprint === fingerprint && last.pivots === pivots && last.exactLimit === exactLimit) return last.result;
  kept = keptGraphFor(ties);
  const result = measures(kept.graph, kept.numbers.ids, pivots, exactLimit);
  last = { fingerprint, pivots, exactLimit, result };
  return result;
}

/** Forgets the last answer and the kept graph: the next computation starts from nothing (the bench's figure). */
export function forgetCentrality(): void {
  last = null;
  kept = null;
}

/** The kept graph brought to `ties`: a few edges added or dropped (and people left without a tie dropped). */
function keptGraphFor(ties: readonly Pick<TieDoc, 'from' | 'to'>[]): KeptGraph {
  if (!kept) return freshGraph(ties);
  const next = pairsOf(ties, kept.numbers);
  const gone: number[] = [];
  const added: number[] = [];
  for (const pair of kept.pairs) if (!next.has(pair)) gone.push(pair);
  for (const pair of next) if (!kept.pairs.has(pair)) added.push(pair);
  if (gone.length + added.length > Math.max(64, kept.pairs.size * REBUILD_SHARE)) return freshGraph(ties);
  const { graph } = kept;
  for (const pair of gone) {
    const [a, b] = endsOf(pair);
    graph.dropEdge(a, b);
    for (const end of [a, b]) if (graph.degree(end) === 0) graph.dropNode(end);
  }
  for (const pair of added) {
    const [a, b] = endsOf(pair);
    graph.mergeNode(a);
    graph.mergeNode(b);
    graph.addUndirectedEdge(a, b);
  }
  return { graph, numbers: kept.numbers, pairs: next };
}

function freshGraph(ties: readonly Pick<TieDoc, 'from' | 'to'>[]): KeptGraph {
  const numbers = denseIds();
  const pairs = pairsOf(ties, numbers);
  return { graph: graphOf(numbers.ids.length, pairs), numbers, pairs };
}

/** An unordered pair of people's numbers as one number: exact below 2^26 people (the product stays under 2^53). */
const PAIR = 0x4000000;
const pairKey = (a: number, b: number) => (a < b ? a * PAIR + b : b * PAIR + a);
const endsOf = (pair: number): [number, number] => [Math.floor(pair / PAIR), pair % PAIR];

/** Every tie's pair of ends, numbered by `numbers` (new people get the next numbers); loops and repeats left out. */
function pairsOf(ties: readonly Pick<TieDoc, 'from' | 'to'>[], numbers: DenseIds): Set<number> {
  const pairs = new Set<number>();
  for (const t of ties) if (t.from !== t.to) pairs.add(pairKey(numbers.at(t.from), numbers.at(t.to)));
  return pairs;
}

/** FNV-1a over a string's code units, as a signed 32-bit number. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** Order-independent: two 32-bit sums of each pair's FNV-1a hash, and the count. */
function tieFingerprint(ties: readonly Pick<TieDoc, 'from' | 'to'>[]): string {
  let a = 0;
  let b = 0;
  for (const t of ties) {
    const h = fnv1a(t.from < t.to ? `${t.from}|${t.to}` : `${t.to}|${t.from}`);
    a = (a + h) | 0;
    b = (b + Math.imul(h, 0x9e3779b1)) | 0;
  }
  return `${ties.length}:${a}:${b}`;
}

/** Centrality built from nothing kept: the first computation, and the bench's figure for it. */
export function computeCentrality(ties: readonly Pick<TieDoc, 'from' | 'to'>[], pivots: number, exactLimit: number): Centrality {
  const { graph, ids } = tieGraph(ties);
  return measures(graph, ids, pivots, exactLimit);
}

/** Both measures over one graph whose node keys are people's numbers (`ids[key]` is who). */
function measures(graph: Graph, ids: readonly string[], pivots: number, exactLimit: number): Centrality {
  if (graph.order === 0) return { pagerank: new Map(), betweenness: new Map(), estimated: false };
  const ranks = pagerank(graph, { getEdgeWeight: null });
  const estimated = graph.order > exactLimit;
  const between = estimated ? sampledBetweenness(graph, pivots, (key) => ids[Number(key)]!) : betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
  const byId = (values: Record<string, number>) => {
    const out = new Map<string, number>();
    for (const key in values) out.set(ids[Number(key)]!, values[key]!);
    return out;
  };
  return { pagerank: byId(ranks), betweenness: byId(between), estimated };
}

type IndexedBrandes = ((source: number) => [{ size: number; pop(): number }, number[][], Uint32Array]) & {
  index: { nodes: string[]; collect(values: Float64Array): Record<string, number> };
};

/** The positions of the `count` names with the lowest FNV-1a hashes (ties broken by name), in position order. */
function lowestHashes(names: readonly string[], count: number): number[] {
  if (count >= names.length) return names.map((_, i) => i);
  const hashes = new Uint32Array(names.length);
  for (let i = 0; i < names.length; i++) hashes[i] = fnv1a(names[i]!) >>> 0;
  const order = (a: number, b: number) => hashes[a]! - hashes[b]! || (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0);
  // A running list of the lowest `count`, kept sorted: n log(count) rather than sorting everyone.
  const lowest: number[] = [];
  for (let i = 0; i < names.length; i++) {
    if (lowest.length === count) {
      if (order(i, lowest[count - 1]!) >= 0) continue;
      lowest.pop();
    }
    let at = lowest.length;
    while (at > 0 && order(i, lowest[at - 1]!) < 0) at--;
    lowest.splice(at, 0, i);
  }
  return lowest.sort((a, b) => a - b);
}

/**
 * Brandes' dependency accumulation from `pivots` sources, scaled by N / pivots so that it estimates the same
 * normalised figure as the exact one; with pivots ≥ N it is exact. The sources are the people whose ids hash
 * lowest (`who` says whose node a key is): a fixed, evenly random sample of the people present, whatever order
 * the graph met them in, so a graph kept and changed edge by edge samples as one built afresh does.
 */
export function sampledBetweenness(graph: Graph, pivots: number, who: (key: string) => string = (key) => key): Record<string, number> {
  const brandes = createUnweightedIndexedBrandes(graph) as unknown as IndexedBrandes;
  const n = graph.order;
  const count = Math.min(n, Math.max(1, pivots));
  const sources = lowestHashes(brandes.index.nodes.map(who), count);
  const delta = new Float64Array(n);
  const centralities = new Float64Array(n);
  for (const source of sources) {
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
