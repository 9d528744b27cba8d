// Process: test (Node). A fresh device joining a team that already has data: when its sync engine says it is in
// sync, the team's documents are in its store (what the first-sync figure and anyone awaiting inSync() rely on).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { addUser, createTeam } from '../../server/accounts.ts';
import { createTeamServer } from '../../server/app.ts';
import { openDatabase } from '../../server/open-database.ts';
import { checkPushRows, push } from '../../server/replication.ts';
import { StoreService } from '../../electron/store/store-service.ts';
import { syncFor } from '../../electron/sync/sync-for-store.ts';
import { COLLECTIONS, DATABASE_NAME } from '../../shared/schemas/index.ts';
import { MAX_PUSH_ROWS } from '../../shared/sync/protocol.ts';
import { servedCollections, SPHERE_COLLECTIONS } from '../../server/served-collections.ts';

const PASSWORD = 'correct horse battery';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const tempDir = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sphere-first-pull-${name}-`));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};

it('has the whole team in the store once a fresh device says it is in sync', async () => {
  const db = await openDatabase({ dataDir: tempDir('server') });
  const server = await createTeamServer({ db, logLevel: 'silent' });
  const base = await server.listen(0, '127.0.0.1');
  cleanups.push(() => server.close());
  const team = await createTeam(db, 'Harbor Realty');
  await addUser(db, { team, email: 'ann@harbor.test', role: 'member', password: PASSWORD });
  // Several pull batches' worth, written by teammates before this device ever signed in.
  const touches = Array.from({ length: 2500 }, (_, i) => ({
    id: `t-${i}`, contactId: `c-${i % 40}`, kind: 'call', direction: 'outbound', at: 1000 + i, createdAt: 1000 + i, updatedBy: 'teammate', _deleted: false,
  }));
  const touchesServed = servedCollections(SPHERE_COLLECTIONS).get('touches')!;
  for (let i = 0; i < touches.length; i += MAX_PUSH_ROWS) {
    await push(db, team, touchesServed, checkPushRows(touchesServed, touches.slice(i, i + MAX_PUSH_ROWS).map((doc) => ({ newDocumentState: doc })), MAX_PUSH_ROWS));
  }

  const store = new StoreService(tempDir('ann'));
  await store.ready();
  const sync = syncFor(store, { retry: { firstMs: 50, maxMs: 300 } });
  cleanups.push(async () => {
    await sync.stop();
    store.close();
  });
  await sync.signIn({ server: base, email: 'ann@harbor.test', password: PASSWORD });
  await sync.inSync();

  // Read at once, not polled: inSync() is the promise that they are there.
  expect(store.current.raw.liveDocuments(DATABASE_NAME, 'touches', COLLECTIONS.touches.schema.version)).toHaveLength(touches.length);
  expect(sync.status()).toMatchObject({ pending: 0, received: touches.length, error: null });
  // The status shown follows on its own refresh (RxDB lowers its "active" flags a moment after the queues settle).
  await expect.poll(() => sync.status().state, { timeout: 10_000 }).toBe('upToDate');
});
