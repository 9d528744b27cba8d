// Process: any (pure). The customer life cycle: prospect → first-time → repeat → lifetime, or churned.
import type { CustomerStage, TouchKind } from './sphere.ts';

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

/**
 * The one rule for a contact's customer stage, used wherever a stage is shown, filtered or counted: the stage set
 * by hand if there is one, otherwise what the deals and touches say. A stage-change touch is the record of a move
 * on the sphere, not contact with the person, so it never counts as activity: moving a quiet customer to another
 * ring does not bring them back from churned.
 */
export function customerStage(
  contact: { stageByHand?: CustomerStage },
  deals: readonly { at: number }[],
  touches: readonly { at: number; kind: TouchKind }[],
  now: number,
  settings: LifeCycleSettings = DEFAULT_LIFE_CYCLE,
): CustomerStage {
  if (contact.stageByHand) return contact.stageByHand;
  let lastDealAt: number | undefined;
  for (const deal of deals) lastDealAt = Math.max(lastDealAt ?? 0, deal.at);
  let lastTouchAt: number | undefined;
  for (const touch of touches) if (touch.kind !== 'stageChange') lastTouchAt = Math.max(lastTouchAt ?? 0, touch.at);
  return stageFromHistory({ dealCount: deals.length, lastDealAt, lastTouchAt }, now, settings);
}

/**
 * What each referral brought: the deals that name it, summed per currency. Derived, never stored on the referral:
 * a stored running total loses one of two deals recorded at once on two synced devices.
 */
export function referralValues(deals: readonly { referralId?: string; amount: number; currency: string }[]): Map<string, Record<string, number>> {
  const values = new Map<string, Record<string, number>>();
  for (const deal of deals) {
    if (!deal.referralId) continue;
    const sums = values.get(deal.referralId) ?? {};
    sums[deal.currency] = (sums[deal.currency] ?? 0) + deal.amount;
    values.set(deal.referralId, sums);
  }
  return values;
}
