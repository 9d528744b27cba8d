// Process: any (pure). The center-of-influence score: who in the sphere moves other people, from three things.
//
// How it is made, and why (0 to 100, each part relative to the sphere's own highest, so it reads the same in a
// sphere of 50 people and one of 10,000):
//  - Network position (up to 45): PageRank (25) says someone is tied to people who are themselves well tied;
//    betweenness (20) says they bridge groups that would not otherwise meet. Both from graphology over every
//    tie, of every kind.
//  - Referral reach (up to 30): how many people their referrals led to, down the whole chain.
//  - Revenue influenced (up to 25): what their referral chain brought, plus the deals of the people they are
//    recorded as influencing, in the period, in the base currency (other currencies are not converted).
import { centrality } from './centrality.ts';
import { inPeriod, type Money, type SphereIndex } from './insight-input.ts';
import { referralValues } from '../domain/life-cycle.ts';
import { allReferrers, type Referrer } from './referral-chains.ts';

export const INFLUENCE_WEIGHTS = { pagerank: 25, betweenness: 20, reach: 30, revenue: 25 } as const;

export type InfluencePart = { label: string; points: number; why: string };

export type Influence = {
  id: string;
  score: number;
  pagerank: number;
  betweenness: number;
  reach: number;
  revenue: Money;
  isCenterOfInfluence: boolean;
};

/** The sphere's highest of each part, which every score is measured against. */
export type InfluenceTop = { pagerank: number; betweenness: number; reach: number; revenue: number };

export type InfluenceReport = {
  /** Everyone with a score above zero, highest first. */
  ranking: Influence[];
  /** The highest-scoring people not yet marked as centers of influence. */
  candidates: Influence[];
  /** True when betweenness was estimated from a sample (large spheres). */
  estimated: boolean;
  top: InfluenceTop;
  /** The currency revenue influenced is counted in. */
  currency: string;
};

/** Each part's points, in the order of INFLUENCE_WEIGHTS' parts. */
function partPoints(r: Omit<Influence, 'score' | 'isCenterOfInfluence'>, top: InfluenceTop, currency: string): [number, number, number, number] {
  const part = (value: number, highest: number, weight: number) => (highest > 0 ? (weight * value) / highest : 0);
  return [
    part(r.pagerank, top.pagerank, INFLUENCE_WEIGHTS.pagerank),
    part(r.betweenness, top.betweenness, INFLUENCE_WEIGHTS.betweenness),
    part(r.reach, top.reach, INFLUENCE_WEIGHTS.reach),
    part(r.revenue[currency] ?? 0, top.revenue, INFLUENCE_WEIGHTS.revenue),
  ];
}

/**
 * One person's score, part by part, for the detail panel. Made when it is shown rather than for everyone: at
 * 10,000 people the words were 4.2 of the 6.8 MB of insights the host cloned from its worker and sent the window.
 */
export function influenceParts(influence: Influence, report: Pick<InfluenceReport, 'top' | 'currency'>): InfluencePart[] {
  const [pagerank, betweenness, reach, revenue] = partPoints(influence, report.top, report.currency);
  const r = influence.reach;
  return [
    { label: 'Network position (PageRank)', points: pagerank, why: 'tied to people who are well tied themselves' },
    { label: 'Bridging (betweenness)', points: betweenness, why: 'on the paths between groups of the sphere' },
    { label: 'Referral reach', points: reach, why: `${r} ${r === 1 ? 'person' : 'people'} reached through referrals` },
    { label: 'Revenue influenced', points: revenue, why: `deals from their referrals and the people they influence (${report.currency})` },
  ];
}

/** `referrers`: the chains already worked out for the referral report (computeInsights passes them on). */
export function influenceScores(index: SphereIndex, candidateCount = 10, referrers?: readonly Referrer[]): InfluenceReport {
  const { period, baseCurrency } = index.options;
  const { pagerank, betweenness, estimated } = centrality(index.ties);
  const influencedRevenue = new Map<string, Money>();
  for (const tie of index.ties) {
    if (tie.kind !== 'influence') continue;
    const sum = influencedRevenue.get(tie.from) ?? {};
    for (const d of index.dealsOf.get(tie.to) ?? []) if (inPeriod(d.at, period)) sum[d.currency] = (sum[d.currency] ?? 0) + d.amount;
    influencedRevenue.set(tie.from, sum);
  }
  const chains = new Map((referrers ?? allReferrers(index, referralValues([...index.dealsOf.values()].flat().filter((d) => inPeriod(d.at, period))))).map((r) => [r.id, r]));
  const raw: Omit<Influence, 'score'>[] = [];
  for (const contact of index.contacts.values()) {
    const chain = chains.get(contact.id);
    const influenced = influencedRevenue.get(contact.id);
    // The figures are read-only: a chain's revenue is shared rather than copied unless influenced deals add to it.
    const revenue: Money = influenced ? { ...chain?.revenue } : (chain?.revenue ?? {});
    if (influenced) for (const c in influenced) revenue[c] = (revenue[c] ?? 0) + influenced[c]!;
    raw.push({
      id: contact.id,
      pagerank: pagerank.get(contact.id) ?? 0,
      betweenness: betweenness.get(contact.id) ?? 0,
      reach: chain?.downstream ?? 0,
      revenue,
      isCenterOfInfluence: contact.roles.includes('centerOfInfluence'),
    });
  }
  const max = (f: (r: (typeof raw)[number]) => number) => raw.reduce((m, r) => Math.max(m, f(r)), 0);
  const top: InfluenceTop = { pagerank: max((r) => r.pagerank), betweenness: max((r) => r.betweenness), reach: max((r) => r.reach), revenue: max((r) => r.revenue[baseCurrency] ?? 0) };
  const ranking: Influence[] = [];
  for (const r of raw) {
    const [a, b, c, d] = partPoints(r, top, baseCurrency);
    const score = Math.round((a + b + c + d) * 10) / 10;
    if (score > 0) ranking.push({ ...r, score });
  }
  ranking.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return { ranking, candidates: ranking.filter((r) => !r.isCenterOfInfluence).slice(0, candidateCount), estimated, top, currency: baseCurrency };
}
