// Process: test (Node, drives Chromium). Another connection writes the store while a window is open (as the import
// command, a second host or sync would): the window shows the new contact without a reload.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase } from 'rxdb';
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import { StoreService } from '../../electron/store/store-service.ts';
import { COLLECTIONS, DATABASE_NAME } from '../../shared/schemas/index.ts';
import { freshDataDir, openPage, startHost, type Host, type Session } from './harness.ts';

const running: { host?: Host; session?: Session }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.session?.browser.close();
    await r.host?.stop();
  }
});

const contact = (id: string, name: string) => {
  const at = Date.now();
  return { id, name, category: 'friends', ring: 'like', emails: [], phones: [], tags: [], roles: [], createdAt: at, updatedAt: at, updatedBy: 'other-writer' };
};

/** An RxDatabase on its own connection to the data folder's store file, as a separate tool would open it. */
async function openOtherConnection(dataDir: string) {
  const storage = getRxStorageSqlite({ directory: dataDir, fileFor: () => path.join(dataDir, `${DATABASE_NAME}.db`) });
  const db = await createRxDatabase({ name: DATABASE_NAME, storage, multiInstance: false });
  await db.addCollections(COLLECTIONS);
  return db;
}

describe('a store written by another connection', () => {
  it('shows a contact another connection wrote while the window is open, without a reload', async () => {
    const dataDir = freshDataDir('other-writer');
    // Two contacts before the host starts, so the window opens on a sphere rather than on an empty one.
    const store = new StoreService(dataDir);
    const seed = await createRxDatabase({ name: DATABASE_NAME, storage: store.current.raw, multiInstance: false });
    await seed.addCollections(COLLECTIONS);
    await seed.collections.contacts!.bulkInsert([contact('c1', 'Ann Lee'), contact('c2', 'Bo Chen')]);
    await seed.close();
    store.close();

    const host = await startHost(dataDir);
    const session = await openPage(host.url);
    running.push({ host, session });
    const counts = session.page.getByTestId('counts');
    await expect.poll(() => counts.textContent()).toMatch(/^2 contacts/);
    let reloaded = false;
    session.page.on('framenavigated', () => (reloaded = true));

    const other = await openOtherConnection(dataDir);
    await other.collections.contacts!.insert(contact('c3', 'Cy Other'));
    await expect.poll(() => counts.textContent(), { timeout: 10_000 }).toMatch(/^3 contacts/);

    await (await other.collections.contacts!.findOne('c1').exec())!.remove();
    await expect.poll(() => counts.textContent(), { timeout: 10_000 }).toMatch(/^2 contacts/);
    await other.close();
    expect(reloaded).toBe(false);
    expect(session.errors).toEqual([]);
  });
});
