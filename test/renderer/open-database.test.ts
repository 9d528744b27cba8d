// Process: test (Node). The window's database opening over the real storage channel never waits forever: a
// refusal that RxDB swallows (its migration asking for the previous schema version) ends the opening with its reason.
import { describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import type { RxStorage } from 'rxdb';
import { getRxStorageRemote, type MessageFromRemote, type MessageToRemote } from 'rxdb/plugins/storage-remote';
import { StorageRouter, type StorageClient } from '../../electron/channel/storage-router.ts';
import { StoreService } from '../../electron/store/store-service.ts';
import { openSphereDatabase } from '../../renderer/db/sphere-database.ts';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { COLLECTIONS } from '../../shared/schemas/index.ts';
import { COLLECTIONS_V0 } from '../fixtures/schemas-v0.ts';
import { writeV0Store } from '../fixtures/write-v0-store.ts';
import { tempDir } from '../electron/storage-fixtures.ts';

/** The renderer's remote storage, wired straight to a router as the transports do. */
function windowStorage(router: StorageRouter): RxStorage<unknown, unknown> {
  const messages$ = new Subject<MessageFromRemote>();
  const client: StorageClient = { id: `test-${Math.random()}`, send: (m) => messages$.next(m) };
  return getRxStorageRemote({
    identifier: client.id,
    mode: 'one',
    messageChannelCreator: () => Promise.resolve({ messages$, send: (m: MessageToRemote) => void router.receive(client, m), close: () => Promise.resolve() }),
  }) as unknown as RxStorage<unknown, unknown>;
}

describe('opening the window\'s database', () => {
  it('fails with the channel\'s reason when RxDB would migrate through it, instead of waiting forever', async () => {
    const dataDir = tempDir('open-refused');
    await writeV0Store(dataDir, generateSphere({ seed: 12, contacts: 20 }));
    // A host that does not upgrade settings (its build still declares version 0) under a window that wants 1: the
    // situation of the issue, where the window's RxDB asks the channel for the old version and is refused.
    const store = new StoreService(dataDir, { collections: { ...COLLECTIONS, settings: COLLECTIONS_V0.settings } });
    await store.ready();
    const lines: string[] = [];
    const router = new StorageRouter(store, (line) => lines.push(line));
    await expect(openSphereDatabase(windowStorage(router))).rejects.toThrow("The Sphere host would not open settings: collection settings: schema differs from this app's");
    expect(lines.join('\n')).toMatch(/refused a message/);
    store.close();
  });

  it('fails with the upgrade\'s reason after the host could not upgrade the store, on every attempt', async () => {
    const dataDir = tempDir('open-failed');
    await writeV0Store(dataDir, generateSphere({ seed: 14, contacts: 10 }));
    const store = new StoreService(dataDir, {
      collections: { ...COLLECTIONS, settings: { ...COLLECTIONS.settings, migrationStrategies: { 1: () => Promise.reject(new Error('no currency known')) } } },
    });
    const router = new StorageRouter(store);
    const reason = 'Your sphere could not be upgraded to this version: settings: no currency known';
    await expect(openSphereDatabase(windowStorage(router))).rejects.toThrow(reason);
    // A reload asks again: refused again, not left waiting.
    await expect(openSphereDatabase(windowStorage(router))).rejects.toThrow(reason);
    store.close();
  });

  it('opens once the host has upgraded the store, with every document', async () => {
    const dataDir = tempDir('open-upgraded');
    await writeV0Store(dataDir, generateSphere({ seed: 13, contacts: 40 }));
    const store = new StoreService(dataDir);
    // No wait for ready(): the channel holds the window's requests until the upgrade is over.
    const db = await openSphereDatabase(windowStorage(new StorageRouter(store)));
    expect(await db.contacts.count().exec()).toBe(40);
    expect((await db.settings.findOne('settings').exec())?.baseCurrency).toBe('USD');
    await db.close();
    store.close();
  });
});
