import { describe, expect, it } from 'vitest';
import { cadenceUsed, DEFAULT_CADENCE, touchDue } from './cadence.ts';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 1);

describe('keep-in-touch cadence', () => {
  it('is due a ring\'s cadence after the last touch', () => {
    expect(touchDue('trust', now - 29 * DAY, 0, now).status).toBe('ok');
    expect(touchDue('trust', now - 30 * DAY, 0, now).status).toBe('due');
    expect(touchDue('trust', now - 45 * DAY, 0, now)).toMatchObject({ status: 'overdue', daysOverdue: 15 });
    expect(touchDue('know', now - 45 * DAY, 0, now).status).toBe('ok');
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
