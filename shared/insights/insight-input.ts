// Process: any (pure). What every insight reads: the sphere's documents indexed once, a period, and the rules
// (life cycle, base currency) the rest of the app already uses, so a figure here never disagrees with the sphere.
import { customerStage, DEFAULT_LIFE_CYCLE, type LifeCycleSettings } from '../domain/life-cycle.ts';
import type { CustomerStage } from '../domain/sphere.ts';
import type { ContactDoc, DealDoc, TieDoc, TouchDoc } from '../schemas/index.ts';

export type InsightDocs = { contacts: readonly ContactDoc[]; ties: readonly TieDoc[]; touches: readonly TouchDoc[]; deals: readonly DealDoc[] };

/** Milliseconds since the epoch, both ends included. `from` may be 0 for "all time". */
export type Period = { from: number; to: number };

export type InsightOptions = {
  now: number;
  period: Period;
  lifeCycle?: LifeCycleSettings;
  /** The currency figures are ranked in; sums in other currencies are reported beside, never converted. */
  baseCurrency?: string;
  /** Touches before the first deal that make a customer "nurtured" (besides coming by referral). */
  nurturedTouches?: number;
};

/** Per currency, minor units: the same shape as lifetime value. */
export type Money = Record<string, number>;

export type SphereIndex = {
  contacts: Map<string, ContactDoc>;
  /** Each contact's deals, oldest first; deals of contacts no longer in the sphere are left out. */
  dealsOf: Map<string, DealDoc[]>;
  /** Each contact's touches, in no particular order (every reader wants the latest before some day, or a count). */
  touchesOf: Map<string, TouchDoc[]>;
  /** Ties whose two ends are both in the sphere (a deleted contact takes its ties out of every figure). */
  ties: TieDoc[];
  referralsFrom: Map<string, TieDoc[]>;
  referralsTo: Map<string, TieDoc[]>;
  stageOf(id: string): CustomerStage;
  options: Required<InsightOptions>;
};

export const DEFAULT_NURTURED_TOUCHES = 3;

export function indexSphere(docs: InsightDocs, options: InsightOptions): SphereIndex {
  const full: Required<InsightOptions> = {
    lifeCycle: DEFAULT_LIFE_CYCLE,
    baseCurrency: 'USD',
    nurturedTouches: DEFAULT_NURTURED_TOUCHES,
    ...options,
  };
  const contacts = new Map(docs.contacts.map((c) => [c.id, c]));
  const dealsOf = groupBy(docs.deals, (d) => d.contactId, (d) => contacts.has(d.contactId));
  for (const list of dealsOf.values()) list.sort((a, b) => a.at - b.at);
  // Not sorted: 50,000 touches in 10,000 small sorts were almost half of the first indexing, for no reader.
  const touchesOf = groupBy(docs.touches, (t) => t.contactId, (t) => contacts.has(t.contactId));
  const ties = docs.ties.filter((t) => contacts.has(t.from) && contacts.has(t.to) && t.from !== t.to);
  const referrals = ties.filter((t) => t.kind === 'referral');
  const stages = new Map<string, CustomerStage>();
  return {
    contacts,
    dealsOf,
    touchesOf,
    ties,
    referralsFrom: groupBy(referrals, (t) => t.from),
    referralsTo: groupBy(referrals, (t) => t.to),
    options: full,
    stageOf(id) {
      let stage = stages.get(id);
      if (stage === undefined) {
        stage = customerStage(contacts.get(id) ?? {}, dealsOf.get(id) ?? [], touchesOf.get(id) ?? [], full.now, full.lifeCycle);
        stages.set(id, stage);
      }
      return stage;
    },
  };
}

/** When the contact was last in touch on or before `until` (a stage change is a move on the sphere, not contact). */
export function lastTouchAt(index: SphereIndex, id: string, until: number): number | null {
  let last: number | null = null;
  for (const t of index.touchesOf.get(id) ?? []) if (t.kind !== 'stageChange' && t.at <= until && (last === null || t.at > last)) last = t.at;
  return last;
}

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** "The last 12 months" up to `now`: the panel's first period, the detail panel's, and what the host works out ahead. */
export function lastYear(now: number): Period {
  return { from: Math.max(0, now - YEAR_MS), to: now };
}

export function inPeriod(at: number, period: Period): boolean {
  return at >= period.from && at <= period.to;
}

export function addMoney(into: Money, currency: string, amount: number): void {
  into[currency] = (into[currency] ?? 0) + amount;
}

export function sumDeals(deals: readonly DealDoc[]): Money {
  const sum: Money = {};
  for (const d of deals) addMoney(sum, d.currency, d.amount);
  return sum;
}

/** The median of a list of numbers, or null for none (an empty funnel step has no typical time). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `keep`: leaves items out without a filtered copy of 50,000 touches first. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string, keep?: (item: T) => boolean): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    if (keep && !keep(item)) continue;
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
