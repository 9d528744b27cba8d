// Process: renderer. The graph view on screen as a picture file: PNG from Cytoscape's own renderer over the ring
// backdrop, SVG from the drawn positions and styles (shared/export/view-svg.ts). The mounted graph registers
// itself here, so the Export view command needs no path through the React tree.
import type { Core } from 'cytoscape';
import type { SphereLayout } from '../../shared/graph/sphere-layout.ts';
import { viewSvg as drawSvg, type ViewEdge } from '../../shared/export/view-svg.ts';

export type ViewSource = {
  cy: Core;
  backdrop: () => HTMLCanvasElement | null;
  /** A big sphere's ties, drawn beside Cytoscape (tie-layer.ts): its canvas, and the lines it drew. */
  ties: () => HTMLCanvasElement | null;
  tieLines: () => ViewEdge[];
  layout: () => SphereLayout | null;
};

let source: ViewSource | null = null;

/** Called by the graph when it mounts; the returned function forgets it on unmount. */
export function setViewSource(next: ViewSource): () => void {
  source = next;
  return () => {
    if (source === next) source = null;
  };
}

function current(): ViewSource {
  if (!source || source.cy.destroyed()) throw new Error('the graph is not on screen');
  return source;
}

/** What is on screen, at twice its pixels so it prints sharp: the rings first, the people and ties over them. */
export async function viewPng(scale = 2): Promise<Blob> {
  const { cy, backdrop, ties } = current();
  const width = cy.width();
  const height = cy.height();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this window cannot draw a picture');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const rings = backdrop();
  if (rings && rings.width > 0) ctx.drawImage(rings, 0, 0, canvas.width, canvas.height);
  const lines = ties();
  if (lines && lines.width > 0) ctx.drawImage(lines, 0, 0, canvas.width, canvas.height);
  const graph = new Image();
  graph.src = cy.png({ output: 'base64uri', full: false, scale, bg: 'transparent' } as never) as unknown as string;
  await graph.decode();
  ctx.drawImage(graph, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be made'))), 'image/png'));
}

export function viewSvg(): string {
  const { cy, layout, tieLines } = current();
  const rings = layout();
  const nodes = cy.nodes(':visible').map((node) => ({
    x: node.position('x'),
    y: node.position('y'),
    size: Number(node.data('size')) || 14,
    fill: String(node.style('background-color')),
    label: String(node.data('label') ?? ''),
    opacity: Number(node.style('opacity')) || 1,
  }));
  const edges = [...tieLines(), ...cy.edges(':visible').map((edge) => ({
    x1: edge.source().position('x'),
    y1: edge.source().position('y'),
    x2: edge.target().position('x'),
    y2: edge.target().position('y'),
    colour: String(edge.style('line-color')),
    width: Number(edge.data('width')) || 1,
    opacity: Number(edge.style('opacity')) || 1,
  }))];
  return drawSvg({ width: cy.width(), height: cy.height(), zoom: cy.zoom(), pan: cy.pan(), rings: rings?.rings ?? [], centreRadius: rings?.centreRadius ?? null, nodes, edges });
}
