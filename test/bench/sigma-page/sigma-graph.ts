// Process: benchmark page (browser). The second peer: the same graph drawn by sigma.js, the WebGL renderer people
// choose for large graphs, at the sphere's own positions, sizes and colours, timed from navigation start like ours.
import Graph from 'graphology';
import Sigma from 'sigma';

type Data = { nodes: { id: string; x: number; y: number; size: number; color: string }[]; edges: { id: string; source: string; target: string; color: string }[] };

const data = (await (await fetch('./graph.json')).json()) as Data;
const graph = new Graph({ multi: true });
for (const n of data.nodes) graph.addNode(n.id, { x: n.x, y: -n.y, size: n.size, color: n.color });
for (const e of data.edges) graph.addEdgeWithKey(e.id, e.source, e.target, { color: e.color });
const renderer = new Sigma(graph, document.getElementById('graph')!, { settings: { renderLabels: false, hideEdgesOnMove: false } });
// Sigma draws in its own animation frame: one frame on, the graph is on screen.
requestAnimationFrame(() => {
  requestAnimationFrame(() => {
    (window as unknown as { __bench: unknown }).__bench = { paintMs: performance.now(), nodes: renderer.getGraph().order };
  });
});
