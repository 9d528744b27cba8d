import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, type LabelCandidate } from './label-placement.ts';

const view = { w: 1000, h: 800 };
const options = { view, gap: 3, margin: 2, max: 500 };
const person = (id: string, x: number, y: number, priority: number, pinned = false): LabelCandidate => ({ id, x, y, radius: 8, width: 60, height: 14, priority, pinned });

describe('label placement', () => {
  it('names everyone who has room, and no two names overlap', () => {
    // A dense cluster: 400 people on a 20 × 20 grid 25 px apart, with labels 60 px wide.
    const crowd = Array.from({ length: 400 }, (_, i) => person(`p${i}`, 100 + (i % 20) * 25, 100 + Math.floor(i / 20) * 25, i));
    const placed = placeLabels(crowd, options);
    expect(placed.length).toBeGreaterThan(20);
    expect(placed.length).toBeLessThan(400);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!.box, placed[j]!.box)).toBe(false);
  });

  it('gives the room to the most trusted first', () => {
    const placed = placeLabels([person('low', 500, 400, 10), person('high', 505, 400, 90)], options);
    expect(placed.map((p) => p.id)[0]).toBe('high');
  });

  it('moves a name to another side rather than dropping it', () => {
    // Two people one above the other: the lower one's name goes below, the upper one's above.
    const placed = placeLabels([person('a', 500, 400, 2), person('b', 500, 420, 1)], options);
    expect(placed.map((p) => p.id).sort()).toEqual(['a', 'b']);
    expect(placed.find((p) => p.id === 'a')!.side).toBe('bottom');
    expect(placed.find((p) => p.id === 'b')!.side).not.toBe('top');
  });

  it('always names the pinned person, even over a more trusted one', () => {
    const crowd = Array.from({ length: 50 }, (_, i) => person(`p${i}`, 500 + (i % 5) * 4, 400 + Math.floor(i / 5) * 4, 100 + i));
    const placed = placeLabels([...crowd, person('chosen', 502, 402, 0, true)], options);
    expect(placed[0]!.id).toBe('chosen');
  });

  it('never covers another person drawn on screen', () => {
    // Someone right below: the name goes to another side instead of over them.
    const below = { x1: 492, y1: 412, x2: 508, y2: 428 };
    const placed = placeLabels([person('a', 500, 400, 1)], { ...options, obstacles: [below] });
    expect(placed[0]!.side).not.toBe('bottom');
    expect(overlaps(placed[0]!.box, below)).toBe(false);
  });

  it('keeps names on screen and stops at the most it is asked for', () => {
    expect(placeLabels([person('edge', 2, 400, 1)], options).find((p) => p.id === 'edge')?.side).toBe('right');
    const many = Array.from({ length: 300 }, (_, i) => person(`p${i}`, 40 + (i % 10) * 95, 30 + Math.floor(i / 10) * 25, i));
    expect(placeLabels(many, { ...options, max: 12 })).toHaveLength(12);
  });
});
