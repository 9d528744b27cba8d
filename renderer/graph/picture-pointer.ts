// Process: renderer. The still picture answers the mouse while Cytoscape does not yet hold every element: a press on
// a contact selects it, a hover names it, a drag moves it and its release is a drop, all found through the picture's
// grid (picture-hits.ts). What the picture does not answer (a press on empty space: a pan) goes on to Cytoscape.
import type { SphereGraphModel } from '../../shared/graph/sphere-model.ts';
import type { Viewport } from './sphere-backdrop.ts';
import { hitsOf } from './picture-hits.ts';

type Point = { x: number; y: number };

export type PicturePointer = {
  /** The picture on screen, while it is the one to answer; null once Cytoscape answers for itself. */
  answering(): SphereGraphModel | null;
  /** Where the picture and Cytoscape are drawn: the same zoom and pan for both. */
  viewport(): Viewport;
  /** The pointer rests on a contact (`at` in the container's pixels), or left it. */
  hover(id: string | null, at: Point): void;
  select(id: string): void;
  /** A second click on the same contact within a double-click's time: bring out its neighbours (two ties deep with Shift). */
  focus?(id: string, depth: 1 | 2): void;
  /** Whether a contact is drawn (a filter may hide it): a hidden one is not under the pointer. */
  shown?(id: string): boolean;
  /** A contact is being dragged: `to` is where the pointer is, in the model's plane. */
  drag(id: string, to: Point): void;
  drop(id: string, at: Point): void;
};

/** Pixels the pointer moves with the button down before a press becomes a drag (a hand's tremor is a click). */
const DRAG_AFTER_PX = 3;
/** Pixels around a contact's rim that still count as on it: tiny contacts far out stay hittable. */
const SLOP_PX = 3;
/** Longest gap between the two clicks of a double-click, as most systems set it. */
const DOUBLE_CLICK_MS = 500;

/** Listens on `graph` (the element holding Cytoscape's container) and on the window; returns the unsubscribe. */
export function answerOnPicture(graph: HTMLElement, container: HTMLElement, pointer: PicturePointer): { pressed(): string | null; detach(): void } {
  const win = graph.ownerDocument.defaultView!;
  let press: { id: string; x: number; y: number; dragging: boolean } | null = null;
  let hovered: string | null = null;
  let lastClick = { id: '', at: -Infinity };

  const toModel = (e: MouseEvent): Point => {
    const viewport = pointer.viewport();
    const box = container.getBoundingClientRect();
    return { x: (e.clientX - box.left - viewport.pan.x) / viewport.zoom, y: (e.clientY - box.top - viewport.pan.y) / viewport.zoom };
  };
  const hit = (e: MouseEvent) => {
    const model = pointer.answering();
    if (!model) return null;
    const id = hitsOf(model).at(toModel(e), SLOP_PX / pointer.viewport().zoom);
    return id && (pointer.shown?.(id) ?? true) ? id : null;
  };
  const inContainer = (e: MouseEvent) => e.target instanceof Node && container.contains(e.target);
  const setHover = (id: string | null, e: MouseEvent) => {
    // Told again on every move over a contact: the tip may have been taken away meanwhile (the view moved).
    if (id === null && hovered === null) return;
    hovered = id;
    const box = container.getBoundingClientRect();
    pointer.hover(id, { x: e.clientX - box.left, y: e.clientY - box.top });
  };

  // Capture on the parent: Cytoscape's own listener on its container never sees a press the picture took.
  const down = (e: MouseEvent) => {
    if (e.button !== 0 || !inContainer(e)) return;
    const found = hit(e);
    if (!found) return;
    e.stopPropagation();
    e.preventDefault();
    press = { id: found, x: e.clientX, y: e.clientY, dragging: false };
  };
  // Capture on the window: ahead of Cytoscape's window listeners, which would hit-test every element it has so far.
  const move = (e: MouseEvent) => {
    if (press) {
      e.stopPropagation();
      if (!press.dragging && Math.hypot(e.clientX - press.x, e.clientY - press.y) < DRAG_AFTER_PX) return;
      press.dragging = true;
      setHover(null, e);
      pointer.drag(press.id, toModel(e));
      return;
    }
    if (!inContainer(e)) return setHover(null, e);
    const found = hit(e);
    setHover(found, e);
    if (found) e.stopPropagation();
  };
  const up = (e: MouseEvent) => {
    const done = press;
    if (!done || e.button !== 0) return;
    press = null;
    e.stopPropagation();
    // Even if Cytoscape took over meanwhile, a press begun on the picture ends here: the drop lands where the pointer let go.
    if (done.dragging) return pointer.drop(done.id, toModel(e));
    pointer.select(done.id);
    const now = performance.now();
    if (lastClick.id === done.id && now - lastClick.at <= DOUBLE_CLICK_MS) {
      lastClick = { id: '', at: -Infinity };
      pointer.focus?.(done.id, e.shiftKey ? 2 : 1);
    } else lastClick = { id: done.id, at: now };
  };
  graph.addEventListener('mousedown', down, true);
  win.addEventListener('mousemove', move, true);
  win.addEventListener('mouseup', up, true);
  return {
    pressed: () => press?.id ?? null,
    detach() {
      graph.removeEventListener('mousedown', down, true);
      win.removeEventListener('mousemove', move, true);
      win.removeEventListener('mouseup', up, true);
    },
  };
}
