// Process: any (pure). The 20/80 view: how few customers bring most of the revenue over a period.
import { inPeriod, lastTouchAt, type SphereIndex } from './insight-input.ts';

export type ParetoMember = { id: string; revenue: number; share: number; cumulativeShare: number; lastTouchAt: number | null };

export type Pareto = {
  currency: string;
  /** Customers with at least one deal in the period, in this currency. */
  customers: number;
  /** The smallest set of customers, largest first, whose revenue reaches `target` of the total. */
  members: string[];
  /** members / customers (0 with no customers). */
  share: number;
  /** What the members actually brought, as a share of the total (at least `target`, unless there is no revenue). */
  revenueShare: number;
  target: number;
  total: number;
  /** Every customer of the period, largest first, for the chart (bars and the cumulative line). */
  ranking: ParetoMember[];
  /** Currencies with deals in the period that are not in these figures: there is no rate to add them up. */
  otherCurrencies: string[];
};

/**
 * Revenue by customer in one currency. Ties in revenue are broken by id, so the same sphere always gives the same
 * members. A deal in another currency is not converted (the app has no exchange rates): it is named instead.
 */
export function pareto(index: SphereIndex, target = 0.8, currency = index.options.baseCurrency): Pareto {
  const { period } = index.options;
  const revenue = new Map<string, number>();
  const others = new Set<string>();
  for (const [id, deals] of index.dealsOf) {
    for (const d of deals) {
      if (!inPeriod(d.at, period)) continue;
      if (d.currency !== currency) others.add(d.currency);
      else revenue.set(id, (revenue.get(id) ?? 0) + d.amount);
    }
  }
  const sorted = [...revenue.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const total = sorted.reduce((s, [, r]) => s + r, 0);
  const ranking: ParetoMember[] = [];
  const members: string[] = [];
  let running = 0;
  for (const [id, r] of sorted) {
    const reachedBefore = total > 0 && running >= target * total;
    running += r;
    if (!reachedBefore && total > 0) members.push(id);
    ranking.push({ id, revenue: r, share: total ? r / total : 0, cumulativeShare: total ? running / total : 0, lastTouchAt: lastTouchAt(index, id, index.options.now) });
  }
  const membersRevenue = sorted.slice(0, members.length).reduce((s, [, r]) => s + r, 0);
  return {
    currency,
    customers: sorted.length,
    members,
    share: sorted.length ? members.length / sorted.length : 0,
    revenueShare: total ? membersRevenue / total : 0,
    target,
    total,
    ranking,
    otherCurrencies: [...others].sort(),
  };
}
