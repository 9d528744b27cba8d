// Process: test (Node). Team sync end to end below the window: real hosts (StoreService on SQLite files, their
// command runners, their sync engines) against a real team server on loopback, offline and back.
import { afterEach, describe, expect, it } from 'vitest';
import { removeUser } from '../../server/accounts.ts';
import { checkPushRows, push } from '../../server/replication.ts';
import { servedCollections, SPHERE_COLLECTIONS } from '../../server/served-collections.ts';
import { MAX_PULL_LIMIT, MAX_PUSH_ROWS } from '../../shared/sync/protocol.ts';
import { COLLECTIONS, DATABASE_NAME } from '../../shared/schemas/index.ts';
import { contact } from '../support/contact-fixture.ts';
import { addContact, content, SyncRig, tempDir, type Device, type Server } from '../support/sync-devices.ts';

const rig = new SyncRig();
afterEach(() => rig.cleanup());

const startServer = (dataDir?: string, port?: number) => rig.startServer(dataDir, port);
const device = (name: string, server: Server, email: string) => rig.device(name, server.base, email);
const team = (server: Server, emails: string[]) => rig.team(server.db, emails);

const named = (d: Device, name: string) => d.contacts().find((c) => c.name === name);

describe('team sync between two devices', () => {
  it('carries an edit from one device to the other, live, and says it is up to date', async () => {
    const server = await startServer();
    await team(server, ['ann@harbor.test', 'bo@harbor.test']);
    const ann = await device('ann', server, 'ann@harbor.test');
    const bo = await device('bo', server, 'bo@harbor.test');
    const { createdId } = await addContact(ann, 'Grace Hopper');
    await expect.poll(() => named(bo, 'Grace Hopper')?.id, { timeout: 15_000 }).toBe(createdId);
    // Who made it: the member, as her teammate sees it.
    expect(named(bo, 'Grace Hopper')?.updatedBy).toBe('ann@harbor.test');
    await ann.run({ type: 'contact.move', contactId: createdId, ring: 'trust' });
    await expect.poll(() => named(bo, 'Grace Hopper')?.ring, { timeout: 15_000 }).toBe('trust');
    // The stage-change touch of the move travels too.
    await expect.poll(() => bo.store.current.raw.liveDocuments(DATABASE_NAME, 'touches', COLLECTIONS.touches.schema.version).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => ann.sync.status().state, { timeout: 15_000 }).toBe('upToDate');
    expect(ann.sync.status()).toMatchObject({ pending: 0, error: null, team: { name: 'Harbor Realty' } });
    expect(ann.sync.status().lastSyncAt).toBeGreaterThan(0);
  });

  it('works offline, then sends what was done and merges both sides field by field', async () => {
    const dataDir = tempDir('server');
    const first = await startServer(dataDir);
    await team(first, ['ann@harbor.test', 'bo@harbor.test']);
    const ann = await device('ann', first, 'ann@harbor.test');
    const bo = await device('bo', first, 'bo@harbor.test');
    const { createdId } = await addContact(ann, 'Ada Lovelace');
    await expect.poll(() => named(bo, 'Ada Lovelace')?.id, { timeout: 15_000 }).toBe(createdId);
    await first.server.close();

    // Both on the road: each edits a different field of the same contact, and one field both ways.
    await ann.run({ type: 'contact.update', contactId: createdId, changes: { title: 'Mathematician', notes: 'ann wrote this' } });
    await expect.poll(() => ann.sync.status().state, { timeout: 15_000 }).toBe('offline');
    await bo.run({ type: 'contact.update', contactId: createdId, changes: { organisation: 'Analytical Engines', notes: 'bo wrote this later' } });
    // Whichever it noticed first (the stream ending, a request failing), it says the server is away.
    expect(ann.sync.status().error).toMatch(/cannot be reached|not answering|stream ended/);

    // The server comes back on the same address: both send, pull, and end alike.
    await startServer(dataDir, first.port);
    for (const d of [ann, bo]) await expect.poll(() => d.sync.status().state, { timeout: 20_000 }).toBe('upToDate');
    await expect.poll(() => content(named(ann, 'Ada Lovelace')), { timeout: 15_000 }).toBe(content(named(bo, 'Ada Lovelace')));
    expect(named(ann, 'Ada Lovelace')).toMatchObject({ title: 'Mathematician', organisation: 'Analytical Engines', notes: 'bo wrote this later' });
  });

  it('lets a delete on one side beat an offline edit on the other', async () => {
    const dataDir = tempDir('server');
    const first = await startServer(dataDir);
    await team(first, ['ann@harbor.test', 'bo@harbor.test']);
    const ann = await device('ann', first, 'ann@harbor.test');
    const bo = await device('bo', first, 'bo@harbor.test');
    const { createdId } = await addContact(ann, 'Temp Person');
    await expect.poll(() => named(bo, 'Temp Person')?.id, { timeout: 15_000 }).toBe(createdId);
    await first.server.close();
    await ann.run({ type: 'contact.delete', contactId: createdId });
    await bo.run({ type: 'contact.update', contactId: createdId, changes: { notes: 'edited on the road' } });
    await startServer(dataDir, first.port);
    for (const d of [ann, bo]) await expect.poll(() => named(d, 'Temp Person'), { timeout: 20_000 }).toBeUndefined();
  });

  it('keeps a private contact on its device, and marking a shared one private takes it off the others', async () => {
    const server = await startServer();
    await team(server, ['ann@harbor.test', 'bo@harbor.test']);
    const ann = await device('ann', server, 'ann@harbor.test');
    const bo = await device('bo', server, 'bo@harbor.test');
    const { createdId: secret } = await addContact(ann, 'Private Person');
    await ann.run({ type: 'contact.update', contactId: secret, changes: { private: true } });
    await ann.run({ type: 'touch.log', contactId: secret, kind: 'call', direction: 'outbound' });
    const { createdId: shared } = await addContact(ann, 'Shared Person');
    await expect.poll(() => named(bo, 'Shared Person')?.id, { timeout: 15_000 }).toBe(shared);
    await ann.sync.inSync();
    // Nothing of the private contact reached the server: only a tombstone id at most.
    const rows = await server.db.query<{ data: string; deleted: number | boolean }>(`SELECT data, deleted FROM docs`);
    expect(rows.map((r) => r.data).join('\n')).not.toContain('Private Person');
    expect(named(bo, 'Private Person')).toBeUndefined();

    await ann.run({ type: 'contact.update', contactId: shared, changes: { private: true } });
    await expect.poll(() => named(bo, 'Shared Person'), { timeout: 15_000 }).toBeUndefined();
    await ann.sync.inSync();
    expect(named(ann, 'Shared Person')).toMatchObject({ private: true });
  });

  it('pulls the whole team even when pages of the pull hold tombstones of its own private contacts', async () => {
    const server = await startServer();
    const team = await rig.team(server.db, ['ann@harbor.test']);
    const ann = await device('ann', server, 'ann@harbor.test');
    await ann.sync.setEnabled(false);
    const secrets: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { createdId } = await addContact(ann, `Private ${i}`);
      await ann.run({ type: 'contact.update', contactId: createdId, changes: { private: true } });
      secrets.push(createdId);
    }
    // The server holds what such a device leaves there, a tombstone per private contact, one in each page of
    // the team's feed: a page this device filters comes back shorter than it asked for.
    const contacts = servedCollections(SPHERE_COLLECTIONS).get('contacts')!;
    const team$ = Array.from({ length: 4 * MAX_PULL_LIMIT }, (_, i) => ({ ...contact(`c-team-${String(i).padStart(5, '0')}`, { updatedBy: 'bo@harbor.test' }), _deleted: false }));
    const feed = team$.flatMap((doc, i) => (i % MAX_PULL_LIMIT === 0 ? [{ id: secrets[i / MAX_PULL_LIMIT]!, _deleted: true }, doc] : [doc]));
    for (let i = 0; i < feed.length; i += MAX_PUSH_ROWS) {
      await push(server.db, team, contacts, checkPushRows(contacts, feed.slice(i, i + MAX_PUSH_ROWS).map((doc) => ({ newDocumentState: doc })), MAX_PUSH_ROWS));
    }

    await ann.sync.setEnabled(true);
    await ann.sync.inSync();
    // Read at once: inSync() is the promise that the team is here. A filtered page once looked like the end of
    // the feed, and the rest waited for a live event whose checkpoint then skipped it.
    expect(ann.contacts().filter((c) => c.id.startsWith('c-team-'))).toHaveLength(team$.length);
    expect(secrets.map((id) => ann.contacts().find((c) => c.id === id)?.private)).toEqual([true, true, true, true]);
  });

  it('stops with "sign in again" when the account is removed, without looping', async () => {
    const server = await startServer();
    await team(server, ['ann@harbor.test']);
    const ann = await device('ann', server, 'ann@harbor.test');
    await ann.sync.inSync();
    await removeUser(server.db, { email: 'ann@harbor.test' });
    await addContact(ann, 'After Removal');
    await expect.poll(() => ann.sync.status().state, { timeout: 15_000 }).toBe('error');
    expect(ann.sync.status().error).toMatch(/Sign in again/);
    // The contact stays on the device, waiting to be sent after the next sign-in.
    expect(named(ann, 'After Removal')).toBeDefined();
  });
});
