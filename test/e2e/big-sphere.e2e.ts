// Process: test (Node, drives Chromium). A big sphere opens on its opening picture at once (the host's, before the
// window has its documents), then Cytoscape takes over with every contact and every tie of the kinds switched
// on; switching a kind on adds its ties.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { fillStore } from '../support/fill-store.ts';
import { screenshot, screenshotDir, withSphere, type Session } from './harness.ts';

const sphere = generateSphere({ seed: 23, contacts: 2400, ties: 4000 });
type Probe = <T>(fn: string) => Promise<T>;
const probeOf = (page: Page): Probe => (fn) => page.evaluate((f) => (window as unknown as { __sphere: Record<string, () => unknown> }).__sphere[f]!(), fn) as never;
const marksOf = (page: Page) => page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
const tiesDrawn = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('sphere:ties-drawn').length > 0, null, { timeout: 60_000 });

/** Each test opens the big sphere from a data folder of its own, written before the host starts. */
function withBigSphere(test: (run: { page: Page; session: Session; probe: Probe; marks: () => ReturnType<typeof marksOf> }) => Promise<void>): Promise<void> {
  return withSphere('big', { prepare: (dataDir) => fillStore(dataDir, sphere) }, ({ page, session }) => test({ page, session, probe: probeOf(page), marks: () => marksOf(page) }));
}

describe('a big sphere', () => {
  it('is painted before Cytoscape has it, and then drawn by Cytoscape whole', () =>
    withBigSphere(async ({ page, session, probe, marks }) => {
      await tiesDrawn(page);
      const seen = await marks();
      expect(seen['sphere:graph-drawn']).toBeLessThan(seen['sphere:ties-drawn']!);
      expect(await probe<boolean>('openingPictureShown')).toBe(false);
      expect(await probe<number>('nodeCount')).toBe(sphere.contacts.length);
      // Personal ties are off by default, and not in the graph at all until switched on.
      const personal = sphere.ties.filter((t) => t.kind === 'personal').length;
      expect(personal).toBeGreaterThan(0);
      expect(await probe<number>('edgeCount')).toBe(sphere.ties.length - personal);
      await screenshot(page, 'big-sphere-2400');
      await page.getByTestId('tie-toggle-personal').check();
      await expect.poll(() => probe<number>('edgeCount'), { timeout: 20_000 }).toBe(sphere.ties.length);
      await page.getByTestId('tie-toggle-referral').uncheck();
      await expect.poll(() => probe<number>('edgeCount'), { timeout: 20_000 }).toBe(sphere.ties.filter((t) => t.kind !== 'referral').length);
      expect(session.errors).toEqual([]);
    }));

  it('opens on the host\'s opening picture of the sphere before the window has any of its documents', () =>
    withBigSphere(async ({ page, session, probe, marks }) => {
      // A first opening makes the host's opening picture; the reload below is the opening under test.
      await tiesDrawn(page);
      // What the opening picture's canvas holds at the moment the first sphere is marked as drawn.
      await page.addInitScript(() => {
        const mark = performance.mark.bind(performance);
        performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
          if (name === 'sphere:graph-drawn') {
            const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="opening-picture"]');
            const w = window as unknown as { __openingPicture: { png: string; ink: number } | null };
            w.__openingPicture = null;
            if (canvas && canvas.width > 0) {
              const small = document.createElement('canvas');
              small.width = 80;
              small.height = 50;
              const ctx = small.getContext('2d')!;
              ctx.drawImage(canvas, 0, 0, 80, 50);
              const pixels = ctx.getImageData(0, 0, 80, 50).data;
              let ink = 0;
              for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) ink++;
              w.__openingPicture = { png: canvas.toDataURL('image/png'), ink };
              // The window changes size while the opening picture is all there is (a panel opening, the user resizing).
              document.body.style.width = '80%';
              requestAnimationFrame(() => requestAnimationFrame(() => {
                const sphere = (window as unknown as { __sphere: { openingPictureShown(): boolean; nodeCount(): number } }).__sphere;
                (window as unknown as { __afterResize: unknown }).__afterResize = { shown: sphere.openingPictureShown(), width: canvas.width, nodes: sphere.nodeCount() };
              }));
            }
          }
          return mark(name, options);
        }) as typeof performance.mark;
      });
      await page.reload();
      await tiesDrawn(page);
      const seen = await marks();
      expect(seen['sphere:graph-drawn']).toBeLessThan(seen['sphere:loaded-contacts']!);
      const openingPicture = await page.evaluate(() => (window as unknown as { __openingPicture: { png: string; ink: number } | null }).__openingPicture);
      expect(openingPicture).not.toBeNull();
      // Thousands of contacts and ties cover a good part of the canvas (of 4,000 sample points).
      expect(openingPicture!.ink).toBeGreaterThan(400);
      fs.mkdirSync(screenshotDir, { recursive: true });
      fs.writeFileSync(path.join(screenshotDir, 'big-sphere-2400-opening-picture.png'), Buffer.from(openingPicture!.png.split(',')[1]!, 'base64'));
      // Resized before Cytoscape had anyone: the opening picture was painted again at the new size, not taken away.
      const afterResize = await page.evaluate(() => (window as unknown as { __afterResize: { shown: boolean; width: number; nodes: number } }).__afterResize);
      expect(afterResize).toMatchObject({ shown: true, nodes: 0 });
      expect(afterResize.width).toBeGreaterThan(0);
      await page.evaluate(() => (document.body.style.width = ''));
      // Then the window's own drawing takes over, and the opening picture is gone.
      expect(await probe<boolean>('openingPictureShown')).toBe(false);
      expect(await probe<number>('nodeCount')).toBe(sphere.contacts.length);
      expect(session.errors).toEqual([]);
    }));
});
