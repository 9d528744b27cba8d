// Process: benchmark (Node). Team sync as a user meets it: a fresh device's first pull of a whole team, edits made
// offline pushed after reconnect, and how long an edit takes to reach a teammate, against the real team server
// (SQLite, then PostgreSQL) on loopback. The first pull is set beside RxDB's own websocket replication on its
// memory storage serving the same documents in the same run, to two clients: one storing them in a fresh store
// file of the app's SQLite storage, as our device does (the pull the ratio is of), and one on memory storage,
// which stores nothing (what replication costs with no store at all, reported beside). Each server runs in a
// process of its own, as it does in use (ours is `npm run server`; the peer is peer-server.ts): a server in the
// bench's process would share a thread with the device it serves. Prints figures, never pass/fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createRxDatabase, createRxSchema, defaultHashSha256, randomToken, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import { replicateWithWebsocketServer } from 'rxdb/plugins/replication-websocket';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { addUser, createTeam } from '../../server/accounts.ts';
import { openDatabase, type DatabaseChoice } from '../../server/open-database.ts';
import { startServerProcess } from '../server/server-process.ts';
import { startListeningChild } from '../support/listening-child.ts';
import { checkPushRows, push } from '../../server/replication.ts';
import type { SqlDatabase } from '../../server/sql-database.ts';
import { StoreService } from '../../electron/store/store-service.ts';
import { tableNameFor } from '../../electron/store/sqlite-keys.ts';
import { syncFor } from '../../electron/sync/sync-for-store.ts';
import type { SyncEngine } from '../../electron/sync/sync-engine.ts';
import { generateSphere, type SampleSphere } from '../../shared/sample-sphere.ts';
import { COLLECTIONS, DATABASE_NAME } from '../../shared/schemas/index.ts';
import { MAX_PULL_LIMIT, MAX_PUSH_ROWS, SYNCED_COLLECTIONS, type SyncedCollection } from '../../shared/sync/protocol.ts';
import { startPostgres } from '../../scripts/postgres.ts';
import { servedCollections, SPHERE_COLLECTIONS } from '../../server/served-collections.ts';

export type SyncFigures = {
  sizes: Record<SyncedCollection, number> & { total: number };
  /** The peer's first pulls into the app's SQLite storage, all servers' runs: the median. */
  peer: { seconds: number; docsPerSecond: number };
  /** The same into memory storage (nothing stored). */
  memoryPeer: { seconds: number; docsPerSecond: number };
  /** First pulls per figure, ours and the peer's taken turn about; each figure is their median. */
  pullRuns: number;
  servers: ServerFigures[];
};

export type ServerFigures = {
  database: 'sqlite' | 'postgres';
  seedSeconds: number;
  /** Medians of the runs; the ratios are ours over the peers' runs taken alongside. */
  pull: {
    seconds: number; docsPerSecond: number; peerDocsPerSecond: number; ratioToPeer: number;
    memoryPeerDocsPerSecond: number; ratioToMemoryPeer: number;
    runs: { ours: number[]; peer: number[]; memoryPeer: number[] };
  };
  offline: { edits: number; secondsToServer: number; secondsToUpToDate: number; editsPerSecond: number };
  latency: { edits: number; medianMs: number; p95Ms: number; maxMs: number };
};

const PASSWORD = 'correct horse battery';
const OFFLINE_EDITS = 1000;
const LATENCY_EDITS = 50;
/** Our engine's pull batch (the server's MAX_PULL_LIMIT), given to the peer too, so both make as many round trips. */
const PULL_BATCH = MAX_PULL_LIMIT;
/** One run of each is at the mercy of the machine's other work; runs alternate so both meet the same load. */
const PULL_RUNS = 3;
/** The tests' backoff: a bench measures the push after reconnect, not how long the engine waits before retrying. */
const RETRY = { firstMs: 50, maxMs: 300 };

type Log = (line: string) => void;
const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `sphere-sync-bench-${name}-`));
const seconds = (since: number) => (performance.now() - since) / 1000;

/** The team: N contacts, 3N ties, 5N touches (generated touches topped up), and the deals that come with them. */
export function benchSphere(contacts: number): SampleSphere {
  const sphere = generateSphere({ seed: 11, contacts, ties: contacts * 3 });
  const target = contacts * 5;
  const touches = sphere.touches.slice(0, target);
  // More touches of the same kinds, spread over the contacts, so the touches table has the size.
  for (let i = 0; touches.length < target; i++) {
    const model = sphere.touches[i % sphere.touches.length]!;
    touches.push({ ...model, id: `tch-more-${String(i + 1).padStart(7, '0')}`, contactId: sphere.contacts[(i * 7919) % sphere.contacts.length]!.id });
  }
  return { ...sphere, touches };
}

const sizesOf = (sphere: SampleSphere) => {
  const sizes = Object.fromEntries(SYNCED_COLLECTIONS.map((c) => [c, sphere[c].length])) as Record<SyncedCollection, number>;
  return { ...sizes, total: SYNCED_COLLECTIONS.reduce((sum, c) => sum + sizes[c], 0) };
};

/** Writes the team's documents through the server's own push (validation, sequence numbers, one transaction a batch). */
async function seed(db: SqlDatabase, team: string, sphere: SampleSphere): Promise<void> {
  const served = servedCollections(SPHERE_COLLECTIONS);
  for (const collection of SYNCED_COLLECTIONS) {
    const docs = sphere[collection] as unknown as Record<string, unknown>[];
    for (let i = 0; i < docs.length; i += MAX_PUSH_ROWS) {
      const rows = checkPushRows(served.get(collection)!, docs.slice(i, i + MAX_PUSH_ROWS).map((doc) => ({ newDocumentState: { ...doc, _deleted: false } })), MAX_PUSH_ROWS);
      const { conflicts } = await push(db, team, served.get(collection)!, rows);
      if (conflicts.length > 0) throw new Error(`seeding ${collection}: ${conflicts.length} conflicts`);
    }
  }
}

/** A team server process on `choice`, and the bench's own connection to the same database (seeding, counting). */
type Server = { base: string; port: number; db: SqlDatabase; stop(): Promise<void> };

async function startServer(choice: DatabaseChoice, db: SqlDatabase, port = 0): Promise<Server> {
  const place = choice.databaseUrl
    ? { kind: 'postgres' as const, env: { DATABASE_URL: choice.databaseUrl }, args: [] }
    : { kind: 'sqlite' as const, env: { DATABASE_URL: '' }, args: ['--data-dir', choice.dataDir!] };
  const child = await startServerProcess(place, ['--port', String(port)]);
  return { base: child.base, port: Number(new URL(child.base).port), db, stop: async () => void (await child.stop()) };
}

type Device = { store: StoreService; sync: SyncEngine; close(): Promise<void> };

/** A fresh app host: its store on a new data folder and its sync engine, not yet signed in. */
async function freshDevice(name: string): Promise<Device> {
  const dir = tempDir(name);
  const store = new StoreService(dir);
  await store.ready();
  const sync = syncFor(store, { retry: RETRY });
  return {
    store,
    sync,
    async close() {
      await sync.stop();
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Live documents per collection as committed to the device's SQLite file, read through a connection of its own:
 * what any window would find there, not what the engine believes it sent or received.
 */
function storedCounts(store: StoreService): { read: () => Record<SyncedCollection, number>; close: () => void } {
  const file = store.current.raw.fileFor(DATABASE_NAME);
  let db: Database.Database | undefined;
  const close = () => db?.close();
  const read = () => {
    db ??= new Database(file, { readonly: true, fileMustExist: true });
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]));
    return Object.fromEntries(SYNCED_COLLECTIONS.map((c) => {
      const table = tableNameFor(c, COLLECTIONS[c].schema.version);
      return [c, tables.has(table) ? (db!.prepare(`SELECT COUNT(*) FROM "${table}" WHERE deleted = 0`).pluck().get() as number) : 0];
    })) as Record<SyncedCollection, number>;
  };
  return { read, close };
}

/** Resolves when check() holds, checking each `everyMs`; gives up with the last state after `timeoutMs`. */
async function until<T>(what: string, read: () => T | Promise<T>, done: (value: T) => boolean, everyMs: number, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const complete = (expected: Record<string, number>) => (counts: Record<string, number>) => SYNCED_COLLECTIONS.every((c) => counts[c] === expected[c]);

/** A fresh device signs in and pulls the whole team; timed until every document is in its SQLite file. */
async function firstPull(server: Server, email: string, name: string, sizes: ReturnType<typeof sizesOf>, log: Log) {
  const device = await freshDevice(name);
  const counts = storedCounts(device.store);
  const start = performance.now();
  await device.sync.signIn({ server: server.base, email, password: PASSWORD });
  await device.sync.inSync();
  // inSync says the engine is idle; the figure stops only once the file holds every document.
  await until('the first pull', counts.read, complete(sizes), 20, 600_000);
  const took = seconds(start);
  counts.close();
  log(`  ${name}: pulled ${sizes.total} documents in ${took.toFixed(2)} s`);
  return { device, seconds: took };
}

/** Contact edits made while the server is down, then the server back on the same port and data. */
async function offlineEdits(choice: DatabaseChoice, server: Server, team: string, device: Device, contactIds: string[], log: Log) {
  await server.stop();
  await until('the device to notice the server is gone', () => device.sync.status().state, (s) => s === 'offline', 20, 60_000);
  const marker = `offline edit ${randomToken(8)}`;
  // One edit per contact, so the server's rows can be counted (a smaller sphere gets fewer edits).
  const edits = Math.min(OFFLINE_EDITS, contactIds.length);
  for (let i = 0; i < edits; i++) {
    await device.store.commands.run({ type: 'contact.update', contactId: contactIds[i], changes: { notes: `${marker} ${i}` } });
  }
  const back = await startServer(choice, server.db, server.port);
  const start = performance.now();
  const onServer = async () => {
    // In the team's transaction: under PostgreSQL, row-level security shows a session no team's rows otherwise.
    const rows = await back.db.transaction((tx) => tx.query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM docs WHERE collection = 'contacts' AND data LIKE $1`, [`%${marker}%`]), { team });
    return Number(rows[0]!.n);
  };
  await until('the offline edits on the server', onServer, (n) => n === edits, 20, 300_000);
  const secondsToServer = seconds(start);
  // The status shown refreshes every 2 s; inSync() refreshes it at once, so the figure is the engine's, not the timer's.
  const status = async () => {
    await device.sync.inSync();
    return device.sync.status();
  };
  await until('the device to say it is up to date', status, (s) => s.state === 'upToDate' && s.pending === 0, 20, 60_000);
  const secondsToUpToDate = seconds(start);
  log(`  ${edits} offline edits: on the server after ${secondsToServer.toFixed(2)} s, up to date after ${secondsToUpToDate.toFixed(2)} s`);
  return { server: back, figures: { edits, secondsToServer, secondsToUpToDate, editsPerSecond: edits / secondsToServer } };
}

/** Single edits on one device, each timed until the other device's store holds it (its change stream says so). */
async function editLatency(from: Device, to: Device, contactIds: string[], log: Log) {
  const instance = await to.store.current.raw.createStorageInstance<{ id: string; notes?: string }>({
    // The schema as RxDB fills it in (_deleted, _meta and the rest), like the sync engine's own instance.
    databaseName: DATABASE_NAME, collectionName: 'contacts', schema: createRxSchema(COLLECTIONS.contacts.schema as RxJsonSchema<unknown>, defaultHashSha256, false).jsonSchema as never, options: {}, multiInstance: true, devMode: false,
    databaseInstanceToken: `bench-${randomToken(6)}`,
  });
  const samples: number[] = [];
  let waiting: { id: string; notes: string; resolve: () => void } | undefined;
  const subscription = instance.changeStream().subscribe((bulk) => {
    for (const event of bulk.events) {
      if (waiting && event.documentId === waiting.id && (event.documentData as { notes?: string } | undefined)?.notes === waiting.notes) waiting.resolve();
    }
  });
  try {
    for (let i = 0; i < LATENCY_EDITS; i++) {
      const id = contactIds[(i * 131) % contactIds.length]!;
      const notes = `latency ${randomToken(8)}`;
      const arrived = new Promise<void>((resolve) => (waiting = { id, notes, resolve }));
      const start = performance.now();
      await from.store.commands.run({ type: 'contact.update', contactId: id, changes: { notes } });
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`edit ${i} did not arrive within 30 s`)), 30_000).unref());
      await Promise.race([arrived, timeout]);
      samples.push(performance.now() - start);
    }
  } finally {
    subscription.unsubscribe();
    await instance.close();
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  const figures = { edits: samples.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: samples[samples.length - 1]! };
  log(`  edit to appearance: median ${figures.medianMs.toFixed(0)} ms, p95 ${figures.p95Ms.toFixed(0)} ms over ${figures.edits} edits`);
  return figures;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function benchServer(database: 'sqlite' | 'postgres', choice: DatabaseChoice, sphere: SampleSphere, peer: Peer, log: Log): Promise<ServerFigures> {
  const sizes = sizesOf(sphere);
  log(`sync on ${database}:`);
  const db = await openDatabase(choice);
  let server = await startServer(choice, db);
  const devices: Device[] = [];
  try {
    const team = await createTeam(server.db, 'Harbor Realty');
    for (const email of ['ann@harbor.test', 'bo@harbor.test']) await addUser(server.db, { team, email, role: 'member', password: PASSWORD });
    const seedStart = performance.now();
    await seed(server.db, team, sphere);
    const seedSeconds = seconds(seedStart);
    log(`  seeded ${sizes.total} documents through the server's push in ${seedSeconds.toFixed(2)} s`);

    const runs = { ours: [] as number[], peer: [] as number[], memoryPeer: [] as number[] };
    let ann!: Awaited<ReturnType<typeof firstPull>>;
    for (let run = 0; run < PULL_RUNS; run++) {
      runs.peer.push(await peer.pull('sqlite'));
      runs.memoryPeer.push(await peer.pull('memory'));
      // Each run a fresh device; the last one goes on to the offline edits and the teammate.
      if (ann) await ann.device.close();
      ann = await firstPull(server, 'ann@harbor.test', `${database}-ann`, sizes, log);
      runs.ours.push(ann.seconds);
    }
    devices.push(ann.device);
    const contactIds = sphere.contacts.map((c) => c.id);
    const offline = await offlineEdits(choice, server, team, ann.device, contactIds, log);
    server = offline.server;

    // A teammate's device pulls the team too (not timed again), then edits travel from one to the other.
    const bo = await freshDevice(`${database}-bo`);
    devices.push(bo);
    await bo.sync.signIn({ server: server.base, email: 'bo@harbor.test', password: PASSWORD });
    const boCounts = storedCounts(bo.store);
    await until('the second device to pull the team', boCounts.read, complete(sizes), 50, 600_000);
    boCounts.close();
    await bo.sync.inSync();
    const latency = await editLatency(ann.device, bo, contactIds, log);

    const ours = median(runs.ours);
    const peerDocsPerSecond = sizes.total / median(runs.peer);
    const memoryPeerDocsPerSecond = sizes.total / median(runs.memoryPeer);
    const docsPerSecond = sizes.total / ours;
    const pull = { seconds: ours, docsPerSecond, peerDocsPerSecond, ratioToPeer: docsPerSecond / peerDocsPerSecond, memoryPeerDocsPerSecond, ratioToMemoryPeer: docsPerSecond / memoryPeerDocsPerSecond, runs };
    return { database, seedSeconds, pull, offline: offline.figures, latency };
  } finally {
    for (const device of devices) await device.close();
    await server.stop();
    await db.close();
  }
}

type PeerCollections = { [C in SyncedCollection]: RxCollection<unknown> };

export async function peerDatabase(name: string, storage: RxStorage<unknown, unknown> = getRxStorageMemory()): Promise<RxDatabase<PeerCollections>> {
  const db = await createRxDatabase<PeerCollections>({ name: `${name}${randomToken(6)}`, storage, multiInstance: false });
  await db.addCollections(Object.fromEntries(SYNCED_COLLECTIONS.map((c) => [c, COLLECTIONS[c]])) as never);
  return db;
}

/** Where a peer client keeps what it pulls: a fresh store file of the app's SQLite storage, or memory. */
type PeerClient = 'sqlite' | 'memory';
type Peer = { pull(client: PeerClient): Promise<number>; close(): Promise<void> };

/** Starts peer-server.ts holding the bench's team of `contacts`; its websocket address once it listens. */
async function startPeerServer(contacts: number): Promise<{ url: string; stop(): Promise<void> }> {
  const child = await startListeningChild([new URL('./peer-server.ts', import.meta.url).pathname, String(contacts)], /peer listening on (ws:\/\/\S+)/);
  return { url: child.match[1]!, stop: async () => void (await child.stop()) };
}

/**
 * RxDB's own replication-websocket: a server process holding the team on memory storage (peer-server.ts); each
 * pull() is a fresh client database (in a new store file of the app's SQLite storage, or in memory) pulling it,
 * one replication per collection with our engine's pull batch, timed until every document is counted in the
 * client; its seconds.
 */
async function openPeer(sphere: SampleSphere, contacts: number, log: Log): Promise<Peer> {
  const sizes = sizesOf(sphere);
  const server = await startPeerServer(contacts);
  const url = server.url;
  return {
    async pull(kind) {
      const dir = kind === 'sqlite' ? tempDir('peer-client') : null;
      const client = await peerDatabase('peer-client', dir ? getRxStorageSqlite({ directory: dir }) : undefined);
      try {
        const start = performance.now();
        const replications = await Promise.all(SYNCED_COLLECTIONS.map((c) => replicateWithWebsocketServer({ collection: client[c], url, replicationIdentifier: `bench-${c}`, batchSize: PULL_BATCH, live: true })));
        await Promise.all(replications.map((r) => r.awaitInSync()));
        const counts = async () => Object.fromEntries(await Promise.all(SYNCED_COLLECTIONS.map(async (c) => [c, await client[c].count().exec()]))) as Record<SyncedCollection, number>;
        await until('the peer pull', counts, complete(sizes), 20, 600_000);
        const took = seconds(start);
        log(`  peer (RxDB replication-websocket, memory storage) into ${kind === 'sqlite' ? 'a SQLite store file' : 'memory'}: pulled ${sizes.total} documents in ${took.toFixed(2)} s`);
        await Promise.all(replications.map((r) => r.cancel()));
        return took;
      } finally {
        await client.close();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    async close() {
      await server.stop();
    },
  };
}

export async function runSyncBench(options: { contacts?: number; log?: Log } = {}): Promise<SyncFigures> {
  const log = options.log ?? (() => {});
  const contacts = options.contacts ?? 10_000;
  const sphere = benchSphere(contacts);
  const sizes = sizesOf(sphere);
  log(`sync: ${sizes.contacts} contacts, ${sizes.ties} ties, ${sizes.touches} touches, ${sizes.deals} deals (${sizes.total} documents)`);
  const peer = await openPeer(sphere, contacts, log);
  const servers: ServerFigures[] = [];
  const dataDir = tempDir('server');
  try {
    servers.push(await benchServer('sqlite', { dataDir }, sphere, peer, log));
    const cluster = await startPostgres(log);
    try {
      servers.push(await benchServer('postgres', { databaseUrl: cluster.databaseUrl }, sphere, peer, log));
    } finally {
      cluster.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await peer.close();
  }
  const peerSeconds = median(servers.flatMap((s) => s.pull.runs.peer));
  const memorySeconds = median(servers.flatMap((s) => s.pull.runs.memoryPeer));
  return {
    sizes, pullRuns: PULL_RUNS, servers,
    peer: { seconds: peerSeconds, docsPerSecond: sizes.total / peerSeconds },
    memoryPeer: { seconds: memorySeconds, docsPerSecond: sizes.total / memorySeconds },
  };
}
