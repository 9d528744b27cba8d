import { describe, expect, it } from 'vitest';
import { cadenceUsed, calendarDay, DEFAULT_CADENCE, touchDue } from './cadence.ts';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 1);

describe('keep-in-touch cadence', () => {
  it('is due a ring\'s cadence after the last touch', () => {
    expect(touchDue('trust', now - 29 * DAY, 0, now).status).toBe('ok');
    expect(touchDue('trust', now - 30 * DAY, 0, now).status).toBe('due');
    expect(touchDue('trust', now - 45 * DAY, 0, now)).toMatchObject({ status: 'overdue', daysOverdue: 15 });
    expect(touchDue('know', now - 45 * DAY, 0, now).status).toBe('ok');
  });

  it('counts calendar days, whatever the hour of the touch and of now', () => {
    // A touch logged for a day is stored at its noon; early next morning it is a day old, not half a day.
    const touchedAt = new Date(2026, 10, 4, 12).getTime();
    const earlyOn24th = new Date(2026, 10, 24, 1, 30).getTime();
    expect(touchDue('trust', touchedAt, 0, earlyOn24th, { ...DEFAULT_CADENCE, trust: 10 })).toMatchObject({ status: 'overdue', daysOverdue: 10 });
    const lateOn14th = new Date(2026, 10, 14, 23, 59).getTime();
    const earlyOn14th = new Date(2026, 10, 14, 0, 1).getTime();
    expect(touchDue('trust', touchedAt, 0, earlyOn14th, { ...DEFAULT_CADENCE, trust: 10 })).toMatchObject({ status: 'due', daysOverdue: 0 });
    expect(touchDue('trust', touchedAt, 0, lateOn14th, { ...DEFAULT_CADENCE, trust: 10 })).toMatchObject({ status: 'due', daysOverdue: 0 });
    expect(touchDue('trust', touchedAt, 0, new Date(2026, 10, 13, 23, 59).getTime(), { ...DEFAULT_CADENCE, trust: 10 }).status).toBe('ok');
  });

  it('counts a day of 23 or 25 hours (daylight saving) as one day', () => {
    expect(calendarDay(new Date(2026, 2, 30, 0, 30).getTime()) - calendarDay(new Date(2026, 2, 28, 23, 30).getTime())).toBe(2);
    expect(calendarDay(new Date(2026, 9, 26, 0, 30).getTime()) - calendarDay(new Date(2026, 9, 24, 23, 30).getTime())).toBe(2);
  });

  it('makes a never-touched contact due from the day it was added', () => {
    expect(touchDue('like', undefined, now - 3 * DAY, now)).toMatchObject({ status: 'overdue', daysOverdue: 3 });
  });

  it('uses edited cadences', () => {
    expect(touchDue('prospect', now - 10 * DAY, 0, now, { ...DEFAULT_CADENCE, prospect: 7 }).status).toBe('overdue');
  });

  it('reports the share of the cadence used', () => {
    expect(cadenceUsed('like', now - 30 * DAY, now)).toBeCloseTo(0.5);
    expect(cadenceUsed('like', undefined, now)).toBe(Infinity);
  });
});
