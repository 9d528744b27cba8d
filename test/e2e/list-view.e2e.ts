// Process: test (Node, drives Chromium). The list view: columns the person chooses (kept after a reload), stages in
// life-cycle order, trust highest first, and no graph legend over the table.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { fillStore } from '../support/fill-store.ts';
import { screenshot, withSphere } from './harness.ts';

const sphere = generateSphere({ seed: 7, contacts: 120 });

const headers = (page: Page) => page.getByTestId('contact-table').locator('thead th').allTextContents();
const column = (page: Page, index: number) => page.getByTestId('contact-row').locator(`td:nth-child(${index + 1})`).allTextContents();

describe('the list view', () => {
  for (const viewport of [{ width: 1400, height: 900 }, { width: 1024, height: 700 }]) {
    it(`sorts stages by life cycle and trust highest first, with chosen columns kept (${viewport.width}×${viewport.height})`, () =>
      withSphere(`list-${viewport.width}`, { viewport, prepare: (dir) => fillStore(dir, sphere) }, async ({ page, session }) => {
        await page.getByTestId('toggle-list').click();
        await page.getByTestId('contact-table').waitFor();
        // The graph's legend explains colours the table does not use.
        expect(await page.getByLabel('Legend').count()).toBe(0);
        expect(await headers(page)).toEqual(['Name ▲', 'Category', 'Ring', 'Stage', 'Trust']);

        await page.getByTestId('sort-score').click();
        const trust = (await column(page, 4)).map(Number);
        expect(trust.length).toBeGreaterThan(5);
        expect(trust).toEqual([...trust].sort((a, b) => b - a));
        expect(trust[0]).toBeGreaterThan(trust.at(-1)!);

        await page.getByTestId('sort-stage').click();
        const order = ['Prospect', 'First-time customer', 'Repeat customer', 'Lifetime customer', 'Churned'];
        const stages = (await column(page, 3)).map((s) => order.indexOf(s));
        expect(stages).toEqual([...stages].sort((a, b) => a - b));

        // Choose columns: add email and job title, drop the category.
        await page.getByTestId('choose-columns').click();
        await page.getByTestId('column-email').check();
        await page.getByTestId('column-title').check();
        await page.getByTestId('column-category').uncheck();
        expect(await headers(page)).toEqual(['Name', 'Ring', 'Stage ▲', 'Trust', 'Job title', 'Email']);
        expect((await column(page, 5)).filter((text) => text.includes('@')).length).toBeGreaterThan(0);
        await screenshot(page, `list-${viewport.width}x${viewport.height}`);

        await page.reload();
        await page.getByTestId('toggle-list').click();
        await page.getByTestId('contact-table').waitFor();
        expect(await headers(page)).toEqual(['Name ▲', 'Ring', 'Stage', 'Trust', 'Job title', 'Email']);
        expect(session.errors).toEqual([]);
      }));
  }
});
