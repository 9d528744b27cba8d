// Process: renderer. A contact dragged on a big sphere, drawn on a canvas of its own above the graph. On a sphere of
// thousands Cytoscape's grab and release each cost a full drawing of everyone (a tenth of a second at 10,000, most
// of a second at 50,000), so there the pointer's grid (picture-pointer.ts) takes the drag, and this draws the
// contact where the pointer holds it, joined to where it was, until the store's change puts it in its new place.
import { FILL_FIELD, type NodeData } from '../../shared/graph/sphere-model.ts';
import type { ColourMode } from '../../shared/graph/sphere-colours.ts';
import type { Viewport } from './sphere-backdrop.ts';

export type Ghost = { data: NodeData; from: { x: number; y: number }; at: { x: number; y: number } };

/** Draws each ghost (empty: clears the canvas and gives its memory back). */
export function paintGhosts(canvas: HTMLCanvasElement, ghosts: readonly Ghost[], viewport: Viewport, colourBy: ColourMode): void {
  if (!ghosts.length) {
    if (canvas.width) {
      canvas.width = 0;
      canvas.height = 0;
    }
    return;
  }
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(canvas.clientWidth * dpr);
  canvas.height = Math.round(canvas.clientHeight * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { zoom, pan } = viewport;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  for (const { data, from, at } of ghosts) {
    const a = { x: pan.x + from.x * zoom, y: pan.y + from.y * zoom };
    const b = { x: pan.x + at.x * zoom, y: pan.y + at.y * zoom };
    // Where it comes from: a dashed line back to its place, which it keeps until the move is stored.
    ctx.setLineDash([4, 4]);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#1b1a17';
    ctx.globalAlpha = 0.6;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    // At least a finger's width across, however far out the view: the user sees what they hold.
    const r = Math.max(7, (data.size / 2) * zoom);
    ctx.beginPath();
    ctx.arc(b.x, b.y, r, 0, Math.PI * 2);
    ctx.fillStyle = data[FILL_FIELD[colourBy]];
    ctx.fill();
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = '#1b1a17';
    ctx.stroke();
  }
}
