// Process: any (pure). The life-cycle funnel: prospect → first-time → repeat → lifetime, and who drifted away.
import { stageFromHistory } from '../domain/life-cycle.ts';
import { CUSTOMER_STAGES, type CustomerStage } from '../domain/sphere.ts';
import { DAY_MS, lastTouchAt, median, type SphereIndex } from './insight-input.ts';

export type Funnel = Record<CustomerStage, number> & {
  /** People who got at least this far (a lifetime customer has also been first-time and repeat). */
  reached: { prospect: number; firstTime: number; repeat: number; lifetime: number };
  /** Share of those who reached the step before who reached this one; null where nobody reached the step before. */
  conversion: { firstTime: number | null; repeat: number | null; lifetime: number | null };
  /** Median days to take each step (from the contact's creation to the first deal, and so on); null with no one. */
  medianDays: { firstTime: number | null; repeat: number | null; lifetime: number | null };
  /** Customers who were active at the start of the period and had drifted away by its end. */
  churn: { base: number; churned: number; rate: number | null };
  /** Lifetime value per customer in the base currency: quartiles and a histogram for the chart. */
  lifetimeValue: { currency: string; customers: number; quartiles: [number, number, number, number, number] | null; buckets: { from: number; to: number; count: number }[] };
};

export function funnel(index: SphereIndex): Funnel {
  const { lifeCycle, period, baseCurrency } = index.options;
  const counts = Object.fromEntries(CUSTOMER_STAGES.map((s) => [s, 0])) as Record<CustomerStage, number>;
  const reached = { prospect: 0, firstTime: 0, repeat: 0, lifetime: 0 };
  const days = { firstTime: [] as number[], repeat: [] as number[], lifetime: [] as number[] };
  const churn = { base: 0, churned: 0 };
  const values: number[] = [];
  for (const contact of index.contacts.values()) {
    counts[index.stageOf(contact.id)]++;
    reached.prospect++;
    const deals = index.dealsOf.get(contact.id) ?? [];
    if (deals.length >= 1) {
      reached.firstTime++;
      if (deals[0]!.at >= contact.createdAt) days.firstTime.push((deals[0]!.at - contact.createdAt) / DAY_MS);
    }
    if (deals.length >= lifeCycle.repeatAt) {
      reached.repeat++;
      days.repeat.push((deals[lifeCycle.repeatAt - 1]!.at - deals[0]!.at) / DAY_MS);
    }
    if (deals.length >= lifeCycle.lifetimeAt) {
      reached.lifetime++;
      days.lifetime.push((deals[lifeCycle.lifetimeAt - 1]!.at - deals[lifeCycle.repeatAt - 1]!.at) / DAY_MS);
    }
    if (deals.length > 0) {
      values.push(deals.filter((d) => d.currency === baseCurrency).reduce((s, d) => s + d.amount, 0));
      const startStage = stageAt(index, contact.id, period.from);
      const endStage = stageAt(index, contact.id, period.to);
      // "All time" has no start: every customer who bought by the end is in the base.
      const inBase = period.from <= 0 ? endStage !== 'prospect' : startStage !== 'prospect' && startStage !== 'churned';
      if (inBase) {
        churn.base++;
        if (endStage === 'churned') churn.churned++;
      }
    }
  }
  const rate = (n: number, d: number) => (d > 0 ? n / d : null);
  return {
    ...counts,
    reached,
    conversion: { firstTime: rate(reached.firstTime, reached.prospect), repeat: rate(reached.repeat, reached.firstTime), lifetime: rate(reached.lifetime, reached.repeat) },
    medianDays: { firstTime: median(days.firstTime), repeat: median(days.repeat), lifetime: median(days.lifetime) },
    churn: { ...churn, rate: rate(churn.churned, churn.base) },
    lifetimeValue: distribution(values, baseCurrency),
  };
}

/** The stage as it was at `at`, from the deals and touches recorded by then; a stage set by hand has no date and holds throughout. */
export function stageAt(index: SphereIndex, id: string, at: number): CustomerStage {
  const contact = index.contacts.get(id);
  if (contact?.stageByHand) return contact.stageByHand;
  // Deals are oldest first: the ones made by `at` are a prefix.
  const deals = index.dealsOf.get(id) ?? [];
  let dealCount = 0;
  while (dealCount < deals.length && deals[dealCount]!.at <= at) dealCount++;
  const lastDealAt = dealCount > 0 ? deals[dealCount - 1]!.at : undefined;
  return stageFromHistory({ dealCount, lastDealAt, lastTouchAt: lastTouchAt(index, id, at) ?? undefined }, at, index.options.lifeCycle);
}

function distribution(values: number[], currency: string): Funnel['lifetimeValue'] {
  if (values.length === 0) return { currency, customers: 0, quartiles: null, buckets: [] };
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))]!;
  const min = sorted[0]!;
  const max = sorted.at(-1)!;
  const count = Math.min(8, Math.max(1, sorted.length));
  const width = max > min ? (max - min) / count : 1;
  const buckets = Array.from({ length: count }, (_, i) => ({ from: min + i * width, to: i === count - 1 ? max : min + (i + 1) * width, count: 0 }));
  for (const v of sorted) buckets[Math.min(count - 1, Math.floor((v - min) / width))]!.count++;
  return { currency, customers: sorted.length, quartiles: [min, q(0.25), median(sorted)!, q(0.75), max], buckets };
}
