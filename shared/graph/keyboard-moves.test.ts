import { describe, expect, it } from 'vitest';
import { keyboardMove, startOf } from './keyboard-moves.ts';
import type { Ring } from '../domain/sphere.ts';

const at = (id: string, ring: Ring, radius: number, degrees: number, score = 10) => {
  const a = (degrees * Math.PI) / 180;
  return [id, { data: { id, ring, score }, position: { x: radius * Math.cos(a), y: radius * Math.sin(a) } }] as const;
};
// Trust at radius 100, Like at 200, Know empty, prospects at 400.
const nodes = new Map([
  at('t0', 'trust', 100, 0, 60), at('t90', 'trust', 100, 90), at('t200', 'trust', 100, 200),
  at('l10', 'like', 200, 10), at('l180', 'like', 200, 180),
  at('p95', 'prospect', 400, 100),
]);

describe('moving through the sphere by keyboard', () => {
  it('goes round a ring clockwise and back, wrapping past the start', () => {
    expect(keyboardMove(nodes, 't0', 'next')).toBe('t90');
    expect(keyboardMove(nodes, 't90', 'next')).toBe('t200');
    expect(keyboardMove(nodes, 't200', 'next')).toBe('t0');
    expect(keyboardMove(nodes, 't0', 'previous')).toBe('t200');
  });

  it('crosses to the nearest contact in the ring outside or inside, over an empty ring', () => {
    expect(keyboardMove(nodes, 't0', 'outward')).toBe('l10');
    expect(keyboardMove(nodes, 't200', 'outward')).toBe('l180');
    expect(keyboardMove(nodes, 'l180', 'outward')).toBe('p95');
    expect(keyboardMove(nodes, 'p95', 'inward')).toBe('l180');
    expect(keyboardMove(nodes, 'l10', 'inward')).toBe('t0');
  });

  it('stays put where there is nowhere to go, and steps over filtered contacts', () => {
    expect(keyboardMove(nodes, 't0', 'inward')).toBe('t0');
    expect(keyboardMove(nodes, 'p95', 'outward')).toBe('p95');
    expect(keyboardMove(nodes, 'p95', 'next')).toBe('p95');
    expect(keyboardMove(nodes, 't0', 'next', new Set(['t90']))).toBe('t200');
  });

  it('starts at the selected contact, or else the most trusted one shown', () => {
    expect(startOf(nodes, 'l10')).toBe('l10');
    expect(startOf(nodes, null)).toBe('t0');
    expect(startOf(nodes, null, new Set(['t0']))).not.toBe('t0');
    expect(startOf(new Map(), null)).toBeNull();
  });
});
