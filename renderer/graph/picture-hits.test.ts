import { describe, expect, it } from 'vitest';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { buildSphereModel } from '../../shared/graph/sphere-model.ts';
import { indexPicture } from './picture-hits.ts';

const model = buildSphereModel(generateSphere({ seed: 4, contacts: 3000, ties: 100 }), Date.UTC(2026, 0, 1));
const nodes = [...model.nodes.values()];

/** Every contact, one by one: the answer the grid must give. */
function bruteForce(x: number, y: number, slop: number): string | null {
  let found: string | null = null;
  for (const { data, position } of nodes) if (Math.hypot(x - position.x, y - position.y) <= data.size / 2 + slop) found = data.id;
  return found;
}

describe('hits on the still picture', () => {
  const hits = indexPicture(model);

  it('finds every contact at its own centre, or the one drawn over it', () => {
    for (const { data, position } of nodes) expect(hits.at(position)).toBe(bruteForce(position.x, position.y, 0) ?? data.id);
  });

  it('answers any point as a search through every contact would, rims and gaps included', () => {
    const r = model.layout.outerRadius * 1.1;
    let found = 0;
    for (let i = 0; i < 4000; i++) {
      // A spiral of points over the whole sphere and beyond it: deterministic, and dense enough to cross rims.
      const a = i * 2.399963;
      const d = r * Math.sqrt(i / 4000);
      const x = d * Math.cos(a);
      const y = d * Math.sin(a);
      for (const slop of [0, 5, 120]) {
        const want = bruteForce(x, y, slop);
        if (want) found++;
        expect(hits.at({ x, y }, slop)).toBe(want);
      }
    }
    // The points hit contacts and miss them: both halves of the answer were checked.
    expect(found).toBeGreaterThan(1000);
    expect(found).toBeLessThan(12000);
  });

  it('finds nobody in the empty centre or outside the sphere', () => {
    expect(hits.at({ x: 0, y: 0 })).toBeNull();
    expect(hits.at({ x: model.layout.outerRadius * 3, y: 0 }, 10)).toBeNull();
  });
});
