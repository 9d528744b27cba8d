import { describe, expect, it } from 'vitest';
import { lifetimeValue, stageFromHistory } from './life-cycle.ts';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 1);

describe('customer life cycle', () => {
  it('moves from prospect to first-time, repeat and lifetime as deals come', () => {
    const stages = [0, 1, 2, 4, 5, 9].map((dealCount) => stageFromHistory({ dealCount, lastDealAt: now - DAY }, now));
    expect(stages).toEqual(['prospect', 'firstTime', 'repeat', 'repeat', 'lifetime', 'lifetime']);
  });

  it('counts a customer as churned after a year without a deal or a touch, but not a quiet prospect', () => {
    expect(stageFromHistory({ dealCount: 3, lastDealAt: now - 400 * DAY }, now)).toBe('churned');
    expect(stageFromHistory({ dealCount: 3, lastDealAt: now - 400 * DAY, lastTouchAt: now - 10 * DAY }, now)).toBe('repeat');
    expect(stageFromHistory({ dealCount: 0, lastTouchAt: now - 900 * DAY }, now)).toBe('prospect');
  });

  it('honours configured thresholds', () => {
    expect(stageFromHistory({ dealCount: 3, lastDealAt: now }, now, { repeatAt: 4, lifetimeAt: 10, churnAfterDays: 30 })).toBe('firstTime');
    expect(stageFromHistory({ dealCount: 3, lastDealAt: now - 31 * DAY }, now, { repeatAt: 4, lifetimeAt: 10, churnAfterDays: 30 })).toBe('churned');
  });

  it('sums lifetime value exactly in minor units', () => {
    expect(lifetimeValue([{ amount: 10_01, currency: 'USD' }, { amount: 20_02, currency: 'USD' }, { amount: 0, currency: 'USD' }])).toEqual({ USD: 30_03 });
  });

  it('keeps a sum per currency instead of adding euros to dollars', () => {
    const deals = [{ amount: 1234_00, currency: 'USD' }, { amount: 50_00, currency: 'EUR' }, { amount: 25_00, currency: 'eur' }, { amount: 1_00, currency: 'USD' }];
    expect(lifetimeValue(deals)).toEqual({ USD: 1235_00, EUR: 75_00 });
    expect(lifetimeValue([])).toEqual({});
  });
});
