import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { buildSphereModel, diffModels } from '../../shared/graph/sphere-model.ts';
import { handOverGradually, isAdditionsOnly } from './gradual-handover.ts';

const model = buildSphereModel(generateSphere({ seed: 8, contacts: 3000, ties: 9000 }), Date.UTC(2026, 0, 1));

describe('handing a big sphere to Cytoscape a slice at a time', () => {
  it('ends with every contact where the model puts it and every tie, and says so once', async () => {
    const cy = cytoscape({ headless: true });
    const diff = diffModels(null, model);
    expect(isAdditionsOnly(diff)).toBe(true);
    let done = 0;
    await new Promise<void>((resolve) => {
      handOverGradually(cy, diff, null, () => {
        done++;
        resolve();
      });
    });
    expect(cy.nodes().length).toBe(model.nodes.size);
    expect(cy.edges().length).toBe(model.edges.size);
    const [id, node] = [...model.nodes][1234]!;
    expect(cy.getElementById(id).position()).toEqual(node.position);
    // Nothing left queued that would call it again.
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toBe(1);
  });

  it('leaves a change that is not only additions to be applied at once', () => {
    const moved = buildSphereModel(generateSphere({ seed: 8, contacts: 3000, ties: 9000 }), Date.UTC(2026, 0, 1));
    const [id, node] = [...moved.nodes][0]!;
    moved.nodes.set(id, { ...node, position: { x: node.position.x + 10, y: node.position.y } });
    expect(isAdditionsOnly(diffModels(model, moved))).toBe(false);
  });
});
