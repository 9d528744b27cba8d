// Process: renderer. The opening picture, painted straight onto a canvas from a model (the host's, or the window's
// own for a big sphere) while Cytoscape takes its elements in: Cytoscape styles each of tens of thousands of
// elements before it draws any, which would leave the screen empty for seconds. The opening picture uses the same
// positions, sizes, colours and viewport, so the handover is seamless; it is cleared once Cytoscape has drawn
// everything.
import type { TieKind } from '../../shared/domain/sphere.ts';
import type { NodeData, SphereGraphModel } from '../../shared/graph/sphere-model.ts';
import { TIE_COLOURS, type ColourMode } from '../../shared/graph/sphere-colours.ts';
import type { Viewport } from './sphere-backdrop.ts';

/** Tie opacities as the stylesheet draws them. */
const TIE_ALPHA: Record<TieKind, number> = { referral: 0.5, influence: 0.4, partner: 0.45, personal: 0.32 };
const FILL: Record<ColourMode, keyof Pick<NodeData, 'categoryFill' | 'stageFill' | 'touchFill' | 'trustFill'>> = { category: 'categoryFill', stage: 'stageFill', touch: 'touchFill', trust: 'trustFill' };

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

  // Ties: one path per kind, so tens of thousands of lines cost a handful of strokes.
  const byKind = new Map<TieKind, Path2D>();
  for (const { data } of model.edges.values()) {
    if (!options.visibleTies[data.kind]) continue;
    const from = options.moved?.get(data.source) ?? model.nodes.get(data.source)?.position;
    const to = options.moved?.get(data.target) ?? model.nodes.get(data.target)?.position;
    if (!from || !to) continue;
    let path = byKind.get(data.kind);
    if (!path) byKind.set(data.kind, (path = new Path2D()));
    path.moveTo(from.x, from.y);
    path.lineTo(to.x, to.y);
    drawn++;
  }
  ctx.lineWidth = 1;
  for (const [kind, path] of byKind) {
    ctx.globalAlpha = TIE_ALPHA[kind];
    ctx.strokeStyle = TIE_COLOURS[kind];
    ctx.stroke(path);
  }

  // People: one path per fill (and per dimming), each node a circle with the stylesheet's white rim.
  const byFill = new Map<string, Path2D>();
  for (const { data, position: home } of model.nodes.values()) {
    const position = options.moved?.get(data.id) ?? home;
    const key = `${data[FILL[options.colourBy]]}|${options.dimOverdue && data.overdue ? 0.18 : 1}`;
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
