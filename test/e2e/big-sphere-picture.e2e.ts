// Process: test (Node, drives Chromium). A big sphere answers on its still picture before Cytoscape has every element:
// a hover names a contact, a click selects it (the detail panel opens once its documents are in), a drag moves it to
// another ring and the move is stored. The test holds the documents and the handover to Cytoscape (test-hold.ts), so
// it checks what the user gets in that moment however fast the machine is, without racing it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSphere } from '../../shared/sample-sphere.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';
import { fillStore } from '../support/fill-store.ts';
import { screenshot, withSphere } from './harness.ts';
import { storedDocs } from './stored.ts';

const sphere = generateSphere({ seed: 23, contacts: 2400, ties: 4000 });
const byName = new Map(sphere.contacts.map((c) => [c.name, c]));
type Point = { x: number; y: number };
const probe = <T>(page: Page, fn: string, ...args: string[]) =>
  page.evaluate(([f, a]) => (window as unknown as { __sphere: Record<string, (...x: string[]) => unknown> }).__sphere[f as string]!(...(a as string[])), [fn, args] as const) as Promise<T>;
const release = (page: Page, step: 'documents' | 'handover') => page.evaluate((s) => (window as unknown as { __sphereRelease(s: string): void }).__sphereRelease(s), step);
const storedRing = (dataDir: string, id: string) => storedDocs<ContactDoc>(dataDir, 'contacts').find((c) => c.id === id)?.ring;

/** Hovers contacts of the sphere until the tip names one: the contact the pointer is on, whatever is drawn over whom. */
async function contactUnderPointer(page: Page, candidates: ContactDoc[]): Promise<{ contact: ContactDoc; at: Point }> {
  for (const c of candidates) {
    const at = await probe<Point | null>(page, 'nodePosition', c.id);
    if (!at) continue;
    // A contact under the legend or a side panel is not under the pointer: the panel is (the sphere refits beside
    // an open detail panel, and the legend may then cover part of it).
    const onGraph = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('[data-testid="sphere-graph"]'), at);
    if (!onGraph) continue;
    await page.mouse.move(at.x, at.y);
    const tip = page.getByTestId('node-tip');
    await tip.waitFor({ timeout: 5000 });
    const name = await tip.locator('strong').textContent();
    const found = byName.get(name ?? '');
    // Only contacts drawn on top of the others at their own centre: the pointer answers with the one it is on.
    if (found?.id === c.id) return { contact: c, at };
  }
  throw new Error('no contact of the candidates answered a hover');
}

/** Presses, drags in steps and lets go over the middle of `ring` in the contact's own sector. */
async function dragToRing(page: Page, from: Point, contact: ContactDoc, ring: ContactDoc['ring']): Promise<void> {
  const to = (await probe<Point>(page, 'ringMiddle', ring, contact.category))!;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 4, from.y + 4);
  expect(await probe<string | null>(page, 'grabbedId')).toBe(contact.id);
  for (let s = 1; s <= 6; s++) await page.mouse.move(from.x + ((to.x - from.x) * s) / 6, from.y + ((to.y - from.y) * s) / 6);
  await page.mouse.up();
}

describe('a big sphere before Cytoscape has it', () => {
  it('answers hover, click and drag on its still picture, first the host\'s, then the window\'s own', () =>
    withSphere('big-picture', {
      prepare: (dataDir) => fillStore(dataDir, sphere),
      beforeLoad: async (page) => {
        await page.addInitScript(() => ((window as unknown as { __sphereHold: unknown }).__sphereHold = { documents: true, handover: true }));
      },
    }, async ({ page, session, dataDir }) => {
      await page.waitForFunction(() => (window as unknown as { __sphere: { pictureAnswering(): boolean } }).__sphere.pictureAnswering());
      // The host's picture: the window has none of its documents, and Cytoscape not one element.
      expect(await probe<number>(page, 'nodeCount')).toBe(0);
      const inner = sphere.contacts.filter((c) => c.ring === 'trust' || c.ring === 'like');

      // Hover: the tip names the contact under the pointer, with its ring and sector.
      const picked = await contactUnderPointer(page, inner.slice(0, 40));
      await expect.poll(() => page.getByTestId('node-tip').textContent()).toContain(picked.contact.name);
      await screenshot(page, 'big-sphere-picture-hover');

      // Click: selected now; its details open once the documents are in.
      await page.mouse.down();
      await page.mouse.up();
      expect(await probe<number>(page, 'nodeCount')).toBe(0);

      // Drag: moved to the other end of the rings, stored by the host although the window has no documents yet.
      const moved = await contactUnderPointer(page, inner.slice(40, 120).filter((c) => c.id !== picked.contact.id));
      const ring = moved.contact.ring === 'trust' ? 'know' : 'trust';
      await dragToRing(page, moved.at, moved.contact, ring);
      await expect.poll(() => storedRing(dataDir, moved.contact.id), { timeout: 10_000 }).toBe(ring);
      // The picture keeps it where it was dropped.
      expect(await probe<{ ring?: string }>(page, 'placeOf', moved.contact.id)).toMatchObject({ ring, category: moved.contact.category });
      expect(await probe<number>(page, 'nodeCount')).toBe(0);
      await screenshot(page, 'big-sphere-picture-dropped');

      // The documents arrive: the window's own picture takes over, with the move in it, and the click's details open.
      await release(page, 'documents');
      await expect.poll(() => page.getByTestId('detail-panel').locator('h2').textContent(), { timeout: 30_000 }).toBe(picked.contact.name);
      expect(await probe<boolean>(page, 'pictureAnswering')).toBe(true);
      expect(await probe<number>(page, 'nodeCount')).toBe(0);
      expect(await probe<{ ring?: string }>(page, 'placeOf', moved.contact.id)).toMatchObject({ ring });

      // The window's own picture answers as well: another drag, stored and redrawn on the picture.
      const again = await contactUnderPointer(page, inner.slice(120, 200).filter((c) => c.id !== picked.contact.id && c.id !== moved.contact.id));
      const ring2 = again.contact.ring === 'trust' ? 'know' : 'trust';
      await dragToRing(page, again.at, again.contact, ring2);
      await expect.poll(() => storedRing(dataDir, again.contact.id), { timeout: 10_000 }).toBe(ring2);
      await expect.poll(() => probe<{ ring?: string }>(page, 'placeOf', again.contact.id), { timeout: 10_000 }).toMatchObject({ ring: ring2 });
      expect(await probe<number>(page, 'nodeCount')).toBe(0);
      await screenshot(page, 'big-sphere-picture-own');

      // Cytoscape takes over: every contact, both moves where they were dropped, the selection kept.
      await release(page, 'handover');
      await page.waitForFunction(() => performance.getEntriesByName('sphere:ties-drawn').length > 0, null, { timeout: 60_000 });
      expect(await probe<number>(page, 'nodeCount')).toBe(sphere.contacts.length);
      expect(await probe<boolean>(page, 'pictureAnswering')).toBe(false);
      expect(await probe<{ ring?: string }>(page, 'placeOf', moved.contact.id)).toMatchObject({ ring });
      expect(await probe<{ ring?: string }>(page, 'placeOf', again.contact.id)).toMatchObject({ ring: ring2 });
      expect(await page.getByTestId('detail-panel').locator('h2').textContent()).toBe(picked.contact.name);
      expect(session.errors).toEqual([]);
    }));
});
