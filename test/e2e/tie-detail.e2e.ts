// Process: test (Node, drives Chromium). A big sphere's ties with level of detail: bundled between parts of the
// sphere at sphere zoom, the selection's own ties drawn one by one over them, and each tie once the user zooms in.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { fillStore } from '../support/fill-store.ts';
import { screenshot, withSphere } from './harness.ts';

// More ties than a view draws one by one (INDIVIDUAL_TIES_UP_TO) when the whole sphere is on screen.
const sphere = generateSphere({ seed: 23, contacts: 2400, ties: 9000 });
type Detail = { mode: 'bundles' | 'ties' | null; drawn: number; held: number };
const probe = <T,>(page: Page, fn: string, ...args: unknown[]) =>
  page.evaluate(([f, a]) => (window as unknown as { __sphere: Record<string, (...x: unknown[]) => unknown> }).__sphere[f as string]!(...(a as unknown[])), [fn, args] as const) as Promise<T>;
const settled = (page: Page) => page.waitForFunction(() => (window as unknown as { __sphere: { settledView(): string | null } }).__sphere.settledView() === 'sphere');

describe('ties on a big sphere', () => {
  it('are bundled at sphere zoom, the selection\'s drawn one by one, and each drawn when zoomed in', () =>
    withSphere('tie-detail', { prepare: (dataDir) => fillStore(dataDir, sphere) }, async ({ page, session }) => {
      await page.waitForFunction(() => performance.getEntriesByName('sphere:ties-drawn').length > 0, null, { timeout: 60_000 });
      await settled(page);
      // Personal ties are off by default: every other tie is drawn, by bundles, and Cytoscape holds none of them.
      const shown = sphere.ties.filter((t) => t.kind !== 'personal');
      await expect.poll(() => probe<Detail>(page, 'tieDetail')).toMatchObject({ mode: 'bundles', held: 0 });
      const bundled = await probe<Detail>(page, 'tieDetail');
      // Ties within one ring of one sector join near neighbours and are not bundled; all others are.
      expect(bundled.drawn).toBeGreaterThan(shown.length / 2);
      expect(bundled.drawn).toBeLessThanOrEqual(shown.length);
      expect(await probe<number>(page, 'edgeCount')).toBe(shown.length);
      await screenshot(page, 'tie-detail-bundles');

      // Selecting the best-connected contact puts exactly their ties in the graph, over the bundles.
      const degree = new Map<string, number>();
      for (const t of shown) for (const end of [t.from, t.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
      const [hub, ties] = [...degree].sort((a, b) => b[1] - a[1])[0]!;
      const at = await probe<{ x: number; y: number }>(page, 'nodePosition', hub);
      await page.mouse.click(at.x, at.y);
      await page.getByTestId('detail-panel').waitFor();
      await expect.poll(() => probe<Detail>(page, 'tieDetail')).toMatchObject({ held: ties });
      await screenshot(page, 'tie-detail-selected');
      await page.keyboard.press('Escape');
      await expect.poll(() => probe<Detail>(page, 'tieDetail')).toMatchObject({ held: 0 });

      // Zoomed in on one part of the sphere, few ties touch the view: each is drawn as itself.
      for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -240);
      await settled(page);
      await expect.poll(() => probe<Detail>(page, 'tieDetail').then((d) => d.mode)).toBe('ties');
      await screenshot(page, 'tie-detail-zoomed');
      expect(session.errors).toEqual([]);
    }));
});

describe('a change on a big sphere', () => {
  it('restyles the contacts it changed, not everyone', () =>
    withSphere('restyle', { prepare: (dataDir) => fillStore(dataDir, sphere) }, async ({ page, session }) => {
      await page.waitForFunction(() => performance.getEntriesByName('sphere:ties-drawn').length > 0, null, { timeout: 60_000 });
      await settled(page);
      // A contact of the Know ring dragged into Trust, with the real mouse.
      const person = sphere.contacts.find((c) => c.ring === 'know')!;
      const from = await probe<{ x: number; y: number }>(page, 'nodePosition', person.id);
      const to = await probe<{ x: number; y: number }>(page, 'ringMiddle', 'trust', person.category);
      const before = { restyled: await probe<number>(page, 'restyledCount'), applied: await probe<number>(page, 'appliedChanges') };
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let s = 1; s <= 8; s++) await page.mouse.move(from.x + ((to.x - from.x) * s) / 8, from.y + ((to.y - from.y) * s) / 8);
      await page.mouse.up();
      await expect.poll(() => probe<{ ring?: string }>(page, 'placeOf', person.id).then((p) => p.ring)).toBe('trust');
      await expect.poll(() => probe<number>(page, 'appliedChanges')).toBeGreaterThan(before.applied);
      await settled(page);
      // The moved contact, and the names placed again around it. It was every contact twice (4,800 restyles), as
      // each change set the influence fill and the replay's outline on every node to what it already was.
      expect((await probe<number>(page, 'restyledCount')) - before.restyled).toBeLessThan(200);
      expect(session.errors).toEqual([]);
    }));
});
