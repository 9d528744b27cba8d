// Process: test (Node). Sync under faults: real hosts and a real team server with a fault proxy between them
// (test/support/fault-proxy.ts) that drops answers, holds them, cuts streams and answers in the server's place.
// Whatever happens, nothing is lost or duplicated, every device converges, and a fault the user must act on says
// so once instead of looping.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FaultProxy } from '../support/fault-proxy.ts';
import { addContact, snapshot, SyncRig, type Device } from '../support/sync-devices.ts';

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
});
