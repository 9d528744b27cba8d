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
    expect(lifetimeValue([{ amount: 10_01 }, { amount: 20_02 }, { amount: 0 }])).toBe(30_03);
  });
});
