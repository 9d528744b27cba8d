// Process: renderer. The part of the graph no side panel covers. Today, Filters, To thank and Insights open on the
// left, the detail panel on the right; the sphere is fitted into what is left, so opening a panel never hides it.

/** A rectangle in the graph container's own pixels. */
export type Area = { x: number; y: number; w: number; h: number };

/** Panels that sit over the graph at one side, taking its full height. */
const SIDE_PANELS = '.side-list, [data-testid="detail-panel"]';

export function clearArea(container: HTMLElement): Area {
  const box = container.getBoundingClientRect();
  let left = 0;
  let right = box.width;
  for (const panel of container.ownerDocument.querySelectorAll(SIDE_PANELS)) {
    const r = panel.getBoundingClientRect();
    if (r.width === 0 || r.right <= box.left || r.left >= box.right) continue;
    // A panel on the left half pushes the area's left edge, one on the right half its right edge.
    if (r.left + r.width / 2 < box.left + box.width / 2) left = Math.max(left, r.right - box.left);
    else right = Math.min(right, r.left - box.left);
  }
  // A panel wider than the window still leaves a strip to draw in, rather than a negative width.
  if (right - left < 120) return { x: 0, y: 0, w: box.width, h: box.height };
  return { x: left, y: 0, w: right - left, h: box.height };
}

/** Calls back when a side panel opens or closes: they are children of the stage the graph sits in. */
export function watchSidePanels(container: HTMLElement, onChange: () => void): () => void {
  const stage = container.closest('.stage') ?? container.parentElement?.parentElement;
  if (!stage) return () => {};
  let last = JSON.stringify(clearArea(container));
  const observer = new MutationObserver(() => {
    const now = JSON.stringify(clearArea(container));
    if (now === last) return;
    last = now;
    onChange();
  });
  observer.observe(stage, { childList: true });
  return () => observer.disconnect();
}
