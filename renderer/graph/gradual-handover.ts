// Process: renderer. A big sphere's elements are handed to Cytoscape a slice at a time, yielding to the page between
// slices: in one piece, styling 40,000 elements holds the page for seconds, and nothing the user does is answered.
// Meanwhile the still picture (paint-opening-picture.ts) shows the whole sphere and answers the pointer.
import type { Core, ElementDefinition } from 'cytoscape';
import type { GraphDiff } from '../../shared/graph/sphere-model.ts';
import type { NetworkPositions } from './network-layout.ts';

/** Milliseconds of work per slice: short enough that a click or a hover waits at most about a frame or two. */
const SLICE_MS = 24;
/** Elements added between looks at the clock. */
const STEP = 100;

export type Handover = { cancel(): void };

/** Only for a diff that adds (the first one): anything else is small and is applied at once by the caller. */
export function isAdditionsOnly(diff: GraphDiff): boolean {
  return !diff.removeNodes.length && !diff.removeEdges.length && !diff.updateNodes.length && !diff.moveNodes.length && !diff.updateEdges.length;
}

/** Contacts first, then ties (a tie needs both its ends in the graph); `done` once the last slice is in. */
export function handOverGradually(cy: Core, diff: GraphDiff, network: NetworkPositions | null, done: () => void): Handover {
  const elements: ElementDefinition[] = [
    ...diff.addNodes.map((n) => ({ group: 'nodes' as const, data: n.data, position: { ...(network?.[n.data.id] ?? n.position) } })),
    ...diff.addEdges.map((e) => ({ group: 'edges' as const, data: e.data })),
  ];
  // Cytoscape's renderer styles and measures new elements in its frame callback; this (internal) call does it now.
  // (A headless Cytoscape has no renderer to do it.)
  const renderer = (cy as unknown as { renderer(): { flushRenderedStyleQueue?(): void; requestedFrame?: boolean } | undefined }).renderer();
  let next = 0;
  let cancelled = false;
  // A message, not a timer: timers nested this deep wait at least 4 ms each, and input is served before either.
  const channel = new MessageChannel();
  const slice = () => {
    if (cancelled) return;
    const start = performance.now();
    while (next < elements.length && performance.now() - start < SLICE_MS) {
      cy.add(elements.slice(next, next + STEP));
      // Styled and measured here, within the slice: left to Cytoscape's next frame, the work of every element
      // added since the last frame lands in one drawing, which held the page for up to a second.
      renderer?.flushRenderedStyleQueue?.();
      next += STEP;
    }
    if (next < elements.length) {
      // No drawing of a part of the sphere: the still picture shows all of it, and each of Cytoscape's frames
      // draws everything it holds (at 10,000 contacts, drawing after every slice stretched the handover from
      // 7 s to 24 s). A frame the user asks for (a pan, a zoom) is still drawn.
      if (renderer && 'requestedFrame' in renderer) renderer.requestedFrame = false;
      channel.port2.postMessage(null);
    } else {
      channel.port1.close();
      cy.forceRender();
      done();
    }
  };
  channel.port1.onmessage = slice;
  slice();
  return {
    cancel() {
      cancelled = true;
      channel.port1.close();
    },
  };
}
