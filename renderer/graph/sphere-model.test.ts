import { describe, expect, it } from 'vitest';
import { buildSphereModel, diffModels, MAX_NODE, MIN_NODE } from './sphere-model.ts';
import { generateSphere } from '../../shared/sample-sphere.ts';

const now = Date.UTC(2026, 0, 1);

describe('sphere graph model', () => {
  it('draws one node per contact and one edge per tie between drawn contacts', () => {
    const docs = generateSphere({ seed: 1, contacts: 200 });
    const model = buildSphereModel(docs, now);
    expect(model.nodes.size).toBe(200);
    expect(model.edges.size).toBe(docs.ties.length);
    const coi = docs.contacts.find((c) => c.roles.includes('centerOfInfluence'))!;
    expect(model.nodes.get(coi.id)!.data.mark).toBe('coi');
  });

  it('sizes nodes by trust score', () => {
    const model = buildSphereModel(generateSphere({ seed: 2, contacts: 300 }), now);
    const nodes = [...model.nodes.values()].sort((a, b) => a.data.score - b.data.score);
    for (const n of nodes) {
      expect(n.data.size).toBeGreaterThanOrEqual(MIN_NODE);
      expect(n.data.size).toBeLessThanOrEqual(MAX_NODE);
    }
    expect(nodes[nodes.length - 1]!.data.size).toBeGreaterThan(nodes[0]!.data.size);
  });

  it('diffs to exactly what changed', () => {
    const docs = generateSphere({ seed: 3, contacts: 120 });
    const before = buildSphereModel(docs, now);
    expect(diffModels(null, before).addNodes).toHaveLength(120);
    expect(diffModels(before, buildSphereModel(docs, now))).toEqual({ addNodes: [], updateNodes: [], moveNodes: [], removeNodes: [], addEdges: [], updateEdges: [], removeEdges: [] });

    const moved = docs.contacts[0]!;
    const changed = { ...docs, contacts: docs.contacts.slice(1).concat({ ...moved, ring: moved.ring === 'trust' ? 'know' : 'trust' }) };
    const diff = diffModels(before, buildSphereModel(changed, now));
    expect(diff.updateNodes.map((n) => n.data.id)).toContain(moved.id);
    expect(diff.addNodes).toEqual([]);
    expect(diff.removeNodes).toEqual([]);

    const removed = { ...docs, contacts: docs.contacts.slice(1) };
    const gone = diffModels(before, buildSphereModel(removed, now));
    expect(gone.removeNodes).toEqual([moved.id]);
    expect(gone.removeEdges.length).toBe(docs.ties.filter((t) => t.from === moved.id || t.to === moved.id).length);
  });
});
