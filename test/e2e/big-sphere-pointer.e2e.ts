// Process: test (Node, drives Chromium). On a sphere of thousands the pointer's grid answers hovers, clicks and
// drags even once Cytoscape holds everyone (a grab and a release there redraw every person): the name shows, a
// click selects, a double-click brings out the neighbours, and a dragged contact is drawn where it is held,
// joined to its place, until the store's change puts it in its new ring.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { fillStore } from '../support/fill-store.ts';
import { screenshot, withSphere } from './harness.ts';

// More people than POINTER_GRID_ABOVE (5,000).
const sphere = generateSphere({ seed: 29, contacts: 5200, ties: 6000 });
const probe = <T,>(page: Page, fn: string, ...args: unknown[]) =>
  page.evaluate(([f, a]) => (window as unknown as { __sphere: Record<string, (...x: unknown[]) => unknown> }).__sphere[f as string]!(...(a as unknown[])), [fn, args] as const) as Promise<T>;
const ghostWidth = (page: Page) => page.getByTestId('drag-ghost').evaluate((c) => (c as HTMLCanvasElement).width);

describe('a sphere of thousands, once Cytoscape has it', () => {
  it('answers hover, click, double-click and drag through the pointer\'s grid', () =>
    withSphere('big-pointer', { prepare: (dataDir) => fillStore(dataDir, sphere) }, async ({ page, session }) => {
      await page.waitForFunction(() => performance.getEntriesByName('sphere:ties-drawn').length > 0, null, { timeout: 90_000 });
      await page.waitForFunction(() => (window as unknown as { __sphere: { settledView(): string | null } }).__sphere.settledView() === 'sphere');
      expect(await probe<boolean>(page, 'pictureAnswering')).toBe(false);
      expect(await probe<number>(page, 'nodeCount')).toBe(sphere.contacts.length);

      // The most trusted contact of the Trust ring: drawn large, easy to point at.
      const trusted = sphere.contacts.filter((c) => c.ring === 'trust').sort((a, b) => a.id.localeCompare(b.id))[0]!;
      const at = await probe<{ x: number; y: number }>(page, 'nodePosition', trusted.id);
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => page.getByTestId('node-tip').locator('strong').textContent().catch(() => null)).toBe(trusted.name);

      // A double-click brings out their neighbours (everyone else fades) and selects them.
      await page.mouse.dblclick(at.x, at.y);
      await expect.poll(() => page.getByTestId('detail-panel').locator('h2').textContent().catch(() => null)).toBe(trusted.name);
      await expect.poll(() => probe<number>(page, 'fadedCount')).toBeGreaterThan(sphere.contacts.length / 2);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect.poll(() => probe<number>(page, 'fadedCount')).toBe(0);
      await page.waitForFunction(() => (window as unknown as { __sphere: { settledView(): string | null } }).__sphere.settledView() === 'sphere');

      // A contact of the Know ring dragged into Trust: held on the ghost layer while dragged, then stored and moved.
      const person = sphere.contacts.find((c) => c.ring === 'know' && c.category === 'business')!;
      const from = await probe<{ x: number; y: number }>(page, 'nodePosition', person.id);
      const to = await probe<{ x: number; y: number }>(page, 'ringMiddle', 'trust', 'business');
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let s = 1; s <= 8; s++) await page.mouse.move(from.x + ((to.x - from.x) * s) / 8, from.y + ((to.y - from.y) * s) / 8);
      expect(await probe<string | null>(page, 'grabbedId')).toBe(person.id);
      await expect.poll(() => ghostWidth(page)).toBeGreaterThan(0);
      expect(await probe<{ ring: string }>(page, 'placeOf', person.id)).toMatchObject({ ring: 'trust' });
      await screenshot(page, 'big-pointer-dragging');
      await page.mouse.up();
      // The store's change puts the contact in Trust; the ghost goes.
      await expect.poll(() => ghostWidth(page), { timeout: 20_000 }).toBe(0);
      expect(await probe<{ ring: string }>(page, 'placeOf', person.id)).toMatchObject({ ring: 'trust', category: 'business' });
      await page.mouse.move(1, 1);
      const moved = await probe<{ x: number; y: number }>(page, 'nodePosition', person.id);
      await page.mouse.click(moved.x, moved.y);
      await expect.poll(() => page.getByTestId('detail-panel').locator('h2').textContent().catch(() => null)).toBe(person.name);
      await expect.poll(() => page.getByTestId('detail-panel').textContent()).toContain('Trust');
      await screenshot(page, 'big-pointer-dropped');
      expect(session.errors).toEqual([]);
    }));
});
