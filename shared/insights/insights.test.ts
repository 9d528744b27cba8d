// Process: test (any). Every insight on small spheres whose answers are worked out by hand below.
import { describe, expect, it } from 'vitest';
import { contact } from '../../test/support/contact-fixture.ts';
import type { DealDoc, TieDoc, TouchDoc } from '../schemas/index.ts';
import { computeInsights, insightsJson } from './insights.ts';
import { DAY_MS, indexSphere, type InsightDocs } from './insight-input.ts';
import { pareto } from './pareto.ts';
import { funnel } from './funnel.ts';
import { salesMatrix } from './matrix.ts';
import { chainOf, referralChains } from './referral-chains.ts';
import { referralValues } from '../domain/life-cycle.ts';
import { nurturedVersusCold } from './nurtured.ts';
import { partnerRanking } from './partners.ts';
import { influenceParts, influenceScores } from './influence.ts';

const NOW = 1000 * DAY_MS;
const ALL = { from: 0, to: NOW };
let n = 0;
const deal = (contactId: string, amount: number, at: number, extra: Partial<DealDoc> = {}): DealDoc => ({ id: `d${++n}`, contactId, amount, currency: 'USD', at, createdAt: at, updatedAt: at, updatedBy: 't', ...extra });
const tie = (kind: TieDoc['kind'], from: string, to: string, extra: Partial<TieDoc> = {}): TieDoc => ({ id: `t${++n}`, kind, from, to, at: 10, createdAt: 10, updatedAt: 10, updatedBy: 't', ...extra });
const touch = (contactId: string, at: number, extra: Partial<TouchDoc> = {}): TouchDoc => ({ id: `x${++n}`, contactId, kind: 'call', direction: 'outbound', at, createdAt: at, updatedBy: 't', ...extra });
const sphere = (docs: Partial<InsightDocs>): InsightDocs => ({ contacts: [], ties: [], touches: [], deals: [], ...docs });
const index = (docs: Partial<InsightDocs>, period = ALL) => indexSphere(sphere(docs), { now: NOW, period });

describe('20/80', () => {
  it('finds the smallest set of customers, largest first, reaching 80% of revenue', () => {
    // Revenue 50, 30, 10, 5, 5 = 100: the top two bring 80 (exactly the target), so 2 of 5 customers = 40%.
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const amounts = [50, 30, 10, 5, 5];
    const p = pareto(index({ contacts: ids.map((id) => contact(id)), deals: ids.map((id, i) => deal(id, amounts[i]!, 500 * DAY_MS)) }));
    expect(p.customers).toBe(5);
    expect(p.members).toEqual(['a', 'b']);
    expect(p.share).toBe(0.4);
    expect(p.revenueShare).toBe(0.8);
    expect(p.ranking.map((r) => r.cumulativeShare)).toEqual([0.5, 0.8, 0.9, 0.95, 1]);
  });

  it('reads one customer as 100% of customers and revenue, and no deals as nothing', () => {
    const one = pareto(index({ contacts: [contact('a'), contact('b')], deals: [deal('a', 700, 5)] }));
    expect(one).toMatchObject({ customers: 1, members: ['a'], share: 1, revenueShare: 1 });
    const none = pareto(index({ contacts: [contact('a')] }));
    expect(none).toMatchObject({ customers: 0, members: [], share: 0, revenueShare: 0, total: 0 });
  });

  it('counts only the period and names currencies it could not add up', () => {
    const docs = { contacts: [contact('a'), contact('b')], deals: [deal('a', 100, 10 * DAY_MS), deal('b', 100, 600 * DAY_MS), deal('b', 900, 700 * DAY_MS, { currency: 'EUR' })] };
    const p = pareto(index(docs, { from: 500 * DAY_MS, to: NOW }));
    expect(p).toMatchObject({ customers: 1, members: ['b'], total: 100, otherCurrencies: ['EUR'] });
    expect(pareto(index(docs, { from: 900 * DAY_MS, to: NOW }))).toMatchObject({ customers: 0, members: [], otherCurrencies: [] });
  });

  it('leaves out the deals of a deleted contact', () => {
    // "b" was deleted: its deal is still in the deals collection but belongs to no one in the sphere.
    const p = pareto(index({ contacts: [contact('a')], deals: [deal('a', 10, 5), deal('b', 990, 5)] }));
    expect(p).toMatchObject({ customers: 1, total: 10 });
  });
});

describe('life-cycle funnel', () => {
  it('counts stages, conversions and median days between steps', () => {
    // p: prospect. f: one deal (first-time). r: two deals (repeat, 2 = repeatAt). l: five deals (lifetime).
    // Churned: "c" bought once 500 days ago and was not touched since (churn after 365 days).
    const contacts = ['p', 'f', 'r', 'l', 'c'].map((id) => contact(id, { createdAt: 100 * DAY_MS }));
    const deals = [
      deal('f', 1, 900 * DAY_MS),
      deal('r', 1, 900 * DAY_MS), deal('r', 1, 950 * DAY_MS),
      ...[700, 750, 800, 850, 990].map((d) => deal('l', 1, d * DAY_MS)),
      deal('c', 1, 500 * DAY_MS),
    ];
    const f = funnel(index({ contacts, deals }));
    expect([f.prospect, f.firstTime, f.repeat, f.lifetime, f.churned]).toEqual([1, 1, 1, 1, 1]);
    expect(f.reached).toEqual({ prospect: 5, firstTime: 4, repeat: 2, lifetime: 1 });
    expect(f.conversion).toEqual({ firstTime: 4 / 5, repeat: 2 / 4, lifetime: 1 / 2 });
    // First deals 800, 800, 600 and 400 days after creation: median (600 + 800) / 2 = 700.
    expect(f.medianDays.firstTime).toBe(700);
    // Second deal after the first: r 50 days, l 50 days.
    expect(f.medianDays.repeat).toBe(50);
    // Lifetime (5th deal) after the repeat step (2nd deal): 990 - 750 = 240.
    expect(f.medianDays.lifetime).toBe(240);
    // All time: every customer is in the base; one of four is churned now.
    expect(f.churn).toEqual({ base: 4, churned: 1, rate: 0.25 });
  });

  it('measures churn over a period from who was active at its start', () => {
    // Both bought on day 400. "quiet" hears nothing after; "kept" is called on day 700. Period 600..1000:
    // both active at 600; by 1000 "quiet" has been silent 600 days (churned), "kept" 300 (not).
    const f = funnel(index({ contacts: [contact('quiet'), contact('kept')], deals: [deal('quiet', 1, 400 * DAY_MS), deal('kept', 1, 400 * DAY_MS)], touches: [touch('kept', 700 * DAY_MS)] }, { from: 600 * DAY_MS, to: NOW }));
    expect(f.churn).toEqual({ base: 2, churned: 1, rate: 0.5 });
  });

  it('has no rates and no distribution in an empty sphere', () => {
    const f = funnel(index({}));
    expect(f.conversion).toEqual({ firstTime: null, repeat: null, lifetime: null });
    expect(f.churn.rate).toBeNull();
    expect(f.lifetimeValue).toMatchObject({ customers: 0, quartiles: null, buckets: [] });
  });
});

describe('relationship-sales matrix', () => {
  it('has a cell for every ring and category, with revenue per currency and average deal', () => {
    const contacts = [contact('a', { ring: 'trust', category: 'family' }), contact('b', { ring: 'trust', category: 'family' }), contact('c', { ring: 'know', category: 'business' })];
    const deals = [deal('a', 100, 5), deal('a', 300, 6), deal('b', 50, 7, { currency: 'EUR' })];
    const ties = [tie('referral', 'a', 'c'), tie('referral', 'b', 'c'), tie('influence', 'a', 'b')];
    const cells = salesMatrix(index({ contacts, deals, ties }));
    expect(cells).toHaveLength(4 * 5);
    const tf = cells.find((c) => c.ring === 'trust' && c.category === 'family')!;
    expect(tf).toMatchObject({ contacts: 2, deals: 3, referrals: 2, revenue: { USD: 400, EUR: 50 }, averageDeal: { USD: 200, EUR: 50 } });
    expect(cells.find((c) => c.ring === 'prospect' && c.category === 'servicers')).toMatchObject({ contacts: 0, deals: 0, referrals: 0, revenue: {} });
  });
});

describe('referral chains', () => {
  it('rolls up a chain, counts a cycle once, and ranks by revenue', () => {
    // a → b → c → a (a cycle) and b → d. The deal naming b→c brought 500; the one naming a→b 100.
    const ab = tie('referral', 'a', 'b');
    const bc = tie('referral', 'b', 'c');
    const ca = tie('referral', 'c', 'a', { rewardedAt: 20 });
    const bd = tie('referral', 'b', 'd');
    const contacts = ['a', 'b', 'c', 'd'].map((id) => contact(id));
    const deals = [deal('b', 100, 50, { referralId: ab.id }), deal('c', 500, 60, { referralId: bc.id })];
    const report = referralChains(index({ contacts, deals, ties: [ab, bc, ca, bd] }));
    const a = report.referrers.find((r) => r.id === 'a')!;
    // From a: b, c, d are reachable (a itself excluded though the cycle leads back); all four ties are walked once.
    expect(a).toMatchObject({ direct: 1, downstream: 3, revenue: { USD: 600 } });
    expect(chainOf(index({ contacts, deals, ties: [ab, bc, ca, bd] }), 'a', referralValues(deals)).links).toHaveLength(4);
    const b = report.referrers.find((r) => r.id === 'b')!;
    expect(b).toMatchObject({ direct: 2, downstream: 3, revenue: { USD: 600 } });
    const c = report.referrers.find((r) => r.id === 'c')!;
    expect(c).toMatchObject({ direct: 1, downstream: 3 });
    // Everyone's chain holds the whole cycle, so all three bring 600; then by reach (all 3), then by direct: b first.
    expect(report.referrers[0]!.id).toBe('b');
    expect(report.rewardsOwed.map((r) => r.tieId)).toEqual([bc.id, ab.id, bd.id]);
  });

  it('flags a referrer whose referred customer churned', () => {
    const ab = tie('referral', 'a', 'b');
    const report = referralChains(index({ contacts: [contact('a'), contact('b')], deals: [deal('b', 1, 100 * DAY_MS)], ties: [ab] }));
    expect(report.atRisk).toEqual([{ referrer: 'a', referred: 'b', tieId: ab.id }]);
  });

  it('ignores a referral to a deleted contact', () => {
    const report = referralChains(index({ contacts: [contact('a')], ties: [tie('referral', 'a', 'gone')] }));
    expect(report.referrers).toEqual([]);
  });
});

describe('nurtured vs cold', () => {
  it('compares conversion and first-deal size, with the counts behind them', () => {
    // nurtured: r (referred, bought 1000 cents), t (3 calls before buying 3000). cold: x (bought 500), y (never).
    const contacts = ['a', 'r', 't', 'x', 'y'].map((id) => contact(id));
    const touches = [touch('t', 100), touch('t', 200), touch('t', 300), touch('x', 100)];
    const deals = [deal('r', 1000, 400), deal('t', 3000, 400), deal('x', 500, 400), deal('a', 7, 400)];
    const nv = nurturedVersusCold(index({ contacts, touches, deals, ties: [tie('referral', 'a', 'r')] }));
    expect(nv.nurtured).toMatchObject({ contacts: 2, converted: 2, conversion: 1, averageFirstDeal: 2000 });
    // a bought too and is cold (no one referred a; no touches): cold = a, x, y, 2 of 3 converted, (7 + 500) / 2.
    expect(nv.cold).toMatchObject({ contacts: 3, converted: 2, averageFirstDeal: 254 });
    expect(nv.cold.conversion).toBeCloseTo(2 / 3);
  });
});

describe('partners', () => {
  it('ranks partners by shared customers, then revenue', () => {
    const contacts = [contact('p', { roles: ['hostBeneficiary'] }), contact('q', { roles: ['hostBeneficiary'] }), contact('c1'), contact('c2')];
    const ties = [tie('partner', 'p', 'c1'), tie('partner', 'q', 'c1'), tie('partner', 'q', 'c2'), tie('referral', 'p', 'c2'), tie('referral', 'c1', 'q')];
    const rows = partnerRanking(index({ contacts, ties, deals: [deal('c1', 10, 5), deal('c2', 20, 5)] }));
    expect(rows.map((r) => r.id)).toEqual(['q', 'p']);
    expect(rows[0]).toMatchObject({ sharedCustomers: ['c1', 'c2'], revenue: { USD: 30 }, referralsGiven: 0, referralsReceived: 1 });
    expect(rows[1]).toMatchObject({ sharedCustomers: ['c1'], revenue: { USD: 10 }, referralsGiven: 1, referralsReceived: 0 });
  });
});

describe('center-of-influence score', () => {
  it('scores the hub of a star highest and names it a candidate until it is marked', () => {
    // h is tied to everyone and referred two people who bought; the leaves only know h.
    const leaves = ['l1', 'l2', 'l3', 'l4'];
    const hr = [tie('referral', 'h', 'l1'), tie('referral', 'h', 'l2')];
    const docs = { contacts: [contact('h'), ...leaves.map((id) => contact(id))], ties: [...hr, tie('personal', 'h', 'l3'), tie('influence', 'h', 'l4')], deals: [deal('l1', 100, 5, { referralId: hr[0]!.id }), deal('l4', 50, 5)] };
    const report = influenceScores(index(docs));
    const h = report.ranking[0]!;
    expect(h.id).toBe('h');
    // Highest in all four parts: 25 + 20 + 30 + 25.
    expect(h.score).toBe(100);
    expect(influenceParts(h, report).map((p) => p.points)).toEqual([25, 20, 30, 25]);
    // Every score is its parts added up (to a tenth), as the detail panel shows them.
    for (const r of report.ranking) expect(r.score).toBeCloseTo(influenceParts(r, report).reduce((sum, p) => sum + p.points, 0), 1);
    expect(influenceParts(report.ranking.find((r) => r.id === 'l1')!, report)[2]).toMatchObject({ points: 0, why: '0 people reached through referrals' });
    expect(h).toMatchObject({ reach: 2, revenue: { USD: 150 } });
    expect(h.betweenness).toBeGreaterThan(0);
    expect(report.candidates[0]!.id).toBe('h');
    const marked = influenceScores(index({ ...docs, contacts: [contact('h', { roles: ['centerOfInfluence'] }), ...leaves.map((id) => contact(id))] }));
    expect(marked.candidates.map((c) => c.id)).not.toContain('h');
  });
});

describe('the command line document', () => {
  it('has the documented keys, an empty-included matrix and money in minor units', () => {
    const json = insightsJson(computeInsights(sphere({ contacts: [contact('a')], deals: [deal('a', 12345, 5)] }), { now: NOW, period: ALL }));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['pareto', 'funnel', 'matrix', 'referrers', 'influence']));
    expect(json.pareto).toMatchObject({ customers: 1, members: ['a'], share: 1, revenueShare: 1, currency: 'USD' });
    expect(json.matrix).toHaveLength(20);
    expect((json.matrix as { revenue: object }[]).find((c) => Object.keys(c.revenue).length)).toMatchObject({ ring: 'know', category: 'business', revenue: { USD: 12345 } });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
