// Process: test (Node). The host's opening picture, made from a real SQLite store: the sphere as stored, kept
// while nothing changes, made again after a write through this connection or any other; alike in a worker thread.
import { afterEach, describe, expect, it } from 'vitest';
import { StoreService } from '../../electron/store/store-service.ts';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { buildSphereModel } from '../../shared/graph/sphere-model.ts';
import { pictureOf } from '../../shared/graph/sphere-picture.ts';
import { fillStore, sphereDatabase } from '../support/fill-store.ts';
import { tempDir } from './storage-fixtures.ts';

const now = Date.UTC(2026, 5, 1);

async function moveToTrust(store: StoreService, id: string): Promise<void> {
  const db = await sphereDatabase(store);
  await db.contacts.findOne(id).incrementalPatch({ ring: 'trust' });
  await db.close();
}

const WORKER = new URL('../../electron/store/opening-picture-worker.ts', import.meta.url);

// Made here from the parsed documents (Electron without its bundled worker), or in a worker thread from the file.
describe.each([['made here', undefined], ['made in a worker thread', WORKER]] as const)('the opening picture of a store, %s', (_how, pictureWorker) => {
  // A worker that failed would be replaced, quietly but for this line, by the picture made here.
  const logged: string[] = [];
  const log = (line: string) => logged.push(line);
  afterEach(() => expect(logged.splice(0)).toEqual([]));

  it('is null for an empty sphere, and the sphere as stored once it has contacts', async () => {
    const dataDir = tempDir('picture');
    const empty = new StoreService(dataDir, { pictureWorker, log });
    await empty.ready();
    expect(await empty.openingPicture(now)).toBeNull();
    empty.close();

    const sphere = generateSphere({ seed: 3, contacts: 250, ties: 500 });
    await fillStore(dataDir, sphere);
    const store = new StoreService(dataDir, { pictureWorker, log });
    await store.warm();
    expect(await store.openingPicture(now)).toEqual(pictureOf(buildSphereModel(sphere, now), { dimOverdue: false }));
    store.close();
  });

  it('is given up quietly when the store closes while it is being made', async () => {
    const dataDir = tempDir('picture-closing');
    await fillStore(dataDir, generateSphere({ seed: 5, contacts: 300, ties: 600 }));
    const store = new StoreService(dataDir, { pictureWorker, log });
    const making = store.openingPicture(now);
    store.close();
    // Made already (here) or given up (in a worker): no error either way, and no word of a failing worker
    // (checked after each test).
    await making;
  });

  it('is made again after a write, through this connection or another', async () => {
    const dataDir = tempDir('picture-writes');
    const sphere = generateSphere({ seed: 4, contacts: 120, ties: 200 });
    await fillStore(dataDir, sphere);
    const store = new StoreService(dataDir, { pictureWorker, log });
    // Made once the store is known to be at this build's schema versions.
    await store.ready();
    const before = (await store.openingPicture(now))!;
    expect(await store.openingPicture(now)).toBe(before);

    const far = sphere.contacts.find((c) => c.ring === 'know')!;
    await moveToTrust(store, far.id);
    const after = (await store.openingPicture(now))!;
    expect(after).not.toBe(before);
    expect(after).toEqual(pictureOf(buildSphereModel({ ...sphere, contacts: sphere.contacts.map((c) => (c.id === far.id ? { ...c, ring: 'trust' } : c)) }, now), { dimOverdue: false }));

    // Another process (here another connection) writes to the same file.
    const other = new StoreService(dataDir, { pictureWorker, log });
    const another = sphere.contacts.filter((c) => c.ring === 'know')[1]!;
    await moveToTrust(other, another.id);
    other.close();
    expect(await store.openingPicture(now)).not.toEqual(after);
    store.close();
  });
});
