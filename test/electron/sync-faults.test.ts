// Process: test (Node). Sync under faults: real hosts and a real team server with a fault proxy between them
// (test/support/fault-proxy.ts) that drops answers, holds them, cuts streams and answers in the server's place.
// Whatever happens, nothing is lost or duplicated, every device converges, and a fault the user must act on says
// so once instead of looping.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FaultProxy } from '../support/fault-proxy.ts';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { addContact, PASSWORD, snapshot, startServerProcess, SyncRig, tempDir, type Device } from '../support/sync-devices.ts';
import { openDatabase } from '../../server/open-database.ts';
import { checkPushRows, push } from '../../server/replication.ts';
import { servedCollections, SPHERE_COLLECTIONS } from '../../server/served-collections.ts';
import { MAX_PULL_LIMIT, MAX_PUSH_ROWS } from '../../shared/sync/protocol.ts';

let rig = new SyncRig();
/** A rejection nobody handled would end a real host's process: collected here, and a test fails on any. */
const unhandled: unknown[] = [];
const collect = (reason: unknown) => unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', collect));
afterAll(() => void process.off('unhandledRejection', collect));
afterEach(async () => {
  await rig.cleanup();
  rig = new SyncRig();
  expect(unhandled.splice(0).map(String)).toEqual([]);
});

const FAST = { retry: { firstMs: 20, maxMs: 200 } };

/** A server, its team, and one proxy per device so that each device's line can fail on its own. */
async function setup(names: string[]) {
  const server = await rig.startServer();
  await rig.team(server.db, names.map((n) => `${n}@harbor.test`));
  const proxies: (FaultProxy & { base: string })[] = [];
  const devices: Device[] = [];
  for (const name of names) {
    const proxy = await FaultProxy.start(server.base);
    rig.later(() => proxy.close());
    proxies.push(proxy);
    devices.push(await rig.device(name, proxy.base, `${name}@harbor.test`, FAST));
  }
  return { server, proxies, devices };
}

const converged = async (devices: Device[]) => {
  await expect.poll(() => new Set(devices.map(snapshot)).size, { timeout: 20_000 }).toBe(1);
};
const named = (d: Device, name: string) => d.contacts().filter((c) => c.name === name);


/**
 * Sync has stopped asking: requests the other collections had already sent when the error came may still arrive
 * (a loaded machine delays them), and are not retries; once nothing has arrived for a second, nothing more may come.
 */
async function expectNoRetries(proxy: { arrived: unknown[] }): Promise<void> {
  let seen = -1;
  await expect.poll(async () => {
    const now = proxy.arrived.length;
    const quiet = now === seen;
    seen = now;
    if (!quiet) await new Promise((resolve) => setTimeout(resolve, 1000));
    return quiet;
  }, { timeout: 15_000, interval: 0 }).toBe(true);
  const after = proxy.arrived.length;
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect(proxy.arrived.slice(after)).toEqual([]);
}

describe('sync under faults', () => {
  it('turning sync off while a pull is on the wire neither crashes the host nor loses the pull', async () => {
    const { proxies: [proxy], devices: [ann, bo] } = await setup(['ann', 'bo']);
    await ann!.sync.inSync();
    // Ann's line is down while Bo adds a contact; when it is back, Ann's reconnect pulls it, and that answer is
    // held on the wire while Ann turns sync off.
    proxy!.partition(true);
    await addContact(bo!, 'Pulled While Stopping');
    await bo!.sync.inSync();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    proxy!.fault(/^GET .*\/contacts\/\d+\/pull$/, { kind: 'hold', release: held }, 1);
    const arrivedBefore = proxy!.arrived.length;
    proxy!.partition(false);
    await expect.poll(() => proxy!.arrived.slice(arrivedBefore).some((r) => /contacts\/\d+\/pull$/.test(r)), { timeout: 15_000 }).toBe(true);
    await ann!.sync.setEnabled(false);
    const answered = proxy!.next(/contacts\/\d+\/pull$/);
    release();
    await answered;
    // Back on: the contact comes, once.
    await ann!.sync.setEnabled(true);
    await expect.poll(() => named(ann!, 'Pulled While Stopping').length, { timeout: 15_000 }).toBe(1);
    await converged([ann!, bo!]);
  });

  it('a push the server applied but whose answer was lost is sent again and stored once', async () => {
    const { server, proxies: [proxy], devices: [ann, bo] } = await setup(['ann', 'bo']);
    await ann!.sync.inSync();
    proxy!.fault(/^POST .*\/contacts\/\d+\/push$/, { kind: 'dropResponse' }, 1);
    proxy!.fault(/^POST .*\/touches\/\d+\/push$/, { kind: 'dropResponse' }, 1);
    const { createdId } = await addContact(ann!, 'Lost Answer');
    await ann!.run({ type: 'touch.log', contactId: createdId, kind: 'call', direction: 'outbound' });
    await expect.poll(() => named(bo!, 'Lost Answer').length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => bo!.touches().filter((t) => t.contactId === createdId).length, { timeout: 15_000 }).toBe(1);
    await converged([ann!, bo!]);
    // Both answers were lost, and both pushes were sent again; the server holds one row of each.
    expect(proxy!.seen.filter((r) => r.status === 'dropped').map((r) => r.path.split('/')[5])).toEqual(expect.arrayContaining(['contacts', 'touches']));
    const rows = await server.db.query<{ id: string; data: string }>('SELECT id, data FROM docs');
    expect(rows.filter((r) => r.id === createdId)).toHaveLength(1);
    expect(rows.filter((r) => r.data.includes(createdId) && r.id !== createdId)).toHaveLength(1);
    await expect.poll(() => ann!.sync.status(), { timeout: 15_000 }).toMatchObject({ state: 'upToDate', error: null, pending: 0 });
  });

  it('a first pull whose page asked for ahead is lost asks for it again and stores every document once', async () => {
    const server = await rig.startServer();
    const team = await rig.team(server.db, ['ann@harbor.test']);
    // Six full pages and a short one: the sixth is the first asked for ahead of a batch written to the store.
    const touches = Array.from({ length: 6 * MAX_PULL_LIMIT + 500 }, (_, i) => ({
      id: `t-${i}`, contactId: `c-${i % 40}`, kind: 'call', direction: 'outbound', at: 1000 + i, createdAt: 1000 + i, updatedBy: 'teammate', _deleted: false,
    }));
    const served = servedCollections(SPHERE_COLLECTIONS).get('touches')!;
    for (let i = 0; i < touches.length; i += MAX_PUSH_ROWS) {
      await push(server.db, team, served, checkPushRows(served, touches.slice(i, i + MAX_PUSH_ROWS).map((doc) => ({ newDocumentState: doc })), MAX_PUSH_ROWS));
    }
    const proxy = await FaultProxy.start(server.base);
    rig.later(() => proxy.close());
    let pulls = 0;
    proxy.fault((method, p) => /^GET .*\/touches\/\d+\/pull$/.test(`${method} ${p}`) && ++pulls === 6, { kind: 'dropResponse' }, 1);
    const ann = await rig.device('ann', proxy.base, 'ann@harbor.test', FAST);
    await expect.poll(() => ann.touches().length, { timeout: 30_000 }).toBe(touches.length);
    await ann.sync.inSync();
    expect(new Set(ann.touches().map((t) => t.id)).size).toBe(touches.length);
    expect(proxy.seen.filter((r) => r.status === 'dropped' && /touches\/\d+\/pull$/.test(r.path))).toHaveLength(1);
    // The lost page was asked for again from the same checkpoint; no other page was asked for twice.
    const checkpoints = proxy.urls.filter((u) => /touches\/\d+\/pull\?/.test(u)).map((u) => new URL(u, 'http://x').searchParams.get('checkpoint'));
    expect(checkpoints.length - new Set(checkpoints).size).toBe(1);
    expect(ann.sync.status()).toMatchObject({ error: null, pending: 0 });
  });

  it('a cut live stream is opened again and what was missed meanwhile arrives', async () => {
    const { proxies: [, boLine], devices: [ann, bo] } = await setup(['ann', 'bo']);
    await bo!.sync.inSync();
    // Bo's line goes down (open streams cut, reconnects refused) while Ann adds a contact; then it comes back.
    boLine!.partition(true);
    const { createdId } = await addContact(ann!, 'Missed While Cut');
    await ann!.sync.inSync();
    await expect.poll(() => bo!.sync.status().state, { timeout: 15_000 }).toBe('offline');
    boLine!.partition(false);
    await expect.poll(() => named(bo!, 'Missed While Cut').map((c) => c.id), { timeout: 15_000 }).toEqual([createdId]);
    // Live again: a later edit arrives over the reopened stream.
    const reopened = boLine!.seen.length;
    await ann!.run({ type: 'contact.move', contactId: createdId, ring: 'trust' });
    await expect.poll(() => named(bo!, 'Missed While Cut')[0]?.ring, { timeout: 15_000 }).toBe('trust');
    expect(boLine!.arrived.length).toBeGreaterThan(0);
    expect(reopened).toBeGreaterThan(0);
    await converged([ann!, bo!]);
  });

  it('a live stream gone silent (no end, no keep-alive) is noticed and opened again', async () => {
    const { proxies: [, boLine], devices: [ann, bo] } = await setup(['ann', 'bo']);
    await bo!.sync.inSync();
    await expect.poll(() => boLine!.openStreams(), { timeout: 15_000 }).toBe(4);
    boLine!.freezeStreams();
    const { createdId } = await addContact(ann!, 'Sent While Silent');
    await ann!.sync.inSync();
    // The server's keep-alive comes every second here; a stream silent for three is taken for dead.
    await expect.poll(() => named(bo!, 'Sent While Silent').map((c) => c.id), { timeout: 20_000 }).toEqual([createdId]);
    await converged([ann!, bo!]);
  });

  it('a 401 in the middle of a sync stops it with "Sign in again", without looping', async () => {
    const { proxies: [proxy], devices: [ann] } = await setup(['ann']);
    await ann!.sync.inSync();
    proxy!.fault(/^POST .*\/push$/, { kind: 'answer', status: 401, body: { error: 'this sign-in has ended' } });
    await addContact(ann!, 'After Sign-in Ended');
    await expect.poll(() => ann!.sync.status().state, { timeout: 15_000 }).toBe('error');
    expect(ann!.sync.status().error).toBe('Sign in again: this sign-in has ended.');
    // Requests counted over a few backoff periods (20 to 200 ms here): a loop would make dozens.
    await expectNoRetries(proxy!);
    expect(ann!.sync.status().state).toBe('error');
    expect(named(ann!, 'After Sign-in Ended')).toHaveLength(1);
  });

  it('a server on another schema version (426) says which side to update, once', async () => {
    const { proxies: [proxy], devices: [ann, bo] } = await setup(['ann', 'bo']);
    await ann!.sync.inSync();
    // Ann's requests reach the real server as from a newer app (contacts schema version 99): it answers 426.
    const remove = proxy!.fault(/\/contacts\/\d+\//, { kind: 'rewrite', from: /\/contacts\/\d+\//, to: '/contacts/99/' });
    await ann!.sync.setEnabled(false);
    await addContact(ann!, 'Waits For An Update');
    await ann!.sync.setEnabled(true);
    await expect.poll(() => ann!.sync.status().state, { timeout: 15_000 }).toBe('error');
    // The server's own sentence, as a sentence: it knows which side is behind.
    expect(ann!.sync.status().error).toMatch(/^this server speaks contacts schema version \d+, the app 99: the team server needs updating to sync/);
    await expectNoRetries(proxy!);
    // Once versions agree (the server updated), turning sync on again sends what waited.
    remove();
    await ann!.sync.setEnabled(true);
    await expect.poll(() => named(bo!, 'Waits For An Update').length, { timeout: 15_000 }).toBe(1);
    await converged([ann!, bo!]);
  });

  it('a device clock a day ahead or behind: the same outcome everywhere, a clear warning, nobody stuck', async () => {
    const server = await rig.startServer();
    await rig.team(server.db, ['ann@harbor.test', 'bo@harbor.test', 'cy@harbor.test']);
    const DAY = 24 * 3600_000;
    const ann = await rig.device('ann', server.base, 'ann@harbor.test', FAST);
    const bo = await rig.device('bo', server.base, 'bo@harbor.test', { ...FAST, clock: () => Date.now() + DAY });
    const cy = await rig.device('cy', server.base, 'cy@harbor.test', { ...FAST, clock: () => Date.now() - DAY });
    const all = [ann, bo, cy];
    const { createdId } = await addContact(ann, 'Clockwork');
    await expect.poll(() => all.every((d) => named(d, 'Clockwork').length === 1), { timeout: 15_000 }).toBe(true);

    // All offline; Bo (a day ahead) edits the title first, Ann and Cy after him in real time.
    for (const d of all) await d.sync.setEnabled(false);
    await bo.run({ type: 'contact.update', contactId: createdId, changes: { title: 'from Bo, ahead' } });
    await ann.run({ type: 'contact.update', contactId: createdId, changes: { title: 'from Ann', organisation: 'Ann Corp' } });
    await cy.run({ type: 'contact.update', contactId: createdId, changes: { organisation: 'Cy Corp, behind' } });
    for (const d of [cy, ann, bo]) await d.sync.setEnabled(true);
    await converged(all);
    // The stamps decide, whatever the order of reconnection: Bo's stamp is a day later, Cy's a day earlier.
    for (const d of all) expect(named(d, 'Clockwork')[0]).toMatchObject({ title: 'from Bo, ahead', organisation: 'Ann Corp' });
    // Those who heard of Bo's stamp are told a clock is wrong; Bo's is not the one warned.
    for (const d of [ann, cy]) await expect.poll(() => d.sync.status().error, { timeout: 15_000 }).toMatch(/clock is wrong/);
    // Nobody stuck: Cy, a day behind, still adds and edits, and everyone gets it.
    const { createdId: later } = await addContact(cy, 'After The Warning');
    await cy.run({ type: 'contact.move', contactId: later, ring: 'like' });
    await expect.poll(() => all.map((d) => named(d, 'After The Warning')[0]?.ring), { timeout: 15_000 }).toEqual(['like', 'like', 'like']);
    await converged(all);
    for (const d of all) expect(d.sync.status().state).not.toBe('error');
  });

  it('a server killed (SIGKILL) in the middle of a batch loses nothing once it is back', async () => {
    const dataDir = tempDir('server');
    const db = await openDatabase({ dataDir });
    await rig.team(db, ['ann@harbor.test', 'bo@harbor.test']);
    await db.close();
    let server = await startServerProcess(dataDir);
    rig.later(() => server.kill());
    const lines = [await FaultProxy.start(server.base), await FaultProxy.start(server.base)];
    for (const line of lines) rig.later(() => line.close());
    const ann = await rig.device('ann', lines[0]!.base, 'ann@harbor.test', FAST);
    const bo = await rig.device('bo', lines[1]!.base, 'bo@harbor.test', FAST);
    await ann.sync.inSync();

    // 300 contacts made offline go up in batches of 200; the server dies as the first batch reaches it.
    lines[0]!.partition(true);
    for (let i = 0; i < 300; i++) await addContact(ann, `Batch ${i}`);
    let killed: Promise<void> | undefined;
    lines[0]!.fault(/^POST .*\/contacts\/\d+\/push$/, { kind: 'tap', sent: () => void (killed = server.kill()) }, 1);
    lines[0]!.partition(false);
    await expect.poll(() => killed !== undefined, { timeout: 15_000 }).toBe(true);
    await killed;
    await expect.poll(() => ann.sync.status().state, { timeout: 15_000 }).toBe('offline');

    // Back on the same database (another port, as after a restart): everything arrives, once.
    server = await startServerProcess(dataDir);
    for (const line of lines) line.retarget(server.base);
    await expect.poll(() => bo.contacts().filter((c) => c.name.startsWith('Batch ')).length, { timeout: 30_000 }).toBe(300);
    expect(new Set(bo.contacts().map((c) => c.name)).size).toBe(bo.contacts().length);
    await converged([ann, bo]);
    await expect.poll(() => ann.sync.status(), { timeout: 15_000 }).toMatchObject({ state: 'upToDate', pending: 0 });
  });

  it('a host killed in the middle of a pull starts again where it was and ends with everything, once', async () => {
    const server = await rig.startServer();
    await rig.team(server.db, ['ann@harbor.test', 'cy@harbor.test']);
    const ann = await rig.device('ann', server.base, 'ann@harbor.test', FAST);
    for (let i = 0; i < 1200; i++) await addContact(ann, `Pulled ${i}`);
    await ann.sync.inSync();
    const line = await FaultProxy.start(server.base);
    rig.later(() => line.close());
    // Cy's first sync writes each page of the pull as it comes (sync-host-child.ts); the second page is held on the
    // wire and Cy's host is killed.
    let pulls = 0;
    let release!: () => void;
    line.fault((method, path) => /\/contacts\/\d+\/pull$/.test(path) && ++pulls === 2, { kind: 'hold', release: new Promise((resolve) => (release = resolve)) }, 1);
    const cyDir = tempDir('cy');
    const first = hostProcess(cyDir, line.base);
    await expect.poll(() => pulls, { timeout: 30_000 }).toBe(2);
    await first.kill();
    release();
    const afterKill = line.urls.length;

    const again = hostProcess(cyDir, line.base);
    await expect.poll(() => again.output().includes('contacts 1200 upToDate'), { timeout: 30_000 }).toBe(true);
    // It resumed from its checkpoint: its first pull of contacts after the restart starts past the first batch.
    const resumed = line.urls.slice(afterKill).find((u) => /\/contacts\/\d+\/pull\?/.test(u))!;
    expect(JSON.parse(new URL(resumed.split(' ')[1]!, 'http://x').searchParams.get('checkpoint')!).seq).toBeGreaterThanOrEqual(500);
    await again.kill();
    // Opened again in this process: 1200 contacts, each once.
    const cy = await rig.device('cy', null, 'cy@harbor.test', { ...FAST, dataDir: cyDir });
    expect(new Set(cy.contacts().map((c) => c.name)).size).toBe(1200);
    expect(cy.contacts()).toHaveLength(1200);
  });
});

/** The child host (sync-host-child.ts) on `dataDir`, signed in through `server`. */
function hostProcess(dataDir: string, server: string) {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'sync-host-child.ts'), dataDir, server, 'cy@harbor.test', PASSWORD], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  rig.later(async () => void (child.kill('SIGKILL'), await exited));
  return { output: () => out, kill: async () => void (child.kill('SIGKILL'), await exited) };
}
