// Process: benchmark page (browser). The peer: the same graph drawn by Cytoscape's stock setup —
// canvas renderer, built-in concentric layout, default style — timed from navigation start like ours.
import cytoscape from 'cytoscape';

type Data = { nodes: { id: string }[]; edges: { id: string; source: string; target: string }[] };

const data = (await (await fetch('./graph.json')).json()) as Data;
const cy = cytoscape({
  container: document.getElementById('cy'),
  elements: [...data.nodes.map((n) => ({ data: { id: n.id } })), ...data.edges.map((e) => ({ data: e }))],
  layout: { name: 'concentric' },
});
cy.one('render', () => {
  requestAnimationFrame(() => {
    (window as unknown as { __bench: unknown }).__bench = { paintMs: performance.now(), nodes: cy.nodes().length };
  });
});
