// Process: test (Node, drives Chromium). axe-core on each main screen (sphere, list, Today, Settings, the detail
// panel, the palette) at both window sizes: every finding is printed, and none may be serious or moderate.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { fillStore } from '../support/fill-store.ts';
import { screenshot, withSphere } from './harness.ts';

// The app's Content Security Policy refuses inline scripts (addScriptTag's way in), rightly; the test evaluates
// axe through the DevTools protocol instead, which the page's policy does not govern.
const AXE = fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
type Finding = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

const sphere = generateSphere({ seed: 3, contacts: 80 });
// A thanked referral, so the detail panel shows its "thanked" text.
const thanked = sphere.ties.find((t) => t.kind === 'referral')!;
thanked.rewardedAt = thanked.at + 1;
thanked.reward = 'A card';

async function audit(page: Page, screen: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const findings = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: Finding[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  console.log(`axe on ${screen}: ${findings.length} finding${findings.length === 1 ? '' : 's'}`);
  for (const f of findings) console.log(`  [${f.impact}] ${f.id}: ${f.help} (${f.nodes.length}) ${f.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  return findings;
}

const serious = (findings: Finding[]) => findings.filter((f) => f.impact === 'critical' || f.impact === 'serious' || f.impact === 'moderate').map((f) => `${f.impact} ${f.id}`);

describe('accessibility', () => {
  for (const viewport of [{ width: 1400, height: 900 }, { width: 1024, height: 700 }]) {
    it(`has no serious or moderate axe findings on the main screens (${viewport.width}×${viewport.height})`, () =>
      withSphere(`axe-${viewport.width}`, { viewport, prepare: (dir) => fillStore(dir, sphere) }, async ({ page, session }) => {
        const size = `${viewport.width}x${viewport.height}`;
        const found: Record<string, string[]> = {};
        await page.getByTestId('counts').filter({ hasText: '80 contacts' }).waitFor({ state: 'attached' });
        found.sphere = serious(await audit(page, 'the sphere'));

        // The detail panel of the referrer whose referral was thanked.
        const referrer = sphere.contacts.find((c) => c.id === thanked.from)!;
        await page.getByTestId('search').fill(referrer.name);
        await page.keyboard.press('Enter');
        await page.getByTestId('detail-panel').getByRole('heading', { name: referrer.name }).waitFor();
        found.detail = serious(await audit(page, 'the detail panel'));
        await screenshot(page, `axe-detail-${size}`);
        await page.getByRole('button', { name: 'Close details' }).click();

        await page.getByTestId('open-today').click();
        await page.getByTestId('today-panel').waitFor();
        found.today = serious(await audit(page, 'Today'));
        await page.getByRole('button', { name: 'Close Today' }).click();

        await page.getByTestId('toggle-list').click();
        await page.getByTestId('contact-table').waitFor();
        found.list = serious(await audit(page, 'the list'));
        await page.getByTestId('view-sphere').click();

        await page.getByTestId('open-settings').click();
        await page.getByTestId('settings-form').waitFor();
        found.settings = serious(await audit(page, 'Settings'));
        await page.keyboard.press('Escape');
        await page.getByTestId('settings-form').waitFor({ state: 'detached' });

        await page.keyboard.press('Control+k');
        await page.getByTestId('palette-input').waitFor();
        found.palette = serious(await audit(page, 'the palette'));
        await page.keyboard.press('Escape');

        expect(found).toEqual({ sphere: [], detail: [], today: [], list: [], settings: [], palette: [] });
        expect(session.errors).toEqual([]);
      }));
  }
});
