// Process: test (Node, drives Chromium). The first thing a new user sees: an empty sphere, "you" in the middle of
// the room the window leaves it, with the card that says what to do beside it rather than over it.
import { describe, expect, it } from 'vitest';
import { drawn, screenshot, withSphere } from './harness.ts';

type Box = { x: number; y: number; width: number; height: number };

describe('the first screen', () => {
  it('draws an empty sphere with "you" near the middle of the free area, clear of the empty-state card', async () => {
    await withSphere('first-screen', { viewport: { width: 1400, height: 900 } }, async ({ page, session }) => {
      await page.getByTestId('empty-state').waitFor();
      await drawn(page);
      const file = await screenshot(page, 'first-screen-empty');
      const you = await page.evaluate(() => (window as unknown as { __sphere: { you(): { x: number; y: number; radius: number } } }).__sphere.you());
      const graph = (await page.getByTestId('sphere-graph').boundingBox())!;
      const legend = (await page.getByLabel('Legend').boundingBox())!;
      const card = (await page.getByTestId('empty-state').boundingBox())!;
      // The free area: the graph right of the legend column.
      const free: Box = { x: legend.x + legend.width, y: graph.y, width: graph.x + graph.width - (legend.x + legend.width), height: graph.height };
      expect(you.radius).toBeGreaterThan(20);
      expect(Math.abs(you.x - (free.x + free.width / 2))).toBeLessThan(free.width * 0.15);
      expect(Math.abs(you.y - (free.y + free.height / 2))).toBeLessThan(free.height * 0.1);
      // All of "you" is on screen and none of it under the card.
      expect(you.x - you.radius).toBeGreaterThan(graph.x);
      expect(you.y - you.radius).toBeGreaterThan(graph.y);
      const under = you.x + you.radius > card.x && you.x - you.radius < card.x + card.width && you.y + you.radius > card.y && you.y - you.radius < card.y + card.height;
      expect(under, `"you" at ${JSON.stringify(you)} is under the card at ${JSON.stringify(card)} (see ${file})`).toBe(false);
      expect(session.errors).toEqual([]);
    });
  });
});
