// Process: test (Node, drives Chromium). A sphere that reads at a glance: names shown where they fit and never on
// top of each other, a selection that brings out its neighbourhood, a wheel that zooms like a map, side panels
// that leave the sphere in view, a labelled network view, colour by trust, and a toolbar on one row.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { TRUST_BANDS } from '../../shared/graph/sphere-colours.ts';
import { fillStore } from '../support/fill-store.ts';
import { drawn, screenshot, withSphere } from './harness.ts';

const sphere = generateSphere({ seed: 14, contacts: 300, ties: 450 });
// Seven people of one sector, so they crowd one part of the sphere: a filter on their tag leaves exactly them.
const seven = sphere.contacts.filter((c) => c.category === 'business').slice(0, 7);
for (const c of sphere.contacts) c.tags = c.tags.filter((t) => t !== 'glance');
for (const c of seven) c.tags = [...c.tags, 'glance'];

type Box = { id: string; x1: number; y1: number; x2: number; y2: number };
type Probe = <T>(fn: string, ...args: unknown[]) => Promise<T>;
const probeOf = (page: Page): Probe => (fn, ...args) => page.evaluate(([f, a]) => (window as unknown as { __sphere: Record<string, (...x: unknown[]) => unknown> }).__sphere[f as string]!(...(a as unknown[])), [fn, args] as const) as never;

function overlapping(boxes: Box[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push([a.id, b.id]);
    }
  }
  return pairs;
}

function withGlance(viewport: { width: number; height: number }, test: (page: Page, probe: Probe) => Promise<void>): Promise<void> {
  return withSphere('glance', { viewport, prepare: (dataDir) => fillStore(dataDir, sphere) }, async ({ page, session }) => {
    const probe = probeOf(page);
    await page.waitForFunction((n) => (window as unknown as { __sphere: { nodeCount(): number } }).__sphere.nodeCount() === n, sphere.contacts.length);
    await test(page, probe);
    expect(session.errors).toEqual([]);
  });
}

/** Names are placed once the view has settled; waits until they are, then reads their boxes. */
async function labelsWhenSettled(page: Page, probe: Probe, expected: (boxes: Box[]) => boolean): Promise<Box[]> {
  await expect.poll(async () => (await probe<string | null>('settledView')) !== null && expected(await probe<Box[]>('labels')), { timeout: 10_000 }).toBe(true);
  await drawn(page);
  return probe<Box[]>('labels');
}

/** The toolbar is one row when every control in it sits on the same line. */
async function toolbarRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const bar = document.querySelector('.topbar')!;
    // A control pushed past the window's edge, or squeezed narrower than its words, counts as a row of its own.
    const squeezed = [...bar.querySelectorAll('button, input, h1')].some((e) => e.getBoundingClientRect().right > window.innerWidth || e.scrollWidth > e.clientWidth + 1);
    if (squeezed || bar.scrollWidth > bar.clientWidth) return Infinity;
    const tops = new Set([...bar.children].filter((e) => (e as HTMLElement).offsetWidth > 0).map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)));
    // Controls of different heights centred on one line are within a few pixels of each other.
    const sorted = [...tops].sort((a, b) => a - b);
    let rows = 1;
    for (let i = 1; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! > 12) rows++;
    return rows;
  });
}

describe('a sphere that reads at a glance (1400 × 900)', () => {
  it('names all seven people a filter leaves, without overlaps, and names the rest where they fit', () =>
    withGlance({ width: 1400, height: 900 }, async (page, probe) => {
      const all = await labelsWhenSettled(page, probe, (b) => b.length > 0);
      expect(overlapping(all)).toEqual([]);
      // A name never hides a person: no one's centre lies under someone else's name.
      const centres = await page.evaluate((ids) => ids.map((id) => ({ id, ...(window as unknown as { __sphere: { nodePosition(id: string): { x: number; y: number } } }).__sphere.nodePosition(id) })), sphere.contacts.map((c) => c.id));
      const covered = all.flatMap((b) => centres.filter((c) => c.id !== b.id && c.x > b.x1 && c.x < b.x2 && c.y > b.y1 && c.y < b.y2).map((c) => [b.id, c.id]));
      expect(covered).toEqual([]);
      await screenshot(page, 'glance-1-everyone-named-where-they-fit');
      await page.getByTestId('open-filters').click();
      await page.getByTestId('filter-tag').fill('glance');
      await expect.poll(() => probe<number>('visibleCount')).toBe(7);
      await page.getByRole('button', { name: 'Close filters' }).click();
      const named = await labelsWhenSettled(page, probe, (b) => b.length === 7);
      expect(named.map((b) => b.id).sort()).toEqual(seven.map((c) => c.id).sort());
      expect(overlapping(named)).toEqual([]);
      // Each name is drawn at a readable size.
      for (const b of named) expect(b.y2 - b.y1).toBeGreaterThanOrEqual(10);
      await screenshot(page, 'glance-2-seven-named');
      await page.getByTestId('open-filters').click();
      await page.getByTestId('filter-tag').fill('');
      await page.getByRole('button', { name: 'Close filters' }).click();
      await expect.poll(() => probe<number>('visibleCount')).toBe(sphere.contacts.length);
      // Someone left unnamed for want of room is named while the pointer is on them.
      const shown = new Set((await labelsWhenSettled(page, probe, (b) => b.length > 7)).map((b) => b.id));
      const unnamed = sphere.contacts.find((c) => !shown.has(c.id))!;
      const at = (await probe<{ x: number; y: number }>('nodePosition', unnamed.id))!;
      await page.mouse.move(at.x, at.y);
      await expect.poll(async () => (await probe<Box[]>('labels')).some((b) => b.id === unnamed.id)).toBe(true);
    }));

  it('selecting someone brings out their neighbourhood and names them', () =>
    withGlance({ width: 1400, height: 900 }, async (page, probe) => {
      const degree = new Map<string, Set<string>>();
      for (const t of sphere.ties.filter((t) => t.kind !== 'personal')) {
        degree.set(t.from, (degree.get(t.from) ?? new Set()).add(t.to));
        degree.set(t.to, (degree.get(t.to) ?? new Set()).add(t.from));
      }
      const [id, near] = [...degree].sort((a, b) => b[1].size - a[1].size)[0]!;
      expect(await probe<number>('fadedCount')).toBe(0);
      const at = (await probe<{ x: number; y: number }>('nodePosition', id))!;
      await page.mouse.click(at.x, at.y);
      await expect.poll(() => probe<number>('fadedCount')).toBe(sphere.contacts.length - near.size - 1);
      await page.mouse.move(5, 200);
      const named = await labelsWhenSettled(page, probe, (b) => b.some((l) => l.id === id));
      // Only the neighbourhood is named while it is brought out.
      for (const b of named) expect([id, ...near]).toContain(b.id);
      expect(overlapping(named)).toEqual([]);
      await screenshot(page, 'glance-3-neighbourhood');
      await page.keyboard.press('Escape');
      await expect.poll(() => probe<number>('fadedCount')).toBe(0);
    }));

  it('zooms with the wheel like a map: a fifth a notch, about the pointer', () =>
    withGlance({ width: 1400, height: 900 }, async (page, probe) => {
      await expect.poll(() => probe<string | null>('settledView')).toBe('sphere');
      const before = await probe<number>('zoom');
      const id = seven[0]!.id;
      const at = (await probe<{ x: number; y: number }>('nodePosition', id))!;
      await page.mouse.move(at.x, at.y);
      for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -100);
      await expect.poll(() => probe<string | null>('settledView')).toBe('sphere');
      const ratio = (await probe<number>('zoom')) / before;
      // Five notches of 1.2×: about 2.5×, where Cytoscape's own handler gives 1.24× (and less at the 0.3 the app set).
      expect(ratio).toBeGreaterThan(2.2);
      expect(ratio).toBeLessThan(2.8);
      const after = (await probe<{ x: number; y: number }>('nodePosition', id))!;
      expect(Math.hypot(after.x - at.x, after.y - at.y)).toBeLessThan(3);
      await screenshot(page, 'glance-4-wheel-zoomed');
      for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 100);
      await expect.poll(() => probe<string | null>('settledView')).toBe('sphere');
      expect((await probe<number>('zoom')) / before).toBeCloseTo(1, 1);
      // A trackpad pinch arrives as wheel events with ctrlKey: small deltas, still a real zoom.
      await page.keyboard.down('Control');
      for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -8);
      await page.keyboard.up('Control');
      await expect.poll(() => probe<string | null>('settledView')).toBe('sphere');
      expect((await probe<number>('zoom')) / before).toBeGreaterThan(1.5);
    }));

  it('colours by trust, labels the network view, and keeps the toolbar on one row', () =>
    withGlance({ width: 1400, height: 900 }, async (page, probe) => {
      expect(await toolbarRows(page)).toBe(1);
      await page.getByTestId('colour-by').selectOption('trust');
      const colours = TRUST_BANDS.map((b) => b.colour);
      const rgb = (hex: string) => `rgb(${parseInt(hex.slice(1, 3), 16)},${parseInt(hex.slice(3, 5), 16)},${parseInt(hex.slice(5, 7), 16)})`;
      await expect.poll(async () => colours.map(rgb).includes((await probe<string>('nodeColour', seven[0]!.id))!)).toBe(true);
      const used = new Set(await Promise.all(sphere.contacts.slice(0, 60).map((c) => probe<string>('nodeColour', c.id))));
      expect(used.size).toBeGreaterThan(1);
      expect(await page.getByLabel('Legend').textContent()).toMatch(/Trust 75 and over/);
      await screenshot(page, 'glance-5-colour-by-trust');
      await page.getByTestId('colour-by').selectOption('category');
      await page.getByTestId('view-network').click();
      await expect.poll(() => probe<string | null>('settledView'), { timeout: 30_000 }).toBe('network');
      const named = await labelsWhenSettled(page, probe, (b) => b.length >= 10);
      expect(overlapping(named)).toEqual([]);
      await screenshot(page, 'glance-6-network-labelled');
      // A side panel opened over the network: everyone moves into the room beside it.
      await page.getByTestId('open-today').click();
      const everyoneBeside = async () => {
        const area = await probe<{ x1: number; x2: number }>('clearArea');
        const xs = await page.evaluate((ids) => ids.map((id) => (window as unknown as { __sphere: { nodePosition(id: string): { x: number } } }).__sphere.nodePosition(id).x), sphere.contacts.map((c) => c.id));
        return area.x1 > 200 && xs.every((x) => x > area.x1 && x < area.x2);
      };
      await expect.poll(everyoneBeside).toBe(true);
      const besidePanel = await labelsWhenSettled(page, probe, (b) => b.length >= 10);
      expect(overlapping(besidePanel)).toEqual([]);
      await screenshot(page, 'glance-6b-network-beside-today');
    }));
});

describe('a sphere that reads at a glance (1024 × 700)', () => {
  it('fits the sphere again when the window shrinks from 1400 × 900', () =>
    withGlance({ width: 1400, height: 900 }, async (page, probe) => {
      await page.setViewportSize({ width: 1024, height: 700 });
      await expect.poll(async () => {
        const rings = await Promise.all(['family', 'business', 'friends', 'acquaintance', 'servicers'].map((c) => probe<{ x: number; y: number }>('ringMiddle', 'prospect', c)));
        return rings.every((p) => p.x > 0 && p.x < 1024 && p.y > 50 && p.y < 700);
      }).toBe(true);
      expect(await toolbarRows(page)).toBe(1);
    }));

  it('keeps the sphere in view beside every side panel, and the toolbar on one row', () =>
    withGlance({ width: 1024, height: 700 }, async (page, probe) => {
      expect(await toolbarRows(page)).toBe(1);
      await screenshot(page, 'glance-7-small-window');
      // "You" and the middle of the outermost ring in every sector lie beside the panels: the whole sphere is in view.
      const inView = async () => {
        const area = await probe<{ x1: number; x2: number; y1: number; y2: number }>('clearArea');
        const inside = (p: { x: number; y: number }) => p.x > area.x1 && p.x < area.x2 && p.y > area.y1 && p.y < area.y2;
        const you = await probe<{ x: number; y: number; radius: number }>('you');
        const rings = await Promise.all(['family', 'business', 'friends', 'acquaintance', 'servicers'].map((c) => probe<{ x: number; y: number }>('ringMiddle', 'prospect', c)));
        return inside({ x: you.x - you.radius, y: you.y }) && inside({ x: you.x + you.radius, y: you.y }) && rings.every(inside);
      };
      expect(await inView()).toBe(true);
      for (const panel of ['open-today', 'open-filters', 'open-thanks'] as const) {
        await page.getByTestId(panel).click();
        await expect.poll(async () => (await probe<{ x1: number }>('clearArea')).x1).toBeGreaterThan(200);
        await expect.poll(inView).toBe(true);
        await screenshot(page, `glance-8-${panel}`);
        await page.getByTestId(panel).click();
      }
      const id = seven[0]!.id;
      const at = (await probe<{ x: number; y: number }>('nodePosition', id))!;
      await page.mouse.click(at.x, at.y);
      await page.getByTestId('detail-panel').waitFor();
      await expect.poll(async () => (await probe<{ x2: number }>('clearArea')).x2).toBeLessThan(800);
      await expect.poll(inView).toBe(true);
      await screenshot(page, 'glance-9-detail-panel');
    }));
});
