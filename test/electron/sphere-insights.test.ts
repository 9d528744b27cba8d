// Process: test (Node). The host's insights, worked out from a real SQLite store: the figures the shared code
// gives for the stored sphere, here or in a worker thread; kept while nothing changes, worked out again after a
// write through any connection; one computation for the panel and the detail panel; off the host's thread.
import { afterEach, describe, expect, it } from 'vitest';
import { StoreService } from '../../electron/store/store-service.ts';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { computeInsights } from '../../shared/insights/insights.ts';
import { lastYear } from '../../shared/insights/insight-input.ts';
import type { DealDoc } from '../../shared/schemas/index.ts';
import { fillStore, sphereDatabase } from '../support/fill-store.ts';
import { tempDir } from './storage-fixtures.ts';

const now = Date.UTC(2026, 0, 1, 12);
const period = lastYear(now);

async function addDeal(store: StoreService, deal: DealDoc): Promise<void> {
  const db = await sphereDatabase(store);
  await db.deals.insert(deal);
  await db.close();
}

const WORKER = new URL('../../electron/store/insights-worker.ts', import.meta.url);

describe.each([['worked out here', undefined], ['worked out in a worker thread', WORKER]] as const)('the insights of a store, %s', (_how, insightsWorker) => {
  // A worker that failed would be replaced, quietly but for this line, by the figures worked out here.
  const logged: string[] = [];
  const log = (line: string) => logged.push(line);
  afterEach(() => expect(logged.splice(0)).toEqual([]));

  it('are the shared figures for the stored sphere, kept until a write through any connection', async () => {
    const dataDir = tempDir('insights');
    const sphere = generateSphere({ seed: 7, contacts: 300, ties: 700, now });
    await fillStore(dataDir, sphere);
    const store = new StoreService(dataDir, { insightsWorker, log });
    const first = await store.insights({ period, now });
    expect(first).toEqual(computeInsights(sphere, { now, period }));
    expect(await store.insights({ period, now })).toBe(first);
    expect(store.computedInsights).toBe(1);

    // Another process (here another connection) records a deal: the 20/80 total moves by its amount.
    const other = new StoreService(dataDir);
    const buyer = sphere.contacts[0]!;
    await addDeal(other, { id: 'deal-from-elsewhere', contactId: buyer.id, amount: 123_400, currency: 'USD', at: now - 86_400_000, createdAt: now, updatedAt: now, updatedBy: 'other' });
    other.close();
    const after = await store.insights({ period, now });
    expect(after.pareto.total).toBe(first.pareto.total + 123_400);
    expect(store.computedInsights).toBe(2);
    store.close();
  });

  it('share one computation per period among asks made while another is worked out', async () => {
    const dataDir = tempDir('insights-queue');
    await fillStore(dataDir, generateSphere({ seed: 10, contacts: 100, ties: 150, now }));
    const store = new StoreService(dataDir, { insightsWorker, log });
    await store.ready();
    // All time is worked out first; meanwhile the last 12 months, a custom period, and the 12 months again (the
    // panel open while changes arrive): the two asks for the 12 months get one answer.
    const custom = { from: now - 30 * 86_400_000, to: now };
    const asked = [store.insights({ period: { from: 0, to: now }, now }), store.insights({ period, now }), store.insights({ period: custom, now }), store.insights({ period, now })];
    const [, year, month, yearAgain] = await Promise.all(asked);
    expect(yearAgain).toBe(year);
    expect(month).not.toBe(year);
    expect(store.computedInsights).toBe(3);
    store.close();
  });

  it('are of the restored store after a backup is restored', async () => {
    const dataDir = tempDir('insights-restore');
    const sphere = generateSphere({ seed: 6, contacts: 150, ties: 300, now });
    await fillStore(dataDir, sphere);
    const store = new StoreService(dataDir, { insightsWorker, log });
    await store.ready();
    const backup = await store.backupNow();
    const before = await store.insights({ period, now });
    await addDeal(store, { id: 'deal-after-backup', contactId: sphere.contacts[1]!.id, amount: 50_000, currency: 'USD', at: now - 86_400_000, createdAt: now, updatedAt: now, updatedBy: 'me' });
    expect((await store.insights({ period, now })).pareto.total).toBe(before.pareto.total + 50_000);
    // The restored file takes the store's name: a connection kept open on the old one would still see the deal.
    await store.restoreBackup(backup.name);
    expect((await store.insights({ period, now })).pareto.total).toBe(before.pareto.total);
    store.close();
  });

  it('answers the panel and the detail panel, asking seconds apart for the last 12 months, with one computation', async () => {
    const dataDir = tempDir('insights-periods');
    await fillStore(dataDir, generateSphere({ seed: 8, contacts: 120, ties: 200, now }));
    const store = new StoreService(dataDir, { insightsWorker, log });
    // The minute's first second, so that a few seconds later is the same minute.
    const panelAt = Math.floor(now / 60_000) * 60_000;
    const panel = await store.insights({ period: lastYear(panelAt), now: panelAt });
    expect(await store.insights({ period: lastYear(panelAt + 7_000), now: panelAt + 7_000 })).toBe(panel);
    expect(store.computedInsights).toBe(1);
    // Another period is another computation.
    await store.insights({ period: { from: 0, to: panelAt }, now: panelAt });
    expect(store.computedInsights).toBe(2);
    store.close();
  });
});

describe('the insights in a worker thread', () => {
  it('leave the host thread free while they are worked out, and are worked out ahead once the store is warm', async () => {
    const dataDir = tempDir('insights-worker');
    await fillStore(dataDir, generateSphere({ seed: 9, contacts: 400, ties: 900, now }));
    const store = new StoreService(dataDir, { insightsWorker: WORKER, clock: () => now });
    await store.ready();
    let settled = false;
    const asked = store.insights({ period: { from: 0, to: now }, now }).finally(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    // Worked out on this thread, the answer would be there once the event loop has turned: the thread would have
    // been busy with it, and every window's requests with it.
    expect(settled).toBe(false);
    await asked;

    // warm() starts the panel's first question (the last 12 months, by the store's clock) in the worker.
    await store.warm();
    const ahead = store.computedInsights;
    expect(ahead).toBe(2);
    await store.insights({ period: lastYear(now), now });
    expect(store.computedInsights).toBe(ahead);
    store.close();
  });
});
