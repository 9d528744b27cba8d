// Process: renderer. A big sphere's ties, drawn on a canvas of their own under the people (shared/graph/tie-detail.ts
// says why): bundles at sphere zoom, each tie once few touch the view. Cytoscape then holds the people and only the
// ties drawn over everything (the selection's), so a frame, a drop or a handover no longer walks 30,000 lines.
// The opening picture paints its ties with the same function, so the two look the same.
import type { TieKind } from '../../shared/domain/sphere.ts';
import type { SphereGraphModel } from '../../shared/graph/sphere-model.ts';
import { TIE_COLOURS } from '../../shared/graph/sphere-colours.ts';
import { bundleTies, bundleWidth, INDIVIDUAL_TIES_UP_TO, tiesInView, type TieBundle } from '../../shared/graph/tie-detail.ts';
import type { ViewEdge } from '../../shared/export/view-svg.ts';
import type { Viewport } from './sphere-backdrop.ts';

type Point = { x: number; y: number };

/** Tie opacities as the stylesheet draws them. */
export const TIE_ALPHA: Record<TieKind, number> = { referral: 0.5, influence: 0.4, partner: 0.45, personal: 0.32 };
/** Bundles of different kinds between the same cells run side by side, this many pixels apart. */
const KIND_OFFSET: Record<TieKind, number> = { referral: -1.5, influence: -0.5, partner: 0.5, personal: 1.5 };
const KIND_GAP_PX = 3;
/** How much of a bundle's way it bends towards "you": the sphere reads as flows through its middle, not a web of chords. */
const BEND = 0.35;
/** Opacity left to the ties behind a focus, as the stylesheet fades everything outside it. */
const FADED = 0.12;

export type TieScene = {
  model: SphereGraphModel;
  viewport: Viewport;
  /** Size of the view in CSS pixels. */
  size: { w: number; h: number };
  hidden?: ReadonlySet<string> | null;
  /** Ties drawn elsewhere (by Cytoscape, over everything). */
  skip?: ReadonlySet<string> | null;
  /** Where a person is drawn, when not at the model's place (a drag, the network view). */
  positionOf?: (id: string) => Point | undefined;
  /** Every tie one by one, whatever their number (the network view: its positions have no cells to bundle by). */
  individual?: boolean;
  faded?: boolean;
};

const bundlesMade = new WeakMap<SphereGraphModel, { hidden: TieScene['hidden']; skip: TieScene['skip']; bundles: TieBundle[] }>();

export type TiesDrawn = { mode: 'bundles' | 'ties'; ties: number; lines: ViewEdge[] };

/**
 * Draws the scene's ties on `ctx`, whose transform already maps model units to the canvas (zoom and pan);
 * returns what it drew, as lines a picture file can repeat.
 */
export function drawTies(ctx: CanvasRenderingContext2D, scene: TieScene): TiesDrawn {
  const { model, viewport, size } = scene;
  const positionOf = scene.positionOf ?? ((id: string) => model.nodes.get(id)?.position);
  const { zoom, pan } = viewport;
  // The view in model units, with a margin so a line leaving the screen is not cut at the border.
  const margin = 40 / zoom;
  const box = { x1: -pan.x / zoom - margin, y1: -pan.y / zoom - margin, x2: (size.w - pan.x) / zoom + margin, y2: (size.h - pan.y) / zoom + margin };
  const each = tiesInView(model, box, positionOf, { upTo: scene.individual ? Infinity : INDIVIDUAL_TIES_UP_TO, hidden: scene.hidden, skip: scene.skip });
  const fade = scene.faded ? FADED : 1;
  const lines: ViewEdge[] = [];
  if (each) {
    // One path per kind and width, so thousands of lines cost a handful of strokes.
    const paths = new Map<string, { path: Path2D; kind: TieKind; width: number }>();
    for (const { data } of each) {
      const a = positionOf(data.source)!;
      const b = positionOf(data.target)!;
      const key = `${data.kind}|${data.width}`;
      let entry = paths.get(key);
      if (!entry) paths.set(key, (entry = { path: new Path2D(), kind: data.kind, width: data.width }));
      entry.path.moveTo(a.x, a.y);
      entry.path.lineTo(b.x, b.y);
      lines.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, colour: TIE_COLOURS[data.kind], width: data.width, opacity: TIE_ALPHA[data.kind] * fade });
    }
    for (const { path, kind, width } of paths.values()) {
      ctx.globalAlpha = TIE_ALPHA[kind] * fade;
      ctx.strokeStyle = TIE_COLOURS[kind];
      ctx.lineWidth = width;
      ctx.stroke(path);
    }
    ctx.globalAlpha = 1;
    return { mode: 'ties', ties: each.length, lines };
  }
  // Bundles move with nobody but the people held by the pointer: at the model's places they are made once per
  // model, filter and selection, not on every frame of a pan (150,000 ties at 50,000 people).
  let bundles: TieBundle[];
  const kept = scene.positionOf ? undefined : bundlesMade.get(model);
  if (kept && kept.hidden === scene.hidden && kept.skip === scene.skip) bundles = kept.bundles;
  else {
    bundles = bundleTies(model, scene.hidden, scene.skip, positionOf);
    if (!scene.positionOf) bundlesMade.set(model, { hidden: scene.hidden, skip: scene.skip, bundles });
  }
  let ties = 0;
  ctx.lineCap = 'round';
  for (const bundle of bundles) {
    ties += bundle.count;
    const { from, to } = bundle;
    // Side by side by kind: shifted across the line by a few pixels, whatever the zoom.
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    const shift = (KIND_OFFSET[bundle.kind] * KIND_GAP_PX) / zoom;
    const ox = (-dy / length) * shift;
    const oy = (dx / length) * shift;
    const a = { x: from.x + ox, y: from.y + oy };
    const b = { x: to.x + ox, y: to.y + oy };
    // Bent towards the centre of the sphere ("you", at the origin).
    const control = { x: ((a.x + b.x) / 2) * (1 - BEND), y: ((a.y + b.y) / 2) * (1 - BEND) };
    const width = bundleWidth(bundle.count) / zoom;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.quadraticCurveTo(control.x, control.y, b.x, b.y);
    ctx.globalAlpha = Math.min(0.55, TIE_ALPHA[bundle.kind] * 0.9) * fade;
    ctx.strokeStyle = TIE_COLOURS[bundle.kind];
    ctx.lineWidth = width;
    ctx.stroke();
    lines.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, colour: TIE_COLOURS[bundle.kind], width, opacity: ctx.globalAlpha });
  }
  ctx.globalAlpha = 1;
  ctx.lineCap = 'butt';
  return { mode: 'bundles', ties, lines };
}

export type TieLayer = {
  /** Draws again in the next frame (several asks in one frame draw once). */
  schedule(): void;
  /** What the last drawing showed: null when the layer is empty (a small sphere's ties are Cytoscape's). */
  drawn(): TiesDrawn | null;
  destroy(): void;
};

/** The canvas's scene, asked for when it draws: null leaves it empty. */
export function createTieLayer(canvas: HTMLCanvasElement, scene: () => TieScene | null): TieLayer {
  let frame = 0;
  let last: TiesDrawn | null = null;
  const draw = () => {
    frame = 0;
    const now = scene();
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(canvas.clientWidth * dpr);
    const h = Math.round(canvas.clientHeight * dpr);
    if (!now) {
      if (last || canvas.width) {
        canvas.width = 0;
        canvas.height = 0;
      }
      last = null;
      return;
    }
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const { zoom, pan } = now.viewport;
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * pan.x, dpr * pan.y);
    last = drawTies(ctx, now);
  };
  return {
    schedule() {
      frame ||= requestAnimationFrame(draw);
    },
    drawn: () => last,
    destroy() {
      cancelAnimationFrame(frame);
    },
  };
}
