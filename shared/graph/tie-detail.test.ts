// Process: test (Node). Level of detail for ties, on small spheres whose bundles are counted by hand.
import { describe, expect, it } from 'vitest';
import type { Category, Ring, TieKind } from '../domain/sphere.ts';
import type { GraphEdge, GraphNode, SphereGraphModel } from './sphere-model.ts';
import { bundleTies, spotlightTies, tiesInView } from './tie-detail.ts';

function node(id: string, ring: Ring, category: Category, x: number, y: number): GraphNode {
  return { data: { id, label: id, ring, category, size: 20, score: 50, mark: 'plain', stage: 'prospect', overdue: false, categoryFill: '#000', stageFill: '#000', touchFill: '#000', trustFill: '#000' }, position: { x, y } };
}
const tie = (id: string, source: string, target: string, kind: TieKind = 'influence'): GraphEdge => ({ data: { id, source, target, kind, width: 1 } });

function model(nodes: GraphNode[], edges: GraphEdge[]): SphereGraphModel {
  return { nodes: new Map(nodes.map((n) => [n.data.id, n])), edges: new Map(edges.map((e) => [e.data.id, e])), layout: {} as SphereGraphModel['layout'], scores: new Map() };
}

// Two family contacts in Trust at (0,10) and (0,30), one business contact in Know at (100,0), one friend in Like at (-50,-50).
const people = [node('a', 'trust', 'family', 0, 10), node('b', 'trust', 'family', 0, 30), node('c', 'know', 'business', 100, 0), node('d', 'like', 'friends', -50, -50)];

describe('bundled ties', () => {
  it('joins each pair of cells once per kind, counting its ties, from the middle of each cell\'s people', () => {
    const m = model(people, [tie('t1', 'a', 'c'), tie('t2', 'c', 'b'), tie('t3', 'a', 'c', 'partner'), tie('t4', 'a', 'b'), tie('t5', 'd', 'a', 'referral'), tie('t6', 'a', 'd', 'referral')]);
    const bundles = bundleTies(m);
    const influence = bundles.filter((b) => b.kind === 'influence');
    // a–c and c–b are one influence bundle (either way round); a–b is inside one cell and has none.
    expect(influence).toHaveLength(1);
    expect(influence[0]!.count).toBe(2);
    const family = influence[0]!.cells.indexOf('trust|family');
    expect([influence[0]!.from, influence[0]!.to][family]).toEqual({ x: 0, y: 20 });
    expect(bundles.filter((b) => b.kind === 'partner').map((b) => b.count)).toEqual([1]);
    // Referrals keep their direction: d→a and a→d are two bundles.
    expect(bundles.filter((b) => b.kind === 'referral').map((b) => b.cells.join(' > ')).sort()).toEqual(['like|friends > trust|family', 'trust|family > like|friends']);
  });

  it('leaves out hidden people\'s ties and the ties drawn elsewhere', () => {
    const m = model(people, [tie('t1', 'a', 'c'), tie('t2', 'c', 'b'), tie('t3', 'd', 'c')]);
    expect(bundleTies(m, new Set(['d'])).reduce((n, b) => n + b.count, 0)).toBe(2);
    expect(bundleTies(m, null, new Set(['t1', 't3'])).reduce((n, b) => n + b.count, 0)).toBe(1);
    expect(bundleTies(model([], []))).toEqual([]);
  });
});

describe('ties in view', () => {
  const m = model(people, [tie('t1', 'a', 'b'), tie('t2', 'c', 'd'), tie('t3', 'b', 'c')]);
  const at = (id: string) => m.nodes.get(id)?.position;

  it('finds the ties with an end in view, or crossing it', () => {
    // A box around a and b only: t1 (both ends in it) and t3 (one); c–d runs from (100,0) to (-50,-50), outside it.
    expect(tiesInView(m, { x1: -5, y1: 5, x2: 5, y2: 35 }, at)!.map((e) => e.data.id)).toEqual(['t1', 't3']);
    // A box between c and d that neither end is in: only the line c–d crosses it.
    expect(tiesInView(m, { x1: 20, y1: -30, x2: 30, y2: -10 }, at)!.map((e) => e.data.id)).toEqual(['t2']);
  });

  it('gives up once there are more than it may draw one by one', () => {
    expect(tiesInView(m, { x1: -100, y1: -100, x2: 200, y2: 100 }, at, { upTo: 2 })).toBeNull();
    expect(tiesInView(m, { x1: -100, y1: -100, x2: 200, y2: 100 }, at, { upTo: 3 })).toHaveLength(3);
  });
});

describe('the spotlight', () => {
  it('holds a contact\'s ties, and two deep their neighbours\' ties too', () => {
    const m = model(people, [tie('t1', 'a', 'b'), tie('t2', 'b', 'c'), tie('t3', 'c', 'd')]);
    expect([...spotlightTies(m, ['a'])].sort()).toEqual(['t1']);
    expect([...spotlightTies(m, ['a'], 2)].sort()).toEqual(['t1', 't2']);
    expect([...spotlightTies(m, ['b', 'd'])].sort()).toEqual(['t1', 't2', 't3']);
    expect(spotlightTies(m, ['nobody']).size).toBe(0);
  });
});
