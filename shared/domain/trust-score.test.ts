import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { trustScore } from './trust-score.ts';
import { RINGS } from './sphere.ts';

const DAY = 86_400_000;
const now = Date.UTC(2026, 5, 1);
const base = { touches: [], referralsGiven: 0, dealCount: 0, now };

describe('trust score', () => {
  it('ranks deeper rings higher, all else equal', () => {
    const scores = RINGS.map((ring) => trustScore({ ...base, ring }).score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBe(4);
  });

  it('counts a recent touch for more than an old one', () => {
    const recent = trustScore({ ...base, ring: 'know', touches: [{ at: now - 2 * DAY, kind: 'call' }] }).score;
    const old = trustScore({ ...base, ring: 'know', touches: [{ at: now - 200 * DAY, kind: 'call' }] }).score;
    expect(recent).toBeGreaterThan(old);
  });

  it('does not count stage changes as keeping in touch', () => {
    const moved = trustScore({ ...base, ring: 'like', touches: [{ at: now, kind: 'stageChange' }] });
    expect(moved.score).toBe(trustScore({ ...base, ring: 'like' }).score);
  });

  it('rewards referrals and repeat business, with diminishing returns', () => {
    const r = (n: number) => trustScore({ ...base, ring: 'like', referralsGiven: n }).score;
    expect(r(1)).toBeGreaterThan(r(0));
    expect(r(2) - r(1)).toBeGreaterThan(r(10) - r(9));
    expect(trustScore({ ...base, ring: 'like', dealCount: 3 }).score).toBeGreaterThan(trustScore({ ...base, ring: 'like', dealCount: 1 }).score);
  });

  it('always lies in 0..100 and its parts add up to it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RINGS),
        fc.array(fc.integer({ min: -10, max: 2000 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        (ring, ages, referralsGiven, dealCount) => {
          const { score, parts } = trustScore({ ring, touches: ages.map((d) => ({ at: now - d * DAY, kind: 'meeting' as const })), referralsGiven, dealCount, now });
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          expect(Math.round(parts.reduce((s, p) => s + p.points, 0) * 10) / 10).toBe(score);
        },
      ),
    );
  });
});
