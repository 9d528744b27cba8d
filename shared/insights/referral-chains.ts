// Process: any (pure). Referral chains: who each person sent you, who those people sent in turn, and what it
// all brought. A link's revenue is the deals that name that referral (the app's one rule for referral value).
import { referralValues } from '../domain/life-cycle.ts';
import { addMoney, inPeriod, type Money, type SphereIndex } from './insight-input.ts';
import { reachIndex } from './reach.ts';
import type { TieDoc } from '../schemas/index.ts';

export type ReferralLink = { tieId: string; from: string; to: string; at: number; revenue: Money; depth: number };

export type Referrer = {
  id: string;
  /** Distinct people they referred themselves. */
  direct: number;
  /** Distinct people reachable along referral ties, themselves excluded, however deep (cycles counted once). */
  downstream: number;
  /** Revenue of every link in their chain, in the period, per currency. */
  revenue: Money;
};

export type ReferralReport = {
  /** Referrers ranked by rolled-up revenue in the base currency, then by reach. */
  referrers: Referrer[];
  /** Referrals not yet thanked or rewarded, largest value first, then oldest. */
  rewardsOwed: { tieId: string; from: string; to: string; at: number; revenue: Money }[];
  /** Referrers whose referred customer has churned: two relationships to repair. Lost deals are not recorded by the app. */
  atRisk: { referrer: string; referred: string; tieId: string }[];
};

export function referralChains(index: SphereIndex): ReferralReport {
  const { period, baseCurrency } = index.options;
  const dealsInPeriod = [...index.dealsOf.values()].flat().filter((d) => inPeriod(d.at, period));
  const values = referralValues(dealsInPeriod);
  const referrers = allReferrers(index, values);
  const base = (m: Money) => m[baseCurrency] ?? 0;
  referrers.sort((a, b) => base(b.revenue) - base(a.revenue) || b.downstream - a.downstream || b.direct - a.direct || (a.id < b.id ? -1 : 1));
  const referralTies = index.ties.filter((t) => t.kind === 'referral');
  const rewardsOwed = referralTies
    .filter((t) => t.rewardedAt === undefined)
    .map((t) => ({ tieId: t.id, from: t.from, to: t.to, at: t.at, revenue: values.get(t.id) ?? {} }))
    .sort((a, b) => base(b.revenue) - base(a.revenue) || a.at - b.at);
  const atRisk = referralTies.filter((t) => index.stageOf(t.to) === 'churned').map((t) => ({ referrer: t.from, referred: t.to, tieId: t.id }));
  return { referrers, rewardsOwed, atRisk };
}

/**
 * Every referrer's chain at once: reach from one walk per referrer over compact arrays (reach.ts), and a chain's
 * revenue as the sum of what each person in it passed on (the deals naming their referrals), the referrer's own
 * referrals included.
 */
export function allReferrers(index: SphereIndex, values: Map<string, Money>): Referrer[] {
  const referrals = index.ties.filter((t) => t.kind === 'referral');
  const reach = reachIndex(referrals);
  // By person index; most people passed nothing on, and the walk skips them without a lookup.
  const passedOn: (Money | undefined)[] = new Array(reach.ids.length);
  for (const tie of referrals) {
    const value = values.get(tie.id);
    if (!value) continue;
    const from = reach.indexOf.get(tie.from)!;
    const sum = (passedOn[from] ??= {});
    for (const c in value) addMoney(sum, c, value[c]!);
  }
  const referrers: Referrer[] = [];
  let revenue: Money = {};
  let downstream = 0;
  const add = (v: number) => {
    const passed = passedOn[v];
    if (passed) for (const c in passed) addMoney(revenue, c, passed[c]!);
  };
  const reached = (v: number) => {
    downstream++;
    add(v);
  };
  for (const [id, ties] of index.referralsFrom) {
    revenue = {};
    downstream = 0;
    add(reach.indexOf.get(id)!);
    reach.forEachReachable(id, reached);
    referrers.push({ id, direct: distinctReferred(id, ties), downstream, revenue });
  }
  return referrers;
}

/** The people `id` referred, themselves and repeats left out; a referrer has a handful, so no set is made. */
function distinctReferred(id: string, ties: readonly TieDoc[]): number {
  let count = 0;
  for (let i = 0; i < ties.length; i++) {
    const to = ties[i]!.to;
    if (to === id) continue;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = ties[j]!.to === to;
    if (!seen) count++;
  }
  return count;
}

/**
 * One person's chain with its links, for showing it (the detail panel): breadth-first along referral ties; a
 * person already reached is not walked again, so a cycle ends the walk.
 */
export function chainOf(index: SphereIndex, id: string, values: Map<string, Money>): Referrer & { links: ReferralLink[] } {
  const seen = new Set([id]);
  const links: ReferralLink[] = [];
  const revenue: Money = {};
  let frontier = [id];
  const direct = new Set((index.referralsFrom.get(id) ?? []).map((t: TieDoc) => t.to));
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const from of frontier) {
      for (const tie of index.referralsFrom.get(from) ?? []) {
        const value = values.get(tie.id) ?? {};
        // Every tie within the chain counts once, even one that leads back to someone already reached.
        links.push({ tieId: tie.id, from, to: tie.to, at: tie.at, revenue: value, depth });
        for (const [c, amount] of Object.entries(value)) addMoney(revenue, c, amount);
        if (!seen.has(tie.to)) {
          seen.add(tie.to);
          next.push(tie.to);
        }
      }
    }
    frontier = next;
  }
  direct.delete(id);
  return { id, direct: direct.size, downstream: seen.size - 1, revenue, links };
}
