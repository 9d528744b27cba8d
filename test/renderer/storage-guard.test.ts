// Process: test (Node). The window's storage channel when its host dies and comes back: a real host core on a real
// SQLite file, RxDB's remote storage and a real RxDatabase; only the wire between them is a function call here.
import { afterEach, describe, expect, it } from 'vitest';
import type { RxStorage } from 'rxdb';
import { startHostCore, type HostCore } from '../../electron/core/host-core.ts';
import { ConnectionWatch, reconnectDelay, STORE_UNREACHABLE } from '../../renderer/platform/connection.ts';
import { guardStorageChannel, withPlainUnreachableErrors } from '../../renderer/platform/storage-guard.ts';
import { openSphereDatabase } from '../../renderer/db/sphere-database.ts';
import { getRxStorageRemote, type MessageFromRemote, type MessageToRemote } from 'rxdb/plugins/storage-remote';
import { Subject } from 'rxjs';
import { tempDir } from '../electron/storage-fixtures.ts';
import { contact } from '../support/contact-fixture.ts';

const cores: HostCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

async function core(dataDir: string) {
  const started = await startHostCore({ dataDir, version: '0', host: 'browser' });
  cores.push(started);
  return started;
}

/** A wire to whichever host is current; `cut()` stops it carrying anything, as a dead socket does. */
function wire() {
  const listeners = new Set<(m: unknown) => void>();
  let client: ReturnType<HostCore['connect']> | null = null;
  return {
    raw: {
      send: (m: unknown) => client?.receiveStorage(m),
      onMessage(listener: (m: unknown) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    plug(host: HostCore) {
      const mine = host.connect({ id: 'window', sendStorage: (m) => mine === client && listeners.forEach((l) => l(m)), sendEvent: () => {} });
      client = mine;
    },
    cut() {
      client?.disconnect();
      client = null;
    },
  };
}

function storageOver(raw: ReturnType<typeof wire>['raw'], connection: ConnectionWatch): RxStorage<unknown, unknown> {
  const channel = guardStorageChannel(raw, connection);
  return withPlainUnreachableErrors(getRxStorageRemote({
    identifier: `guard-test-${Math.random()}`,
    mode: 'one',
    messageChannelCreator() {
      const messages$ = new Subject<MessageFromRemote>();
      channel.onMessage((m) => messages$.next(m as MessageFromRemote));
      return Promise.resolve({ messages$, send: (m: MessageToRemote) => channel.send(m), close: () => Promise.resolve() });
    },
  }) as unknown as RxStorage<unknown, unknown>);
}

describe('storage channel when the host dies', () => {
  it('fails writes at once with a plain reason while the host is away, and a reopened database finds the store again', async () => {
    const dataDir = tempDir('guard');
    const line = wire();
    line.plug(await core(dataDir));
    const connection = new ConnectionWatch({ up: true, generation: 1 });
    const storage = storageOver(line.raw, connection);
    const db = await openSphereDatabase(storage);
    await db.contacts.insert(contact('a', { name: 'Ann' }));

    // The socket dies under a write that is already on its way: the write must not wait forever.
    line.cut();
    cores.splice(0).forEach((c) => c.close());
    const inFlight = db.contacts.insert(contact('b', { name: 'Bo' }));
    connection.set({ up: false, since: Date.now(), attempt: 1, retryAt: Date.now() + 500 });
    await expect(inFlight).rejects.toThrow(STORE_UNREACHABLE);
    // And one made while it is away is refused the same way, with nothing else in the message.
    const refused = await db.contacts.insert(contact('c', { name: 'Cy' })).then(() => null, (err: Error) => err);
    expect(refused?.message).toBe(STORE_UNREACHABLE);

    // The host is back on the same folder: the old database's connections are unknown there and refused here,
    // but it closes; a new one opens on the new host and holds exactly what was stored.
    line.plug(await core(dataDir));
    connection.set({ up: true, generation: 2 });
    await expect(db.contacts.insert(contact('d', { name: 'Di' }))).rejects.toThrow(STORE_UNREACHABLE);
    await db.close();
    const reopened = await openSphereDatabase(storage);
    expect((await reopened.contacts.find().exec()).map((d) => d.name)).toEqual(['Ann']);
    await reopened.contacts.insert(contact('e', { name: 'Eve' }));
    expect(await reopened.contacts.count().exec()).toBe(2);
    await reopened.close();
  });

  it('backs off from half a second to ten seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(reconnectDelay)).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});
