// Process: renderer. Names on the graph: after each zoom or pan (and each change of who is shown), the names that
// fit are chosen by shared/graph/label-placement.ts and handed to Cytoscape as a class and a few data fields, so
// a name reads at the same size at any zoom. Only on-screen nodes are candidates, and at most a few hundred win.
import type { Core, NodeSingular } from 'cytoscape';
import { placeLabels, type Box, type LabelCandidate, type LabelSide } from '../../shared/graph/label-placement.ts';

/** The size names are drawn at on screen, in pixels, whatever the zoom. */
export const LABEL_PX = 11;
const FONT = 'system-ui, sans-serif';
const GAP_PX = 3;
const OUTLINE_PX = 2;
const MAX_LABELS = 250;
/** Quiet time after the last viewport event before names are placed again: not on every frame of a gesture. */
const SETTLE_MS = 120;

export type LabelLayer = {
  /** Place names again soon (the view moved), or at once. */
  schedule(now?: boolean): void;
  /** People named whatever the room: the selected and the hovered contact. */
  pin(ids: readonly string[]): void;
  /** Names wait to be placed again (the view or the people moved a moment ago). */
  pending(): boolean;
  /** Ids named right now. */
  shown(): string[];
  destroy(): void;
};

export type LabelPriority = (node: NodeSingular) => number;

/**
 * `priority` ranks people for the names (read at each placement); `fixed` gives what else on screen names must
 * not cover, in the container's pixels ("you" in the centre of the sphere).
 */
export function createLabelLayer(cy: Core, priority: () => LabelPriority, fixed: () => Box[] = () => []): LabelLayer {
  const widths = new Map<string, number>();
  const measure = document.createElement('canvas').getContext('2d');
  if (measure) measure.font = `${LABEL_PX}px ${FONT}`;
  const textWidth = (text: string) => {
    let w = widths.get(text);
    if (w === undefined) widths.set(text, (w = measure ? measure.measureText(text).width : text.length * LABEL_PX * 0.6));
    return w;
  };
  let pinned = new Set<string>();
  let shown = new Map<string, LabelSide>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const place = () => {
    timer = null;
    if (cy.destroyed()) return;
    const zoom = cy.zoom();
    const pan = cy.pan();
    const view = { w: cy.width(), h: cy.height() };
    const rank = priority();
    // Boxes as Cytoscape measures them (its label bounds): the text, widened on every side by the outline and by
    // a margin of error of 2 graph units. Planning with the same boxes is what keeps drawn names apart.
    const spread = OUTLINE_PX + 2 * zoom;
    const candidates: LabelCandidate[] = [];
    // Everyone drawn is an obstacle, as the square inside their circle: a name may graze a rim, never cover a person.
    const obstacles: Box[] = fixed();
    // Names are part of what a filter or a focus hides: only people drawn in full can be named.
    cy.nodes().forEach((node) => {
      if (node.hasClass('filtered') || node.hasClass('faded')) return;
      const label = String(node.data('label') ?? '');
      if (!label) return;
      const p = node.position();
      const x = p.x * zoom + pan.x;
      const y = p.y * zoom + pan.y;
      const radius = (Number(node.data('size')) / 2) * zoom;
      if (x < -radius || y < -radius || x > view.w + radius || y > view.h + radius) return;
      const inner = radius * 0.7;
      obstacles.push({ x1: x - inner, y1: y - inner, x2: x + inner, y2: y + inner });
      candidates.push({ id: node.id(), x, y, radius, width: textWidth(label) + 2 * spread, height: LABEL_PX + 2 * spread, priority: rank(node), pinned: pinned.has(node.id()) });
    });
    const placed = placeLabels(candidates, { view, gap: GAP_PX, margin: 1, max: MAX_LABELS, obstacles });
    const next = new Map(placed.map((p) => [p.id, p.side] as const));
    // Sizes are in the graph's own units, so they change with every zoom: set on every name shown. The text sits
    // `spread` inside its planned box.
    const size = LABEL_PX / zoom;
    const gap = (GAP_PX + spread) / zoom;
    cy.batch(() => {
      for (const id of shown.keys()) if (!next.has(id)) cy.getElementById(id).removeClass('labelled label-bottom label-top label-right label-left');
      for (const [id, side] of next) {
        const node = cy.getElementById(id);
        // Asked of the node itself: a contact the model re-added since the last placement has no classes yet.
        if (!node.hasClass(`label-${side}`)) node.removeClass('label-bottom label-top label-right label-left').addClass(`labelled label-${side}`);
        if (node.data('labelSize') !== size) node.data({ labelSize: size, labelGap: gap, labelGapUp: -gap, labelOutline: OUTLINE_PX / zoom });
      }
    });
    shown = next;
  };

  const schedule = (now = false) => {
    if (timer) clearTimeout(timer);
    if (now) place();
    else timer = setTimeout(place, SETTLE_MS);
  };
  const onViewport = () => schedule();
  // People move without the view moving too: a drag, the network view's layout, a replayed day's glide.
  cy.on('viewport resize position', onViewport);
  return {
    schedule,
    pin(ids) {
      const next = new Set(ids);
      if (next.size === pinned.size && [...next].every((id) => pinned.has(id))) return;
      pinned = next;
      schedule(true);
    },
    pending: () => timer !== null,
    shown: () => [...shown.keys()],
    destroy() {
      if (timer) clearTimeout(timer);
      cy.off('viewport resize position', onViewport);
    },
  };
}
