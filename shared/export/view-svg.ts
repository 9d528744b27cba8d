// Process: any (pure). The graph view as SVG: the rings, the ties and the people as they are drawn on screen
// (positions, sizes, colours, what is faded), in the view's own frame, so the file looks like the window.
import { RING_LABELS, type Ring } from '../domain/sphere.ts';
import { xmlText } from './xml-text.ts';

export type ViewNode = { x: number; y: number; size: number; fill: string; label: string; opacity: number };
export type ViewEdge = { x1: number; y1: number; x2: number; y2: number; colour: string; width: number; opacity: number };
export type ViewPicture = {
  /** The view's size in pixels, and how the model is panned and zoomed into it. */
  width: number;
  height: number;
  zoom: number;
  pan: { x: number; y: number };
  /** Ring bands round "you" (the sphere view); none in the network view. */
  rings: { ring: Ring; inner: number; outer: number }[];
  centreRadius: number | null;
  nodes: ViewNode[];
  edges: ViewEdge[];
};

const BAND_FILL: Record<Ring, string> = { trust: '#f3ecdb', like: '#f7f2e6', know: '#f5f6f7', prospect: '#fafbfb' };

export function viewSvg(view: ViewPicture): string {
  const out: string[] = [];
  const n = (v: number) => String(Math.round(v * 100) / 100);
  const colour = (c: string) => (/^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\)|[a-z]+)$/i.test(c) ? c : '#888888');
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${n(view.width)}" height="${n(view.height)}" viewBox="0 0 ${n(view.width)} ${n(view.height)}" font-family="system-ui, sans-serif">`);
  out.push(`  <rect width="100%" height="100%" fill="#ffffff"/>`);
  out.push(`  <g transform="translate(${n(view.pan.x)} ${n(view.pan.y)}) scale(${Math.round(view.zoom * 10000) / 10000})">`);
  for (const band of [...view.rings].reverse()) {
    out.push(`    <circle r="${n(band.outer)}" fill="${BAND_FILL[band.ring]}" stroke="#d6d2c8" stroke-width="${n(1 / view.zoom)}"/>`);
  }
  for (const band of view.rings) {
    out.push(`    <text x="0" y="${n(-band.outer + 14 / view.zoom)}" text-anchor="middle" font-size="${n(11 / view.zoom)}" fill="#8a8474">${xmlText(RING_LABELS[band.ring])}</text>`);
  }
  if (view.centreRadius) out.push(`    <circle r="${n(view.centreRadius)}" fill="#ffffff" stroke="#b8ae94"/><text y="4" text-anchor="middle" font-size="12" fill="#5a5446">You</text>`);
  for (const e of view.edges) {
    out.push(`    <line x1="${n(e.x1)}" y1="${n(e.y1)}" x2="${n(e.x2)}" y2="${n(e.y2)}" stroke="${colour(e.colour)}" stroke-width="${n(e.width)}" opacity="${n(e.opacity)}"/>`);
  }
  for (const node of view.nodes) {
    out.push(`    <g opacity="${n(node.opacity)}"><title>${xmlText(node.label)}</title><circle cx="${n(node.x)}" cy="${n(node.y)}" r="${n(node.size / 2)}" fill="${colour(node.fill)}" stroke="#ffffff" stroke-width="1"/>`);
    out.push(`      <text x="${n(node.x)}" y="${n(node.y + node.size / 2 + 10)}" text-anchor="middle" font-size="9" fill="#333333">${xmlText(node.label)}</text></g>`);
  }
  out.push('  </g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
