import { describe, expect, it } from 'vitest';
import { computeNetworkLayout } from './network-layout.ts';

describe('network layout', () => {
  it('places every node, and tied nodes nearer each other than untied ones on average', () => {
    // Two clusters of five, each a ring of ties, and no ties between them.
    const nodes = Array.from({ length: 10 }, (_, i) => ({ id: `n${i}`, size: 20 }));
    const edges = [0, 5].flatMap((base) => Array.from({ length: 5 }, (_, i) => ({ id: `e${base + i}`, source: `n${base + i}`, target: `n${base + ((i + 1) % 5)}` })));
    const p = computeNetworkLayout({ nodes, edges });
    expect(Object.keys(p)).toHaveLength(10);
    const d = (a: string, b: string) => Math.hypot(p[a]!.x - p[b]!.x, p[a]!.y - p[b]!.y);
    const within = [d('n0', 'n1'), d('n1', 'n2'), d('n5', 'n6'), d('n6', 'n7')];
    const across = [d('n0', 'n5'), d('n1', 'n6'), d('n2', 'n7'), d('n3', 'n8')];
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(within)).toBeLessThan(mean(across));
  });
});
