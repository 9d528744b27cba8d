// Process: test (Node). RxDB's own replication (replicateRxCollection) against the server: the protocol as RxDB speaks it.
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { touchSchema, type TouchDoc } from '../../shared/schemas/touch.ts';
import type { PushRow, StreamEvent, SyncCheckpoint } from '../../shared/sync/protocol.ts';
import { client, KINDS, newPlace, seedTeam, startServer, tokenFor, waitFor, type Running } from './support.ts';

type Device = { db: RxDatabase<{ touches: RxCollection<TouchDoc> }>; replication: RxReplicationState<TouchDoc, SyncCheckpoint>; stop(): Promise<void> };

/** One device: an RxDB in memory whose touches replicate through the server, live, as the app's host will. */
async function device(name: string, api: ReturnType<typeof client>): Promise<Device> {
  const db = await createRxDatabase<{ touches: RxCollection<TouchDoc> }>({ name, storage: getRxStorageMemory() });
  await db.addCollections({ touches: { schema: touchSchema } });
  const stream$ = new Subject<StreamEvent>();
  const stream = await api.stream();
  let open = true;
  void (async () => {
    while (open) stream$.next((await stream.next()).data as StreamEvent);
  })().catch(() => undefined);
  const replication = replicateRxCollection<TouchDoc, SyncCheckpoint>({
    collection: db.touches,
    replicationIdentifier: `team-server-${name}`,
    live: true,
    pull: {
      async handler(checkpoint, batchSize) {
        const { status, body } = await api.pull(checkpoint ?? undefined, batchSize);
        if (status !== 200) throw new Error(`pull: ${status}`);
        return body as never;
      },
      stream$: stream$.asObservable() as never,
    },
    push: {
      async handler(rows) {
        const { status, body } = await api.push(rows as unknown as PushRow[]);
        if (status !== 200) throw new Error(`push: ${status} ${JSON.stringify(body)}`);
        return body as never;
      },
    },
  });
  return {
    db,
    replication,
    async stop() {
      open = false;
      stream.close();
      await replication.cancel();
      await db.close();
    },
  };
}

const newTouch = (id: string): TouchDoc => ({ id, contactId: 'c1', kind: 'call', direction: 'outbound', at: 1, createdAt: 1, updatedBy: 'device' });

describe.each(KINDS)('RxDB replication through the server on %s', (kind) => {
  let server: Running;
  let a: Device;
  let b: Device;
  beforeAll(async () => {
    server = await startServer(await newPlace(kind));
    const team = await seedTeam(server.db, 'Acme', ['ann@acme.test', 'bob@acme.test']);
    a = await device(`a${kind}${Date.now()}`, client(server.base, await tokenFor(server.base, 'ann@acme.test'), team));
    b = await device(`b${kind}${Date.now()}`, client(server.base, await tokenFor(server.base, 'bob@acme.test'), team));
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await server?.close();
  });

  it('carries an insert and a delete from one device to the other, live', async () => {
    await a.db.touches.insert(newTouch('t-live'));
    await waitFor(async () => (await b.db.touches.findOne('t-live').exec()) !== null, 'the touch to reach device b');
    const doc = await b.db.touches.findOne('t-live').exec();
    expect(doc?.toJSON()).toMatchObject(newTouch('t-live'));

    await (await b.db.touches.findOne('t-live').exec())!.remove();
    await waitFor(async () => (await a.db.touches.findOne('t-live').exec()) === null, 'the deletion to reach device a');
  });

  it('brings both devices to the same documents after concurrent inserts', async () => {
    await Promise.all([a.db.touches.bulkInsert([newTouch('a1'), newTouch('a2')]), b.db.touches.bulkInsert([newTouch('b1')])]);
    const ids = async (d: Device) => (await d.db.touches.find().exec()).map((t) => t.id).sort();
    await waitFor(async () => (await ids(a)).length === 3 && (await ids(b)).length === 3, 'both devices to hold three touches');
    expect(await ids(a)).toEqual(['a1', 'a2', 'b1']);
    expect(await ids(b)).toEqual(['a1', 'a2', 'b1']);
  });
});
