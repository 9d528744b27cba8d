// Process: test (Node). RxDB's own replication test suite (runReplicationBaseTestSuite from rxdb/plugins/test-utils)
// against the team server on SQLite and on PostgreSQL, with the app's SQLite storage as every client's storage.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addRxPlugin, type RxCollection } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { runReplicationBaseTestSuite, schemas, setConfig } from 'rxdb/plugins/test-utils';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { Subject } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SPHERE_COLLECTIONS } from '../../server/served-collections.ts';
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import type { PullResponse, StreamEvent, SyncCheckpoint, WireDoc } from '../../shared/sync/protocol.ts';
import { client, KINDS, newPlace, seedTeam, startServer, tokenFor, type Running } from './support.ts';

// humansCollection.create() asks for local documents and ignoreDuplicate (allowed in dev-mode only), as RxDB's own
// test runs do; dev-mode also checks every schema and write on the way.
disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

// The suite makes its collections on test-utils' configured storage: the app's SQLite storage, one file per database.
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-rxdb-suite-'));
// Dev-mode wants every write checked against its schema, as the app's windows do with the same wrapper.
const storage = wrappedValidateAjvStorage({ storage: getRxStorageSqlite({ directory }) });
setConfig({
  storage: {
    name: 'sphere-sqlite',
    getStorage: () => storage,
    getPerformanceStorage: () => ({ storage, description: 'sphere-sqlite with ajv validation' }),
    hasPersistence: true,
    hasMultiInstance: true,
    hasAttachments: false,
    hasReplication: true,
  },
});
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

// The suite is written for mocha's globals; vitest's describe and it take the same arguments.
Object.assign(globalThis, { describe, it });

/** RxDB's `human` test schema (primary key passportId), served beside Sphere's collections, as strictly. */
const COLLECTION = 'human';
const collections = { ...SPHERE_COLLECTIONS, [COLLECTION]: { schema: schemas.human as never } };

type Human = { passportId: string; firstName: string; lastName: string; age?: number };
type Api = ReturnType<typeof client>;

describe.each(KINDS)('RxDB replication base suite against the team server on %s', (kind) => {
  let server: Running;
  let api: Api;
  let teams = 0;
  const streams: { close(): void }[] = [];
  beforeAll(async () => {
    server = await startServer(await newPlace(kind), { collections });
  });
  afterEach(() => streams.splice(0).forEach((s) => s.close()));
  afterAll(() => server?.close());

  /** Each test starts on a fresh team: its documents are the team's, so a new team is an empty server. */
  async function cleanUpServer() {
    const email = `suite-${++teams}@${kind}.test`;
    const team = await seedTeam(server.db, `Suite ${teams}`, [email]);
    api = client(server.base, await tokenFor(server.base, email), team, COLLECTION, schemas.human.version);
  }

  function replicate(collection: RxCollection<Human>, live: boolean): RxReplicationState<Human, SyncCheckpoint> {
    const stream$ = new Subject<StreamEvent>();
    const link = api;
    if (live) {
      void (async () => {
        const stream = await link.stream();
        streams.push(stream);
        for (;;) {
          const event = await stream.next();
          if (event.event !== 'message') break;
          stream$.next(event.data as StreamEvent);
        }
      })().catch(() => undefined);
    }
    return replicateRxCollection<Human, SyncCheckpoint>({
      collection,
      replicationIdentifier: `team-server-${server.base}`,
      live,
      pull: {
        async handler(checkpoint, batchSize) {
          const { status, body } = await link.pull(checkpoint ?? undefined, batchSize);
          if (status !== 200) throw new Error(`pull: ${status} ${JSON.stringify(body)}`);
          return body as never;
        },
        stream$: stream$.asObservable() as never,
      },
      push: {
        async handler(rows) {
          const { status, body } = await link.push(rows);
          if (status !== 200) throw new Error(`push: ${status} ${JSON.stringify(body)}`);
          return body as never;
        },
      },
    });
  }

  async function getAllServerDocs(): Promise<WireDoc[]> {
    const docs: WireDoc[] = [];
    let checkpoint: SyncCheckpoint | undefined;
    for (;;) {
      const { status, body } = await api.pull(checkpoint, 1000);
      if (status !== 200) throw new Error(`pull: ${status} ${JSON.stringify(body)}`);
      docs.push(...(body as PullResponse).documents);
      if ((body as PullResponse).documents.length === 0) return docs;
      checkpoint = (body as PullResponse).checkpoint;
    }
  }

  runReplicationBaseTestSuite({
    startReplication: (collection: RxCollection<Human>) => replicate(collection, true),
    async syncOnce(collection: RxCollection<Human>) {
      const replication = replicate(collection, false);
      await replication.awaitInitialReplication();
      await replication.cancel();
    },
    getAllServerDocs,
    cleanUpServer,
    softDeletes: true,
    isDeleted: (doc: WireDoc) => doc._deleted,
    getPrimaryOfServerDoc: (doc: WireDoc) => doc.passportId as string,
  } as never);

  it('checks the served test schema as strictly as Sphere\'s own collections', async () => {
    await cleanUpServer();
    const human = { passportId: 'p1', firstName: 'Ada', lastName: 'Lovelace', age: 36, _deleted: false };
    const refused = await api.push([{ newDocumentState: { ...human, age: 'old' } }, { newDocumentState: { ...human, nickname: 'Ada' } }]);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/human document "p1" \(row 0\): age must be integer/);
    expect((await api.push([{ newDocumentState: { ...human, _rev: '1-a' } }])).body.error).toMatch(/must NOT have additional properties: _rev/);
    expect(await getAllServerDocs()).toEqual([]);
    expect((await api.push([{ newDocumentState: human }])).status).toBe(200);
    expect(await getAllServerDocs()).toEqual([human]);
  });

  it('ran its clients on the app\'s SQLite storage: one store file per RxDatabase', () => {
    expect(fs.readdirSync(directory).filter((f) => f.endsWith('.db')).length).toBeGreaterThanOrEqual(5);
  });
});
