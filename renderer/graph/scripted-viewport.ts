// Process: renderer. Benchmark helper shared by our graph and the stock peer page.
import type { Core } from 'cytoscape';

/** Pans and zooms a little every frame, as a user scrolling around would, and reports how long each frame took. */
export function scriptedViewport(cy: Core, frames: number): Promise<number[]> {
  return new Promise((resolve) => {
    const times: number[] = [];
    let last = performance.now();
    let i = 0;
    const step = (now: number) => {
      times.push(now - last);
      last = now;
      const zoomIn = i < frames / 2;
      cy.viewport({ zoom: cy.zoom() * (zoomIn ? 1.015 : 1 / 1.015), pan: { x: cy.pan().x + (zoomIn ? 4 : -4), y: cy.pan().y + 2 } });
      if (++i < frames) requestAnimationFrame(step);
      else resolve(times.slice(2));
    };
    requestAnimationFrame(step);
  });
}
