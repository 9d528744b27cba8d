// Process: any (pure). Every insight at once, in the shape scripts read (`npm run cli -- insights --json`) and
// the panels draw: one computation, so the command line and the window never disagree.
import { funnel, type Funnel } from './funnel.ts';
import { indexSphere, type InsightDocs, type InsightOptions, type Money } from './insight-input.ts';
import { influenceScores, type InfluenceReport } from './influence.ts';
import { salesMatrix, type MatrixCell } from './matrix.ts';
import { nurturedVersusCold, type Nurtured } from './nurtured.ts';
import { pareto, type Pareto } from './pareto.ts';
import { partnerRanking, type PartnerRow } from './partners.ts';
import { referralChains, type ReferralReport } from './referral-chains.ts';

export type Insights = {
  period: { from: number; to: number };
  pareto: Pareto;
  funnel: Funnel;
  matrix: MatrixCell[];
  nurtured: Nurtured;
  referrals: ReferralReport;
  influence: InfluenceReport;
  partners: PartnerRow[];
};

export function computeInsights(docs: InsightDocs, options: InsightOptions): Insights {
  const index = indexSphere(docs, options);
  const referrals = referralChains(index);
  return {
    period: options.period,
    pareto: pareto(index),
    funnel: funnel(index),
    matrix: salesMatrix(index),
    nurtured: nurturedVersusCold(index),
    referrals,
    // The chains are walked once, for the referral report, and reused for influence's reach and revenue.
    influence: influenceScores(index, undefined, referrals.referrers),
    partners: partnerRanking(index),
  };
}

/** The command line's JSON: the documented keys first, details after; ids, counts and minor units only. */
export function insightsJson(insights: Insights): Record<string, unknown> {
  const { pareto: p, funnel: f, matrix, referrals, influence } = insights;
  return {
    period: { from: new Date(insights.period.from).toISOString(), to: new Date(insights.period.to).toISOString() },
    pareto: { customers: p.customers, members: p.members, share: p.share, revenueShare: p.revenueShare, currency: p.currency, total: p.total, otherCurrencies: p.otherCurrencies },
    funnel: { prospect: f.prospect, firstTime: f.firstTime, repeat: f.repeat, lifetime: f.lifetime, churned: f.churned, reached: f.reached, conversion: f.conversion, medianDays: f.medianDays, churn: f.churn, lifetimeValue: f.lifetimeValue },
    matrix: matrix.map(({ ids: _ids, ...cell }) => cell),
    nurtured: insights.nurtured,
    referrers: referrals.referrers.map((r) => ({ id: r.id, direct: r.direct, downstream: r.downstream, revenue: r.revenue })),
    rewardsOwed: referrals.rewardsOwed,
    atRisk: referrals.atRisk,
    influence: influence.ranking.map((r) => ({ id: r.id, score: r.score, pagerank: r.pagerank, betweenness: r.betweenness, reach: r.reach, revenue: r.revenue })),
    influenceEstimated: influence.estimated,
    candidates: influence.candidates.map((r) => r.id),
    partners: insights.partners,
  } satisfies Record<string, unknown> & { pareto: unknown; funnel: unknown; matrix: unknown; referrers: unknown; influence: unknown };
}

export type { Money };
