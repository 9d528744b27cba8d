// Process: benchmark (Node). Every insight on a 10,000-person sphere, against the peer a straightforward
// implementation would be: graphology's exact betweenness and PageRank alone, on the same ties, in the same run.
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import { computeInsights } from '../../shared/insights/insights.ts';
import { buildTimeline } from '../../shared/insights/timeline.ts';
import { indexSphere } from '../../shared/insights/insight-input.ts';
import { pareto } from '../../shared/insights/pareto.ts';
import { funnel } from '../../shared/insights/funnel.ts';
import { salesMatrix } from '../../shared/insights/matrix.ts';
import { nurturedVersusCold } from '../../shared/insights/nurtured.ts';
import { referralChains } from '../../shared/insights/referral-chains.ts';
import { influenceScores } from '../../shared/insights/influence.ts';
import { partnerRanking } from '../../shared/insights/partners.ts';
import { BETWEENNESS_PIVOTS, computeCentrality, EXACT_BETWEENNESS_LIMIT, forgetCentrality } from '../../shared/insights/centrality.ts';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { runInsightsHostBench, type InsightsHostFigures } from './insights-host-bench.ts';

export type InsightsFigures = {
  sizes: { contacts: number; ties: number; touches: number; deals: number };
  parts: { name: string; ms: number }[];
  totalMs: number;
  /** Every insight with nothing reused (centrality too), code warm: the median of five. */
  afreshMs: number;
  /** Every insight after a tie is removed (the kept graph changed by one edge): the median of five. */
  afterTieMs: number;
  coldMs: number;
  /** The same first computation as this thread's CPU time: what a shared, busy machine inflates least. */
  coldCpuMs: number;
  peerMs: number;
  timeline: { buildMs: number; frameMedianMs: number; frameP95Ms: number; fps: number };
  host: InsightsHostFigures;
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

export async function runInsightsBench(options: { contacts?: number; log?: (line: string) => void } = {}): Promise<InsightsFigures> {
  const contacts = options.contacts ?? 10_000;
  const sphere = generateSphere({ seed: 11, contacts, ties: contacts * 3 });
  // The sphere: 50,000 touches and 5,000 deals at 10,000 people. The generator makes fewer touches (about
  // three a person), so more are added in the same shape, a few weeks apart, to reach five a person.
  const touches = [...sphere.touches];
  for (let i = 0; touches.length < contacts * 5; i++) {
    const t = sphere.touches[i % sphere.touches.length]!;
    touches.push({ ...t, id: `${t.id}-more-${i}`, at: t.at - (1 + (i % 9)) * 21 * 86_400_000 });
  }
  const docs = { ...sphere, touches: touches.slice(0, contacts * 5), deals: sphere.deals.slice(0, contacts / 2) };
  const sizes = { contacts: docs.contacts.length, ties: docs.ties.length, touches: docs.touches.length, deals: docs.deals.length };
  options.log?.(`insights: ${sizes.contacts} contacts, ${sizes.ties} ties, ${sizes.touches} touches, ${sizes.deals} deals`);
  const now = Math.max(...docs.touches.map((t) => t.at), ...docs.deals.map((d) => d.at));
  const opts = { now, period: { from: now - 365 * 86_400_000, to: now } };
  // Cold: the first computation after opening, centrality included. Warm: after an edit that is not a tie (a
  // logged call, a deal), when the centrality for the same ties is reused.
  const threadCpu = () => {
    const used = process.threadCpuUsage();
    return (used.user + used.system) / 1000;
  };
  const coldStart = performance.now();
  const coldCpuStart = threadCpu();
  computeInsights(docs, opts);
  const coldMs = performance.now() - coldStart;
  const coldCpuMs = threadCpu() - coldCpuStart;
  const totals: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    computeInsights({ ...docs, touches: [...docs.touches] }, opts);
    totals.push(performance.now() - start);
  }
  // Nothing kept: centrality's answer and graph forgotten before each run (code warm). Then after a tie is
  // removed: the kept graph loses one edge and both measures are worked out again.
  const afresh: number[] = [];
  const afterTie: number[] = [];
  for (let i = 0; i < 5; i++) {
    forgetCentrality();
    let start = performance.now();
    computeInsights({ ...docs, ties: docs.ties.slice(i + 1) }, opts);
    afresh.push(performance.now() - start);
    start = performance.now();
    computeInsights({ ...docs, ties: docs.ties.slice(i + 2) }, opts);
    afterTie.push(performance.now() - start);
  }
  const index = indexSphere(docs, opts);
  const parts: { name: string; ms: number }[] = [];
  const part = (name: string, fn: () => unknown) => {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      fn();
      samples.push(performance.now() - start);
    }
    parts.push({ name, ms: median(samples) });
  };
  part('index the sphere', () => indexSphere(docs, opts));
  part('20/80', () => pareto(index));
  part('funnel', () => funnel(index));
  part('matrix', () => salesMatrix(index));
  part('nurtured vs cold', () => nurturedVersusCold(index));
  part('referral chains', () => referralChains(index));
  part('influence (centrality reused)', () => influenceScores(index));
  part('centrality, computed afresh', () => computeCentrality(docs.ties, BETWEENNESS_PIVOTS, EXACT_BETWEENNESS_LIMIT));
  part('partners', () => partnerRanking(index));

  const graph = new Graph({ type: 'undirected', multi: false });
  for (const t of docs.ties) if (t.from !== t.to) { graph.mergeNode(t.from); graph.mergeNode(t.to); graph.mergeEdge(t.from, t.to); }
  const peerStart = performance.now();
  pagerank(graph, { getEdgeWeight: null });
  betweennessCentrality(graph, { getEdgeWeight: null });
  const peerMs = performance.now() - peerStart;

  const buildStart = performance.now();
  const timeline = buildTimeline(docs, now);
  const buildMs = performance.now() - buildStart;
  const frames: number[] = [];
  const span = timeline.end - timeline.start;
  for (let f = 0; f <= 120; f++) {
    const start = performance.now();
    timeline.at(timeline.start + (span * f) / 120);
    frames.push(performance.now() - start);
  }
  const frameMedianMs = median(frames);
  const frameP95Ms = [...frames].sort((a, b) => a - b)[Math.floor(frames.length * 0.95)]!;
  // Last, so that nothing above ran warmer for it: the same sphere through a host, its store file and its worker.
  const host = await runInsightsHostBench(docs, now, options.log);
  return { sizes, parts, coldMs, coldCpuMs, totalMs: median(totals), afreshMs: median(afresh), afterTieMs: median(afterTie), peerMs, timeline: { buildMs, frameMedianMs, frameP95Ms, fps: 1000 / frameP95Ms }, host };
}
