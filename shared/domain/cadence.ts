// Process: any (pure). Keeping in touch: each ring has a cadence; who is due, and how overdue.
import type { Ring } from './sphere.ts';

/** Days between touches a relationship at this depth wants; prospects cool fastest. */
export type Cadence = Record<Ring, number>;

export const DEFAULT_CADENCE: Cadence = { trust: 30, like: 60, know: 90, prospect: 14 };

const DAY = 24 * 60 * 60 * 1000;

export type TouchDue = {
  dueAt: number;
  /** Calendar days past the due day (negative: days left), in the local time zone. */
  daysOverdue: number;
  status: 'overdue' | 'due' | 'ok';
};

/**
 * The local calendar day a moment falls on, as a day count. People think of a touch as "on the 4th", not at an
 * hour: counting 24-hour periods from it made a touch logged for the 4th read "9 days overdue" on the morning
 * of the 24th with a 10-day cadence, and 10 only after noon. Through UTC of the local date, so a day of 23 or
 * 25 hours (daylight saving) still counts as one.
 */
export function calendarDay(at: number): number {
  const d = new Date(at);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY);
}

/**
 * A contact never touched is due from the day they entered the sphere: adding
 * someone is the moment to reach out. Due all of the due day, overdue from the next.
 */
export function touchDue(ring: Ring, lastTouchAt: number | undefined, createdAt: number, now: number, cadence: Cadence = DEFAULT_CADENCE): TouchDue {
  const dueAt = lastTouchAt === undefined ? createdAt : lastTouchAt + cadence[ring] * DAY;
  const daysOverdue = calendarDay(now) - calendarDay(dueAt);
  return { dueAt, daysOverdue, status: daysOverdue > 0 ? 'overdue' : daysOverdue === 0 ? 'due' : 'ok' };
}

/** Share of the cadence used since the last touch: 0 just touched, 1 due now, above 1 overdue. Drives the graph's "time since touch" colour. */
export function cadenceUsed(ring: Ring, lastTouchAt: number | undefined, now: number, cadence: Cadence = DEFAULT_CADENCE): number {
  if (lastTouchAt === undefined) return Infinity;
  return Math.max(0, (now - lastTouchAt) / (cadence[ring] * DAY));
}
