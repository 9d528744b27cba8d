// Process: renderer. The wheel zooms like a map: a notch is a fifth closer or further, about the pointer, eased over
// a few frames; a trackpad pinch (a wheel event with ctrlKey in Chromium) follows the fingers. Cytoscape's own
// wheel handler guesses the device from the first deltas and settled on about 1% a notch, so it never sees the
// wheel: this listens on the graph's wrapper, in the capture phase, before Cytoscape's container does.
import type { Core } from 'cytoscape';

/** Zoom per pixel of wheel delta: a 100 px notch is 1.2× (ln 1.2 / 100). */
const PER_PIXEL = Math.log(1.2) / 100;
/** A pinch reports small deltas many times a second: it needs more zoom per pixel to follow the fingers. */
const PER_PIXEL_PINCH = 0.01;
/** Pixels a "line" and a "page" of wheel delta stand for (deltaMode 1 and 2, Firefox and some mice). */
const LINE_PX = 40;
const PAGE_PX = 800;
/** Share of the remaining zoom covered each frame: about 100 ms to settle at 60 frames a second. */
const EASE = 0.35;
/** Milliseconds the wheel rests before the zoom counts as over (Cytoscape's own wheel handler waits as long). */
const REST_MS = 150;

/** The zoom one wheel event asks for: above 1 zooms in (the wheel rolled away from the user, or fingers spread). */
export function wheelFactor(e: Pick<WheelEvent, 'deltaY' | 'deltaMode' | 'ctrlKey'>): number {
  const px = e.deltaMode === 1 ? e.deltaY * LINE_PX : e.deltaMode === 2 ? e.deltaY * PAGE_PX : e.deltaY;
  // One event never jumps more than three notches: a flung wheel or a page delta stays in hand.
  const clamped = Math.max(-300, Math.min(300, px));
  return Math.exp(-clamped * (e.ctrlKey ? PER_PIXEL_PINCH : PER_PIXEL));
}

export type WheelZoom = {
  /** A wheel zoom is still easing towards its target. */
  busy(): boolean;
  destroy(): void;
};

export function attachWheelZoom(cy: Core, wrapper: HTMLElement, container: HTMLElement): WheelZoom {
  /** Where the zoom is heading, and the point (in the container's pixels) that stays under the pointer. */
  let target: number | null = null;
  let anchor = { x: 0, y: 0 };
  let frame = 0;
  // Cytoscape's renderer is told a wheel zoom is under way, as its own wheel handler tells it: with its viewport
  // texture on (a big sphere), frames then scale one picture instead of drawing every contact, and the whole
  // drawing comes back once the wheel has rested.
  const renderer = (cy as unknown as { renderer(): { data?: { wheelZooming?: boolean }; redrawHint?(what: string, on: boolean): void; redraw?(): void } | undefined }).renderer();
  let rest: ReturnType<typeof setTimeout> | undefined;
  const zooming = (on: boolean) => {
    if (!renderer?.data) return;
    clearTimeout(rest);
    if (on) renderer.data.wheelZooming = true;
    else
      rest = setTimeout(() => {
        if (cy.destroyed()) return;
        renderer.data!.wheelZooming = false;
        renderer.redrawHint?.('eles', true);
        renderer.redraw?.();
      }, REST_MS);
  };

  const step = () => {
    frame = 0;
    if (target === null || cy.destroyed()) return;
    const zoom = cy.zoom();
    const remaining = Math.log(target / zoom);
    const done = Math.abs(remaining) < 0.002;
    const level = done ? target : zoom * Math.exp(remaining * EASE);
    zooming(true);
    cy.zoom({ level, renderedPosition: anchor });
    // Clamped by minZoom or maxZoom: nothing left to ease towards.
    if (done || cy.zoom() === zoom) {
      target = null;
      zooming(false);
    } else frame = requestAnimationFrame(step);
  };

  const onWheel = (e: WheelEvent) => {
    if (!cy.userZoomingEnabled()) return;
    e.preventDefault();
    e.stopPropagation();
    const factor = wheelFactor(e);
    if (factor === 1) return;
    const box = container.getBoundingClientRect();
    anchor = { x: e.clientX - box.left, y: e.clientY - box.top };
    const base = target ?? cy.zoom();
    target = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), base * factor));
    if (!frame) frame = requestAnimationFrame(step);
  };
  wrapper.addEventListener('wheel', onWheel, { capture: true, passive: false });
  // Another gesture (a drag, a fit, a button's zoom) takes over from an unfinished wheel zoom.
  const interrupt = () => {
    if (target !== null) zooming(false);
    target = null;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  };
  cy.on('tapstart', interrupt);
  return {
    busy: () => target !== null,
    destroy() {
      interrupt();
      clearTimeout(rest);
      wrapper.removeEventListener('wheel', onWheel, { capture: true });
      cy.off('tapstart', interrupt);
    },
  };
}
