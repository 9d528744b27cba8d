// Process: renderer (also runs inside a Web Worker). The "network" view's positions: a force-directed
// layout (fCoSE) that pulls referral clusters together. Pure of the DOM, so a worker can run it off the main thread.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

export type NetworkInput = { nodes: { id: string; size: number }[]; edges: { id: string; source: string; target: string }[] };
export type NetworkPositions = Record<string, { x: number; y: number }>;

export function computeNetworkLayout(input: NetworkInput): NetworkPositions {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
    elements: [
      ...input.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, size: n.size } })),
      ...input.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target } })),
    ],
  });
  cy.layout({ name: 'fcose', animate: false, randomize: true, quality: input.nodes.length > 3000 ? 'draft' : 'default', nodeRepulsion: () => 6000, idealEdgeLength: () => 70, packComponents: true } as cytoscape.LayoutOptions).run();
  const positions: NetworkPositions = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    positions[n.id()] = { x: p.x, y: p.y };
  });
  cy.destroy();
  return positions;
}
