// Process: test (Node, drives Chromium). Insights through the real UI: every tab opens on the sample sphere, the
// figures agree with the shared computation on what is really stored, clicking through filters the sphere,
// the timeline replays it, and a chart exports.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { drawn, screenshot, withSphere } from './harness.ts';
import { storedDocs } from './stored.ts';
import { computeInsights } from '../../shared/insights/insights.ts';
import type { ContactDoc, DealDoc, TieDoc, TouchDoc } from '../../shared/schemas/index.ts';

type Probe = { nodeCount(): number; visibleCount(): number; nodeColour(id: string): string | null };
const nodeCount = (page: Page) => page.evaluate(() => (window as unknown as { __sphere: Probe }).__sphere.nodeCount());
const visible = (page: Page) => page.evaluate(() => (window as unknown as { __sphere: Probe }).__sphere.visibleCount());
const YEAR = 365 * 86_400_000;

describe('insights', () => {
  it('opens every insight, clicks through to the sphere, replays the timeline and exports a chart', async () => {
    await withSphere('insights', { viewport: { width: 1500, height: 920 } }, async ({ dataDir, page }) => {
      await page.getByTestId('load-sample').click();
      await expect.poll(() => page.getByTestId('counts').textContent(), { timeout: 30_000 }).toMatch(/^300 contacts/);
      await page.keyboard.press('Shift+I');
      await page.getByTestId('insights-panel').waitFor();

      // 20/80: the headline is the shared computation over what is really in the file.
      const docs = {
        contacts: storedDocs<ContactDoc>(dataDir, 'contacts'),
        ties: storedDocs<TieDoc>(dataDir, 'ties'),
        touches: storedDocs<TouchDoc>(dataDir, 'touches'),
        deals: storedDocs<DealDoc>(dataDir, 'deals'),
      };
      const now = Date.now();
      const expected = computeInsights(docs, { now, period: { from: now - YEAR, to: now } });
      expect(expected.pareto.customers).toBeGreaterThan(5);
      const headline = page.getByTestId('pareto-headline');
      await headline.waitFor();
      expect(await headline.textContent()).toContain(`(${expected.pareto.members.length} people of ${expected.pareto.customers})`);
      await page.getByTestId('pareto-chart').locator('canvas').first().waitFor();
      await drawn(page);
      await screenshot(page, 'insights-1-pareto');

      // Click through: only the top customers stay on the sphere.
      await page.getByTestId('pareto-spotlight').click();
      await expect.poll(() => visible(page)).toBe(expected.pareto.members.length);
      await page.getByTestId('spotlight').waitFor();
      await drawn(page);
      await screenshot(page, 'insights-2-pareto-on-sphere');
      await page.getByTestId('spotlight-clear').click();
      await expect.poll(() => visible(page)).toBe(300);

      // A chart exports as CSV: a file the user gets, with one row per customer.
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pareto-chart').getByRole('button', { name: 'CSV' }).click()]);
      const text = fs.readFileSync((await csv.path())!, 'utf8');
      expect(text.split('\r\n')[0]).toBe('Rank,Customer,Revenue (USD),Share,Cumulative share');
      expect(text.trim().split('\r\n')).toHaveLength(1 + expected.pareto.customers);
      const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pareto-chart').getByRole('button', { name: 'PNG' }).click()]);
      expect(fs.readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
      // A file that cannot be saved is said beside the figures, which stay up.
      await page.evaluate(() => {
        const real = URL.createObjectURL;
        URL.createObjectURL = () => {
          URL.createObjectURL = real;
          throw new Error('no room for the file');
        };
      });
      await page.getByTestId('pareto-chart').getByRole('button', { name: 'CSV' }).click();
      await expect.poll(() => page.getByTestId('insights-save-error').textContent()).toContain('no room for the file');
      expect(await headline.isVisible()).toBe(true);
      await screenshot(page, 'insights-1b-save-failed');
      await page.getByTestId('insights-save-error').getByRole('button', { name: 'Dismiss' }).click();
      await page.getByTestId('insights-save-error').waitFor({ state: 'detached' });

      // Funnel: clicking a stage filters the sphere to the people at it.
      await page.getByTestId('insights-tab-funnel').click();
      await page.getByTestId('funnel-repeat').click();
      await expect.poll(() => visible(page)).toBe(expected.funnel.repeat);
      await screenshot(page, 'insights-3-funnel');
      await page.getByTestId('spotlight-clear').click();

      // Matrix: a cell is its ring × category.
      await page.getByTestId('insights-tab-matrix').click();
      const cell = expected.matrix.find((c) => c.ring === 'trust' && c.category === 'family')!;
      await page.getByTestId('matrix-trust-family').click();
      await expect.poll(() => visible(page)).toBe(cell.contacts);
      await screenshot(page, 'insights-4-matrix');
      await page.getByTestId('spotlight-clear').click();

      for (const tab of ['nurtured', 'referrals', 'partners']) {
        await page.getByTestId(`insights-tab-${tab}`).click();
        await page.getByTestId(tab).waitFor();
      }
      await screenshot(page, 'insights-5-partners');

      // Influence: the sphere can be coloured by the score; the most influential person changes colour.
      await page.getByTestId('insights-tab-influence').click();
      const top = expected.influence.ranking[0]!.id;
      const before = await page.evaluate((id) => (window as unknown as { __sphere: Probe }).__sphere.nodeColour(id), top);
      await page.getByTestId('colour-by-influence').check();
      await expect.poll(() => page.evaluate((id) => (window as unknown as { __sphere: Probe }).__sphere.nodeColour(id), top)).not.toBe(before);
      await drawn(page);
      await screenshot(page, 'insights-6-influence');
      await page.getByTestId('colour-by-influence').uncheck();
      // The detail panel explains a contact's score part by part, as it does the trust score.
      await page.getByTestId('influence-ranking').getByRole('button', { name: docs.contacts.find((c) => c.id === top)!.name }).first().click();
      await page.getByTestId('influence-score').locator('summary').click();
      await expect.poll(() => page.getByTestId('influence-score').textContent()).toContain('Referral reach');
      expect(await page.getByTestId('influence-score').locator('summary').textContent()).toContain(String(Math.round(expected.influence.ranking[0]!.score)));
      await screenshot(page, 'insights-6b-influence-explained');

      // Timeline: the first recorded day shows fewer people than today; Play moves through time to today.
      await page.getByTestId('insights-tab-timeline').click();
      const slider = page.getByTestId('timeline-slider');
      const min = Number(await slider.getAttribute('min'));
      await slider.evaluate((el, v) => {
        const input = el as HTMLInputElement;
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        set.call(input, String(v));
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, min);
      await expect.poll(() => nodeCount(page)).toBeLessThan(300);
      await drawn(page);
      await screenshot(page, 'insights-7-timeline-start');
      const first = await page.getByTestId('timeline-state').textContent();
      await page.getByTestId('timeline-play').click();
      await expect.poll(() => page.getByTestId('timeline-state').textContent()).not.toBe(first);
      await expect.poll(() => nodeCount(page), { timeout: 30_000 }).toBe(300);
      await screenshot(page, 'insights-8-timeline-end');
    });
  });
});
