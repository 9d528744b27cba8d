// Process: test (Node). The window's wait for the host's upgrade, against the host's real app API handlers: a long
// upgrade's progress is shown, and the wait ends with the store's status once the upgrade is over.
import { describe, expect, it } from 'vitest';
import { createAppApiHandlers } from '../../electron/app-api-handlers.ts';
import { StoreService } from '../../electron/store/store-service.ts';
import { storeReady } from '../../renderer/db/store-ready.ts';
import { dispatchAppRequest, type AppApiClient, type StoreUpgrade } from '../../shared/app-api.ts';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { COLLECTIONS } from '../../shared/schemas/index.ts';
import { COLLECTIONS_V0 } from '../fixtures/schemas-v0.ts';
import { writeV0Store } from '../fixtures/write-v0-store.ts';
import { tempDir } from '../electron/storage-fixtures.ts';
import { syncFor } from '../../electron/sync/sync-for-store.ts';

/** The renderer's API client, with the host's handlers called in-process instead of over a transport. */
function apiOf(store: StoreService): AppApiClient {
  const handlers = createAppApiHandlers(store, { version: 'test', host: 'browser' }, syncFor(store));
  return {
    call: async (name, args) => {
      const outcome = await dispatchAppRequest(handlers, name, args);
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.result as never;
    },
    on: () => () => {},
  };
}

describe('waiting for the store before opening the database', () => {
  it('shows how far a long upgrade has got, and ends when it is done', async () => {
    const dataDir = tempDir('ready-progress');
    await writeV0Store(dataDir, generateSphere({ seed: 16, contacts: 10 }));
    // The settings step waits for the test: the upgrade lasts exactly as long as the test needs.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const store = new StoreService(dataDir, {
      // Only settings behind, whatever versions the other collections are at in this build.
      collections: {
        ...COLLECTIONS_V0,
        settings: { ...COLLECTIONS.settings, migrationStrategies: { ...COLLECTIONS.settings.migrationStrategies, 1: async (doc: object) => (await released, { ...doc, baseCurrency: 'USD' }) } },
      },
    });
    const shown: StoreUpgrade[] = [];
    let sawProgress!: () => void;
    const progressed = new Promise<void>((resolve) => (sawProgress = resolve));
    const waiting = storeReady(apiOf(store), (upgrade) => {
      shown.push(upgrade);
      // First "making a backup" (0 of 0), then the one settings document to move.
      if (upgrade.total > 0) sawProgress();
    });
    await progressed;
    expect(shown.at(-1)).toEqual({ state: 'running', done: 0, total: 1 });
    release();
    const status = await waiting;
    expect(status.upgrade).toBeNull();
    store.close();
  });

  it('answers at once with the reason when the upgrade failed', async () => {
    const dataDir = tempDir('ready-failed');
    await writeV0Store(dataDir, generateSphere({ seed: 17, contacts: 10 }));
    const store = new StoreService(dataDir, {
      collections: { ...COLLECTIONS, settings: { ...COLLECTIONS.settings, migrationStrategies: { 1: () => Promise.reject(new Error('no currency known')) } } },
    });
    const status = await storeReady(apiOf(store), () => {});
    expect(status.upgrade).toMatchObject({ state: 'failed', reason: 'settings: no currency known' });
    expect(status.file).toBe(store.file);
    store.close();
  });
});
