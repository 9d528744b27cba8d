// Process: test (Node). Two team server processes on one PostgreSQL database behind a loopback balancer: the one
// in use is killed outright, and the app's hosts carry on through the other by themselves and end alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { newPlace, openPlace, seedTeam, type Place } from './support.ts';
import { startBalancer, type Balancer } from '../support/loopback-balancer.ts';
import { addContact, content, everything, SyncRig, type Device } from '../support/sync-devices.ts';
import { STREAM_IDLE_MS } from '../../electron/sync/sync-http.ts';

const port = (p: ServerProcess) => Number(new URL(p.base).port);

describe('two server processes on one PostgreSQL, one killed', () => {
  let place: Place;
  let team: string;
  let processes: ServerProcess[] = [];
  let balancer: Balancer;
  const rig = new SyncRig();
  let ann: Device;
  let bo: Device;

  beforeAll(async () => {
    place = await newPlace('postgres');
    const db = await openPlace(place);
    team = await seedTeam(db, 'Harbor Realty', ['ann@harbor.test', 'bo@harbor.test']);
    await db.close();
    // One after the other: the first has brought the database's schema up to date when the second opens it.
    processes.push(await startServerProcess(place));
    processes.push(await startServerProcess(place));
    balancer = await startBalancer(processes.map(port));
    // Server processes keep streams alive every 25 s, not every second as the rig's own servers do.
    ann = await rig.device('ann', balancer.base, 'ann@harbor.test', { streamIdleMs: STREAM_IDLE_MS });
    bo = await rig.device('bo', balancer.base, 'bo@harbor.test', { streamIdleMs: STREAM_IDLE_MS });
  });
  afterAll(async () => {
    await rig.cleanup();
    await balancer?.close();
    await Promise.all(processes.map((p) => p.stop()));
  });

  const named = (d: Device, name: string) => d.contacts().find((c) => c.name === name);

  /** What the team's database holds, shaped like everything(device): live documents' fields, per collection. */
  async function onServer() {
    const db = await openPlace(place);
    try {
      // Row-level security shows a transaction only its team's documents.
      const rows = await db.transaction((tx) => tx.query<{ collection: string; data: string }>('SELECT collection, data FROM docs WHERE deleted = 0'), { team });
      return (['contacts', 'ties', 'touches', 'deals'] as const).map((c) => rows.filter((r) => r.collection === c).map((r) => content(JSON.parse(r.data) as Record<string, unknown>)).sort());
    } finally {
      await db.close();
    }
  }

  it('moves both clients to the surviving process, and they converge with nothing lost', async () => {
    const { createdId: annFirst } = await addContact(ann, 'Grace Hopper');
    const { createdId: boFirst } = await addContact(bo, 'Alan Turing');
    for (const d of [ann, bo]) {
      await expect.poll(() => [named(d, 'Grace Hopper')?.id, named(d, 'Alan Turing')?.id], { timeout: 20_000 }).toEqual([annFirst, boFirst]);
    }

    // Every connection so far went to one process: kill it without letting it finish anything.
    const used = processes.find((p) => port(p) === balancer.current())!;
    const survivor = processes.find((p) => p !== used)!;
    const killed = await used.kill('SIGKILL');
    expect(killed.code).toBeNull();
    processes = [survivor];

    // Both keep working at once, on their own and each other's contacts, while their streams are cut.
    await Promise.all([
      (async () => {
        await addContact(ann, 'Katherine Johnson');
        await ann.run({ type: 'contact.update', contactId: boFirst, changes: { title: 'Cryptanalyst' } });
        await ann.run({ type: 'contact.move', contactId: annFirst, ring: 'trust' });
      })(),
      (async () => {
        await addContact(bo, 'Margaret Hamilton');
        await bo.run({ type: 'contact.update', contactId: annFirst, changes: { organisation: 'US Navy' } });
        await bo.run({ type: 'touch.log', contactId: boFirst, kind: 'call', direction: 'outbound' });
      })(),
    ]);

    // No one told the engines anything: they find the other process through the balancer on their own, push what
    // they did and pull what the other did, until both hold what the database holds, and both say so.
    const names = (d: Device) => d.contacts().map((c) => c.name).sort();
    const all = ['Alan Turing', 'Grace Hopper', 'Katherine Johnson', 'Margaret Hamilton'];
    for (const d of [ann, bo]) await expect.poll(() => names(d), { timeout: 30_000 }).toEqual(all);
    await expect.poll(async () => JSON.stringify(everything(ann)) === JSON.stringify(everything(bo)) && JSON.stringify(everything(ann)) === JSON.stringify(await onServer()), { timeout: 30_000 }).toBe(true);
    // Documents pulled after the last push are not "waiting to be sent": both end up to date with nothing pending.
    for (const d of [ann, bo]) await expect.poll(() => [d.sync.status().state, d.sync.status().pending], { timeout: 30_000 }).toEqual(['upToDate', 0]);
    expect(balancer.current()).toBe(port(survivor));
    expect(named(bo, 'Grace Hopper')).toMatchObject({ ring: 'trust', organisation: 'US Navy' });
    expect(named(bo, 'Alan Turing')).toMatchObject({ title: 'Cryptanalyst' });
    // The move's history touch and bo's call.
    expect(ann.docs('touches')).toHaveLength(2);

    // The live stream is back too: an edit after the failover reaches the other device without a restart.
    await bo.run({ type: 'contact.update', contactId: annFirst, changes: { notes: 'after the failover' } });
    await expect.poll(() => named(ann, 'Grace Hopper')?.notes, { timeout: 20_000 }).toBe('after the failover');
    await expect.poll(() => content(named(ann, 'Grace Hopper')), { timeout: 20_000 }).toBe(content(named(bo, 'Grace Hopper')));
  });
});
