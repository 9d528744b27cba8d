// Process: any (pure). Keeping in touch: each ring has a cadence; who is due, and how overdue.
import type { Ring } from './sphere.ts';

/** Days between touches a relationship at this depth wants; prospects cool fastest. */
export type Cadence = Record<Ring, number>;

export const DEFAULT_CADENCE: Cadence = { trust: 30, like: 60, know: 90, prospect: 14 };

const DAY = 24 * 60 * 60 * 1000;

export type TouchDue = {
  dueAt: number;
  /** Whole days past due (negative: days left). */
  daysOverdue: number;
  status: 'overdue' | 'due' | 'ok';
};

/**
 * A contact never touched is due from the day they entered the sphere: adding
 * someone is the moment to reach out.
 */
export function touchDue(ring: Ring, lastTouchAt: number | undefined, createdAt: number, now: number, cadence: Cadence = DEFAULT_CADENCE): TouchDue {
  const dueAt = lastTouchAt === undefined ? createdAt : lastTouchAt + cadence[ring] * DAY;
  const daysOverdue = Math.floor((now - dueAt) / DAY);
  return { dueAt, daysOverdue, status: daysOverdue > 0 ? 'overdue' : now >= dueAt ? 'due' : 'ok' };
}

/** Share of the cadence used since the last touch: 0 just touched, 1 due now, above 1 overdue. Drives the graph's "time since touch" colour. */
export function cadenceUsed(ring: Ring, lastTouchAt: number | undefined, now: number, cadence: Cadence = DEFAULT_CADENCE): number {
  if (lastTouchAt === undefined) return Infinity;
  return Math.max(0, (now - lastTouchAt) / (cadence[ring] * DAY));
}
