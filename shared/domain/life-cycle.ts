// Process: any (pure). The customer life cycle: prospect → first-time → repeat → lifetime, or churned.
import type { CustomerStage } from './sphere.ts';

export type LifeCycleSettings = {
  /** Deals needed to count as a repeat customer. */
  repeatAt: number;
  /** Deals needed to count as a lifetime customer. */
  lifetimeAt: number;
  /** A customer with no deal and no touch for this long has drifted away. */
  churnAfterDays: number;
};

export const DEFAULT_LIFE_CYCLE: LifeCycleSettings = { repeatAt: 2, lifetimeAt: 5, churnAfterDays: 365 };

const DAY = 24 * 60 * 60 * 1000;

/**
 * The stage the deals say a contact is at. Churn only applies to someone who
 * bought: a prospect who went quiet is still a prospect, not a lost customer.
 */
export function stageFromHistory(
  history: { dealCount: number; lastDealAt?: number; lastTouchAt?: number },
  now: number,
  settings: LifeCycleSettings = DEFAULT_LIFE_CYCLE,
): CustomerStage {
  if (history.dealCount <= 0) return 'prospect';
  const lastActivity = Math.max(history.lastDealAt ?? 0, history.lastTouchAt ?? 0);
  if (now - lastActivity > settings.churnAfterDays * DAY) return 'churned';
  if (history.dealCount >= settings.lifetimeAt) return 'lifetime';
  if (history.dealCount >= settings.repeatAt) return 'repeat';
  return 'firstTime';
}

/** Sums per currency (ISO code → minor units): amounts in different currencies do not add up. */
export type CurrencyTotals = Record<string, number>;

/**
 * Lifetime value: what the relationship has brought so far, per currency, in minor units. Deals in euros and
 * dollars were once added into one number shown as dollars; each currency is now its own sum.
 */
export function lifetimeValue(deals: readonly { amount: number; currency: string }[]): CurrencyTotals {
  const totals: CurrencyTotals = {};
  for (const deal of deals) {
    const code = deal.currency.toUpperCase();
    totals[code] = (totals[code] ?? 0) + deal.amount;
  }
  return totals;
}
