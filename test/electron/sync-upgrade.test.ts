// Process: test (Node). A team whose server and whose app were both updated to the bounded schema versions: the
// server mends what it stored (server/document-upgrade.ts), the app mends its own store at launch, each alone,
// and they agree: the same documents, the unsafe id renamed alike on both sides, nothing left over under it.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/open-database.ts';
import { safeId } from '../../shared/schemas/repair.ts';
import { SYNCED_COLLECTIONS } from '../../shared/sync/protocol.ts';
import { ODD_ID, ODD_NAME, ODD_SETTINGS_V0, oddSphere } from '../fixtures/odd-v0-sphere.ts';
import { writeV0Store } from '../fixtures/write-v0-store.ts';
import { content, everything, SyncRig, tempDir } from '../support/sync-devices.ts';

const rig = new SyncRig();
afterEach(() => rig.cleanup());

describe('a team updated to the bounded schemas', () => {
  it('ends with the server and the app holding the same mended documents', async () => {
    const sphere = oddSphere(41);
    // The app's store as the old version left it, after it had synced everything.
    const appDir = tempDir('app');
    await writeV0Store(appDir, sphere, ODD_SETTINGS_V0);
    // The server's rows as the old server stored them: contacts and ties at v1, touches and deals at v0.
    const serverDir = tempDir('server');
    const db = await openDatabase({ dataDir: serverDir });
    const team = await rig.team(db, ['ann@harbor.test']);
    const rows = [
      ...sphere.contacts.map((doc) => ['contacts', doc] as const),
      ...sphere.ties.map((doc) => ['ties', doc] as const),
      ...sphere.touches.map((doc) => ['touches', doc] as const),
      ...sphere.deals.map(({ updatedAt: _u, ...doc }) => ['deals', doc] as const),
    ];
    await db.transaction(async (tx) => {
      for (const [i, [collection, doc]] of rows.entries()) {
        await tx.query('INSERT INTO docs (team_id, collection, id, seq, deleted, data) VALUES ($1, $2, $3, $4, 0, $5)', [team, collection, doc.id, i + 1, JSON.stringify(doc)]);
      }
      await tx.query('UPDATE teams SET seq = $1 WHERE id = $2', [rows.length, team]);
    }, { team });
    await db.close();

    const server = await rig.startServer(serverDir);
    const ann = await rig.device('ann', server.base, 'ann@harbor.test', { dataDir: appDir });
    await expect.poll(() => ann.sync.status().state, { timeout: 30_000 }).toBe('upToDate');
    expect(ann.sync.status().error).toBeNull();

    // What the server holds, live, as a second device that starts from nothing pulls it.
    const bo = await rig.device('bo', server.base, 'ann@harbor.test');
    await expect.poll(() => bo.sync.status().state, { timeout: 30_000 }).toBe('upToDate');
    await expect.poll(() => JSON.stringify(everything(bo)), { timeout: 15_000 }).toBe(JSON.stringify(everything(ann)));
    for (const collection of SYNCED_COLLECTIONS) expect(bo.docs(collection).length, collection).toBe(ann.docs(collection).length);
    expect(ann.contacts()).toHaveLength(sphere.contacts.length);
    const odd = ann.contacts().find((c) => c.name === ODD_NAME)!;
    expect(odd.id).toBe(safeId(ODD_ID));
    expect(content(bo.contacts().find((c) => c.id === odd.id))).toBe(content(odd));
    for (const d of [ann, bo]) expect(d.docs('deals').filter((x) => x.contactId === odd.id).map((x) => x.currency).sort()).toEqual(['USD', 'XXX']);
    for (const d of [ann, bo]) expect(d.contacts().some((c) => c.id === ODD_ID)).toBe(false);
  });
});
