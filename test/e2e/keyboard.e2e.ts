// Process: test (Node, drives Chromium). A person working by keyboard alone: shortcuts are not swallowed by the
// control that has the focus, panels take the focus when they open, dialogs give it back, quick-log types into
// the note, and the palette holds the view's commands with this platform's keys.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { fillStore } from '../support/fill-store.ts';
import { screenshot, withSphere } from './harness.ts';

const sphere = generateSphere({ seed: 11, contacts: 60 });

const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return { testId: el?.getAttribute('data-testid') ?? null, inside: el?.closest('aside, dialog')?.getAttribute('data-testid') ?? null, text: el?.textContent ?? '' };
});

async function tabTo(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 60 && (await focused(page)).testId !== testId; i++) await page.keyboard.press('Tab');
  expect((await focused(page)).testId).toBe(testId);
}

describe('the keyboard', () => {
  for (const viewport of [{ width: 1400, height: 900 }, { width: 1024, height: 700 }]) {
    it(`is never swallowed, and the focus goes where the work is (${viewport.width}×${viewport.height})`, () =>
      withSphere(`keyboard-${viewport.width}`, { viewport }, async ({ page, session }) => {
        // T on the legend's colour dropdown opens Today; it used to jump the dropdown to "Time since last touch".
        await tabTo(page, 'colour-by');
        await page.keyboard.press('t');
        await page.getByTestId('today-panel').waitFor();
        expect(await page.getByTestId('colour-by').inputValue()).toBe('category');
        await page.keyboard.press('t');
        await page.getByTestId('today-panel').waitFor({ state: 'detached' });

        // A dialog gives the focus back to what opened it.
        await page.getByTestId('open-settings').focus();
        await page.keyboard.press('Enter');
        await page.getByTestId('settings-form').waitFor();
        await page.keyboard.press('Escape');
        await page.getByTestId('settings-form').waitFor({ state: 'detached' });
        expect((await focused(page)).testId).toBe('open-settings');

        // N adds a contact; the detail panel then has the focus on its first action, one press from the rest.
        await page.keyboard.press('n');
        await page.getByTestId('contact-name').fill('Bo Chen');
        await page.getByTestId('contact-category').selectOption('business');
        await page.getByTestId('contact-ring').selectOption('like');
        await page.keyboard.press('Enter');
        await page.getByTestId('detail-panel').getByRole('heading', { name: 'Bo Chen' }).waitFor();
        await expect.poll(async () => (await focused(page)).inside).toBe('detail-panel');
        await screenshot(page, `keyboard-detail-focus-${viewport.width}x${viewport.height}`);

        // L, then typing: the words go into the note, and the kind stays a call.
        await page.keyboard.press('l');
        await page.getByTestId('touch-form').waitFor();
        await page.keyboard.type('Met at the open house');
        expect(await page.getByTestId('touch-note').inputValue()).toBe('Met at the open house');
        expect(await page.getByTestId('touch-kind').inputValue()).toBe('call');
        await page.keyboard.press('Escape');
        await page.getByTestId('touch-form').waitFor({ state: 'detached' });

        // The palette shows Ctrl+K on Linux, and colours the graph and switches ties.
        expect(await page.getByTestId('open-palette').textContent()).toBe('Ctrl+K');
        await page.keyboard.press('Control+k');
        await page.getByTestId('palette-input').waitFor();
        await page.keyboard.type('colour stage');
        await screenshot(page, `keyboard-palette-${viewport.width}x${viewport.height}`);
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByTestId('colour-by').inputValue()).toBe('stage');
        await page.keyboard.press('Control+k');
        await page.keyboard.type('referral ties');
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByTestId('tie-toggle-referral').isChecked()).toBe(false);
        await page.keyboard.press('Control+k');
        await page.keyboard.type('thank');
        expect(await page.getByTestId('command-palette').textContent()).toMatch(/Thank them for a referral/);
        await page.keyboard.press('Escape');
        expect(session.errors).toEqual([]);
      }));
  }

  it('reaches every ring of the graph with the arrow keys, says who is there, and opens them with Enter', () =>
    withSphere('keyboard-graph', { viewport: { width: 1024, height: 700 }, prepare: (dir) => fillStore(dir, sphere) }, async ({ page, session }) => {
      await page.getByTestId('counts').filter({ hasText: '60 contacts' }).waitFor({ state: 'attached' });
      await tabTo(page, 'graph-canvas');
      const said = () => page.getByTestId('graph-announcer').textContent();
      const ringSaid = async () => /: (\w+),/.exec((await said()) ?? '')?.[1];
      await page.keyboard.press('ArrowRight');
      await expect.poll(said).toMatch(/^.+: \w+, \w+, trust \d+\. Enter opens\.$/);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
      await expect.poll(ringSaid).toBe('Trust');
      const first = await said();
      await page.keyboard.press('ArrowRight');
      await expect.poll(said).not.toBe(first);
      expect(await ringSaid()).toBe('Trust');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      await expect.poll(ringSaid).toBe('Prospects');
      await screenshot(page, 'keyboard-graph-1024x700');
      const name = (await said())!.split(':')[0]!;
      const id = sphere.contacts.find((c) => c.name === name)!.id;
      const at = (await page.evaluate((i) => (window as unknown as { __sphere: { nodePosition(id: string): { x: number; y: number } } }).__sphere.nodePosition(i), id))!;
      expect(at.x).toBeGreaterThan(0);
      expect(at.x).toBeLessThan(1024);
      expect(at.y).toBeGreaterThan(0);
      expect(at.y).toBeLessThan(700);
      await page.keyboard.press('Enter');
      await page.getByTestId('detail-panel').getByRole('heading', { name }).waitFor();
      expect(session.errors).toEqual([]);
    }));
});
