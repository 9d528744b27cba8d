import { describe, expect, it } from 'vitest';
import { hitTest, layoutSphere, sectorAngles, type LayoutNode } from './sphere-layout.ts';
import { CATEGORIES, RINGS } from '../domain/sphere.ts';
import { generateSphere } from '../sample-sphere.ts';

const TAU = Math.PI * 2;
const nodesFrom = (n: number, seed = 1): LayoutNode[] =>
  generateSphere({ seed, contacts: n, ties: 0 }).contacts.map((c, i) => ({ id: c.id, ring: c.ring, category: c.category, size: 14 + (i % 5) * 6, label: c.name }));

describe('sphere layout', () => {
  it('puts every contact inside its own ring band and sector', () => {
    const nodes = nodesFrom(1500);
    const layout = layoutSphere(nodes);
    for (const node of nodes) {
      const p = layout.positions.get(node.id)!;
      expect(hitTest(p, layout)).toEqual({ ring: node.ring, category: node.category });
    }
  });

  it('keeps Trust innermost and the bands in order without overlap', () => {
    const layout = layoutSphere(nodesFrom(500));
    expect(layout.rings.map((r) => r.ring)).toEqual([...RINGS]);
    for (let i = 1; i < layout.rings.length; i++) expect(layout.rings[i]!.inner).toBeGreaterThanOrEqual(layout.rings[i - 1]!.outer);
  });

  it('never lets two nodes overlap, even with 2,000 contacts in one ring and sector', () => {
    const nodes: LayoutNode[] = Array.from({ length: 2000 }, (_, i) => ({ id: `n${i}`, ring: 'know', category: 'business', size: 10 + (i % 4) * 8 }));
    const layout = layoutSphere(nodes);
    const size = new Map(nodes.map((n) => [n.id, n.size]));
    const pts = nodes.map((n) => ({ id: n.id, ...layout.positions.get(n.id)! }));
    // Grid buckets keep the pairwise check fast.
    const cell = 40;
    const grid = new Map<string, typeof pts>();
    for (const p of pts) {
      const key = `${Math.floor(p.x / cell)},${Math.floor(p.y / cell)}`;
      grid.set(key, [...(grid.get(key) ?? []), p]);
    }
    for (const p of pts) {
      const gx = Math.floor(p.x / cell);
      const gy = Math.floor(p.y / cell);
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
        for (const q of grid.get(`${gx + dx},${gy + dy}`) ?? []) {
          if (q.id === p.id) continue;
          expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThanOrEqual((size.get(p.id)! + size.get(q.id)!) / 2);
        }
      }
    }
    for (const p of pts) expect(hitTest(p, layout)).toEqual({ ring: 'know', category: 'business' });
  });

  it('gives empty sectors the minimum angle and the angles fill the circle', () => {
    const arcs = sectorAngles({ family: 0, business: 900, friends: 50, acquaintance: 40, servicers: 10 }, (24 * Math.PI) / 180);
    const total = arcs.reduce((s, a) => s + (a.endAngle - a.startAngle), 0);
    expect(total).toBeCloseTo(TAU, 9);
    const family = arcs.find((a) => a.category === 'family')!;
    expect(family.endAngle - family.startAngle).toBeCloseTo((24 * Math.PI) / 180, 9);
    expect(arcs.map((a) => a.category)).toEqual([...CATEGORIES]);
  });

  it('tells a drop on the centre or beyond the sphere from a drop in a ring', () => {
    const layout = layoutSphere(nodesFrom(100));
    expect(hitTest({ x: 0, y: 0 }, layout)).toEqual({ outside: 'centre' });
    expect(hitTest({ x: layout.outerRadius + 50, y: 0 }, layout)).toEqual({ outside: 'beyond' });
    const empty = layoutSphere([]);
    const trust = empty.rings[0]!;
    expect(hitTest({ x: 0, y: -(trust.inner + trust.outer) / 2 }, empty)).toMatchObject({ ring: 'trust' });
  });

  it('places the same contacts in the same places every time', () => {
    const nodes = nodesFrom(300);
    const a = layoutSphere(nodes);
    const b = layoutSphere([...nodes].reverse());
    for (const n of nodes) expect(b.positions.get(n.id)).toEqual(a.positions.get(n.id));
  });
});
