// Process: test (Node, drives Chromium). Exploring a sphere: filters, colour modes, hover, focus on a contact's neighbours, the list view by keyboard.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, withSphere, type Session } from './harness.ts';
import { storedDocs } from './stored.ts';
import { customerStage } from '../../shared/domain/life-cycle.ts';
import type { ContactDoc, DealDoc, TouchDoc } from '../../shared/schemas/index.ts';

type Probe = { placeOf(id: string): unknown; nodeCount(): number; visibleCount(): number; fadedCount(): number; nodeColour(id: string): string | null; nodePosition(id: string): { x: number; y: number } | null; settledView(): string | null };
type Contact = { id: string; name: string; category: string; stage: string };

type Sphere = <T>(fn: string, ...args: string[]) => Promise<T>;
const probeOf = (page: Page): Sphere => (fn, ...args) => page.evaluate(([f, a]) => (window as unknown as { __sphere: Record<string, (...x: string[]) => unknown> }).__sphere[f as string]!(...(a as string[])), [fn, args] as const) as never;
type Explore = { page: Page; session: Session; contacts: Contact[]; sphere: Sphere };

/** Each test explores a sphere of its own: a fresh data folder and host, the sample loaded through the UI. */
function explore(test: (run: Explore) => Promise<void>): Promise<void> {
  return withSphere('explore', { viewport: { width: 1600, height: 900 } }, async ({ page, session, dataDir }) => {
    await page.getByTestId('load-sample').click();
    await page.getByTestId('sample-progress').waitFor({ state: 'detached', timeout: 60_000 });
    // Stages are derived, never stored: worked out here by the same rule the app uses.
    const deals = storedDocs<DealDoc>(dataDir, 'deals');
    const touches = storedDocs<TouchDoc>(dataDir, 'touches');
    const now = Date.now();
    const contacts: Contact[] = storedDocs<ContactDoc>(dataDir, 'contacts').map((c) => ({
      ...c, stage: customerStage(c, deals.filter((d) => d.contactId === c.id), touches.filter((t) => t.contactId === c.id), now),
    }));
    await page.waitForFunction((n) => (window as unknown as { __sphere: Probe }).__sphere.nodeCount() === n, contacts.length);
    await test({ page, session, contacts, sphere: probeOf(page) });
  });
}

describe('exploring the sphere', () => {
  it('filters by category and stage, and clearing brings everyone back', () =>
    explore(async ({ page, contacts, sphere }) => {
      await page.getByTestId('open-filters').click();
      await page.getByTestId('filter-category-family').check();
      const family = contacts.filter((c) => c.category === 'family');
      await expect.poll(() => sphere<number>('visibleCount')).toBe(family.length);
      expect(await page.getByTestId('filter-count').textContent()).toBe(`Showing ${family.length} of ${contacts.length} contacts.`);
      await page.getByTestId('filter-stage-prospect').check();
      const familyProspects = family.filter((c) => c.stage === 'prospect');
      await expect.poll(() => sphere<number>('visibleCount')).toBe(familyProspects.length);
      await screenshot(page, 'explorer-1-filtered');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => sphere<number>('visibleCount')).toBe(contacts.length);
      await page.getByRole('button', { name: 'Close filters' }).click();
    }));

  it('colours by customer stage on request and explains it in the legend', () =>
    explore(async ({ page, contacts, sphere }) => {
      const lifetime = contacts.find((c) => c.stage === 'lifetime')!;
      const before = await sphere<string>('nodeColour', lifetime.id);
      await page.getByTestId('colour-by').selectOption('stage');
      await expect.poll(() => sphere<string>('nodeColour', lifetime.id)).not.toBe(before);
      expect(await sphere<string>('nodeColour', lifetime.id)).toBe('rgb(23,52,95)');
      expect(await page.getByLabel('Legend').textContent()).toMatch(/Lifetime customer/);
      await screenshot(page, 'explorer-2-by-stage');
      await page.getByTestId('colour-by').selectOption('category');
    }));

  it('shows who a node is on hover, and focuses on their neighbours on double-click until Escape', () =>
    explore(async ({ page, contacts, sphere }) => {
      const someone = contacts[3]!;
      const at = (await sphere<{ x: number; y: number }>('nodePosition', someone.id))!;
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => page.getByTestId('node-tip').textContent()).toContain(someone.name);
      await page.mouse.dblclick(at.x, at.y);
      await expect.poll(() => sphere<number>('fadedCount')).toBeGreaterThan(0);
      // The view has finished moving to the neighbours.
      await page.waitForFunction(() => (window as unknown as { __sphere: Probe }).__sphere.settledView() !== null);
      // The focused contact is in view and not under the detail panel that opened beside it.
      const panel = (await page.getByTestId('detail-panel').boundingBox())!;
      const focused = (await sphere<{ x: number; y: number }>('nodePosition', someone.id))!;
      expect(focused.x).toBeGreaterThan(0);
      expect(focused.x).toBeLessThan(panel.x);
      expect(focused.y).toBeGreaterThan(0);
      expect(focused.y).toBeLessThan(900);
      await screenshot(page, 'explorer-3-focused');
      await page.mouse.move(5, 500);
      const focusedFaded = await sphere<number>('fadedCount');
      // Out of the focus, the contact stays selected and its neighbourhood stays brought out; out of the selection, nothing is faded.
      await page.keyboard.press('Escape');
      await expect.poll(() => sphere<number>('settledView')).not.toBeNull();
      expect(await sphere<number>('fadedCount')).toBe(focusedFaded);
      await page.keyboard.press('Escape');
      await expect.poll(() => sphere<number>('fadedCount')).toBe(0);
    }));

  it('lists the same contacts in a table that works by keyboard alone', () =>
    explore(async ({ page, session, contacts }) => {
      await page.keyboard.press('Shift+L');
      await page.getByTestId('contact-table').waitFor();
      // Sorted by name already; a second click on the header reverses it.
      await page.getByTestId('sort-name').click();
      const byNameDesc = [...contacts].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? 1 : a.name.toLowerCase() > b.name.toLowerCase() ? -1 : b.name.localeCompare(a.name)));
      await expect.poll(() => page.getByTestId('contact-row').first().locator('td').first().textContent()).toContain(byNameDesc[0]!.name);
      await page.getByTestId('contact-table').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByTestId('detail-panel').getByRole('heading', { name: byNameDesc[2]!.name }).waitFor();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.getByTestId('detail-panel').getByRole('heading', { name: byNameDesc[byNameDesc.length - 1]!.name }).waitFor();
      // Windowed: far fewer rows in the page than contacts.
      expect(await page.getByTestId('contact-row').count()).toBeLessThan(contacts.length);
      await screenshot(page, 'explorer-4-list');
      await page.keyboard.press('Shift+L');
      await page.getByTestId('contact-table').waitFor({ state: 'detached' });
      expect(session.errors).toEqual([]);
    }));

  it('switches to the network view with an animation, keeps the selection, and comes back to the sphere', () =>
    explore(async ({ page, session, contacts, sphere }) => {
      const someone = contacts[10]!;
      await page.keyboard.press('/');
      await page.keyboard.type(someone.name);
      await page.keyboard.press('Enter');
      await page.getByTestId('detail-panel').getByRole('heading', { name: someone.name }).waitFor();
      const inSphere = (await sphere<{ x: number; y: number }>('nodePosition', someone.id))!;
      await page.getByTestId('view-network').click();
      await page.getByTestId('network-progress').waitFor({ state: 'detached', timeout: 60_000 });
      await expect.poll(async () => {
        const p = (await sphere<{ x: number; y: number }>('nodePosition', someone.id))!;
        return Math.hypot(p.x - inSphere.x, p.y - inSphere.y);
      }).toBeGreaterThan(5);
      await expect.poll(() => sphere<string | null>('settledView')).toBe('network');
      expect(await page.getByTestId('detail-panel').getByRole('heading').first().textContent()).toBe(someone.name);
      await screenshot(page, 'explorer-5-network');
      await page.getByTestId('view-sphere').click();
      await expect.poll(() => sphere<string | null>('settledView')).toBe('sphere');
      expect(await sphere('placeOf', someone.id)).toMatchObject({ ring: expect.any(String) });
      expect(session.errors).toEqual([]);
    }));
});
