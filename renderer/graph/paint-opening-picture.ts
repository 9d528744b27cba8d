// Process: renderer. The opening picture, painted straight onto a canvas from a model (the host's, or the window's
// own for a big sphere) while Cytoscape takes its elements in: Cytoscape styles each of tens of thousands of
// elements before it draws any, which would leave the screen empty for seconds. The opening picture uses the same
// positions, sizes, colours and viewport, so the handover is seamless; it is cleared once Cytoscape has drawn
// everything.
import type { TieKind } from '../../shared/domain/sphere.ts';
import { FILL_FIELD, withTieKinds, type SphereGraphModel } from '../../shared/graph/sphere-model.ts';
import type { ColourMode } from '../../shared/graph/sphere-colours.ts';
import { TIE_DETAIL_ABOVE } from '../../shared/graph/tie-detail.ts';
import { drawTies } from './tie-layer.ts';
import type { Viewport } from './sphere-backdrop.ts';


export type OpeningPictureStyle = {
  colourBy: ColourMode;
  visibleTies: Record<TieKind, boolean>;
  dimOverdue: boolean;
  /** Contacts drawn away from their place: held by the pointer, or dropped and not yet stored. */
  moved?: ReadonlyMap<string, { x: number; y: number }>;
  /** Ringed as Cytoscape rings the selection: a click on the picture shows at once. */
  selectedId?: string | null;
};

/** Paints every contact and visible tie; returns how many elements it drew. */
export function paintOpeningPicture(canvas: HTMLCanvasElement, model: SphereGraphModel, viewport: Viewport, options: OpeningPictureStyle): number {
  const dpr = window.devicePixelRatio || 1;
  const { clientWidth: w, clientHeight: h } = canvas;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0;
  const { zoom, pan } = viewport;
  ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * pan.x, dpr * pan.y);
  let drawn = 0;

  // Ties as the graph draws them: bundled on a big sphere, one by one on a small one (tie-layer.ts).
  const visible = withTieKinds(model, options.visibleTies);
  const positionOf = (id: string) => options.moved?.get(id) ?? model.nodes.get(id)?.position;
  drawn += drawTies(ctx, { model: visible, viewport, size: { w, h }, positionOf, individual: visible.edges.size <= TIE_DETAIL_ABOVE }).ties;

  // People: one path per fill (and per dimming), each node a circle with the stylesheet's white rim.
  const byFill = new Map<string, Path2D>();
  for (const { data, position: home } of model.nodes.values()) {
    const position = options.moved?.get(data.id) ?? home;
    const key = `${data[FILL_FIELD[options.colourBy]]}|${options.dimOverdue && data.overdue ? 0.18 : 1}`;
    let path = byFill.get(key);
    if (!path) byFill.set(key, (path = new Path2D()));
    const r = data.size / 2;
    path.moveTo(position.x + r, position.y);
    path.arc(position.x, position.y, r, 0, Math.PI * 2);
    drawn++;
  }
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#ffffff';
  for (const [key, path] of byFill) {
    const [fill, alpha] = key.split('|');
    ctx.globalAlpha = Number(alpha);
    ctx.fillStyle = fill!;
    ctx.fill(path);
    ctx.stroke(path);
  }
  ctx.globalAlpha = 1;
  const selected = options.selectedId ? model.nodes.get(options.selectedId) : undefined;
  if (selected) {
    const { x, y } = options.moved?.get(selected.data.id) ?? selected.position;
    ctx.beginPath();
    ctx.arc(x, y, selected.data.size / 2, 0, Math.PI * 2);
    ctx.lineWidth = 3.5;
    ctx.strokeStyle = '#1b1a17';
    ctx.stroke();
  }
  return drawn;
}

/** Empties the canvas and gives its memory back. */
export function clearOpeningPicture(canvas: HTMLCanvasElement): void {
  canvas.width = 0;
  canvas.height = 0;
}
