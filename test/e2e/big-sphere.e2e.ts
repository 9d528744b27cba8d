// Process: test (Node, drives Chromium). A big sphere opens as a still picture at once, then Cytoscape takes
// over with every contact and every tie of the kinds switched on; switching a kind on adds its ties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { fillStore } from '../support/fill-store.ts';
import { freshDataDir, openPage, screenshot, startHost, type Host, type Session } from './harness.ts';

const sphere = generateSphere({ seed: 23, contacts: 2400, ties: 4000 });
let host: Host;
let session: Session;
let page: Page;
const probe = <T>(fn: string) => page.evaluate((f) => (window as unknown as { __sphere: Record<string, () => unknown> }).__sphere[f]!(), fn) as Promise<T>;
const marks = () => page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));

beforeAll(async () => {
  const dataDir = freshDataDir('big');
  await fillStore(dataDir, sphere);
  host = await startHost(dataDir);
  session = await openPage(host.url);
  page = session.page;
}, 60_000);

afterAll(async () => {
  await session?.browser.close();
  await host?.stop();
});

describe('a big sphere', () => {
  it('is painted before Cytoscape has it, and then drawn by Cytoscape whole', async () => {
    await page.waitForFunction(() => performance.getEntriesByName('sphere:ties-drawn').length > 0, null, { timeout: 60_000 });
    const seen = await marks();
    expect(seen['sphere:graph-drawn']).toBeLessThan(seen['sphere:ties-drawn']!);
    expect(await probe<boolean>('previewShown')).toBe(false);
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
  });
});
