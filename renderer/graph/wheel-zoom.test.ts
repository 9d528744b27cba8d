import { describe, expect, it } from 'vitest';
import { wheelFactor } from './wheel-zoom.ts';

const notch = (deltaY: number, deltaMode = 0, ctrlKey = false) => wheelFactor({ deltaY, deltaMode, ctrlKey });

describe('wheel zoom', () => {
  it('zooms a fifth per notch, in when rolled away and out when rolled back', () => {
    expect(notch(-100)).toBeCloseTo(1.2, 5);
    expect(notch(100)).toBeCloseTo(1 / 1.2, 5);
    // Thirty notches: about 240x, where the old handler gave 1.3x.
    expect(notch(-100) ** 30).toBeGreaterThan(200);
  });

  it('reads line and page deltas (Firefox, some mice) as pixels', () => {
    expect(notch(-3, 1)).toBeCloseTo(notch(-120), 5);
    // A page is clamped to three notches: one event never throws the view far.
    expect(notch(-1, 2)).toBeCloseTo(1.2 ** 3, 5);
  });

  it('follows a trackpad pinch, which sends small deltas with ctrlKey', () => {
    expect(notch(-8, 0, true)).toBeGreaterThan(1.07);
    expect(notch(-8, 0, false)).toBeLessThan(1.02);
    expect(notch(0)).toBe(1);
  });
});
