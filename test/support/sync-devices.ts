// Process: test (Node). Real hosts (StoreService on SQLite files, their command runners and sync engines) and a
// real team server on loopback, for the sync tests: each rig cleans up what it started.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startListeningChild } from './listening-child.ts';
import { addUser, createTeam } from '../../server/accounts.ts';
import { createTeamServer, type TeamServer } from '../../server/app.ts';
import { openDatabase } from '../../server/open-database.ts';
import type { SqlDatabase } from '../../server/sql-database.ts';
import type { PushHooks } from '../../server/replication.ts';
import { StoreService } from '../../electron/store/store-service.ts';
import { syncFor } from '../../electron/sync/sync-for-store.ts';
import type { SyncEngine } from '../../electron/sync/sync-engine.ts';
import { SYNCED_COLLECTIONS, type SyncedCollection } from '../../shared/sync/protocol.ts';
import { COLLECTIONS, DATABASE_NAME, type ContactDoc, type TouchDoc } from '../../shared/schemas/index.ts';

export const PASSWORD = 'correct horse battery';

export const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `sphere-sync-${name}-`));

export type Server = { base: string; port: number; db: SqlDatabase; server: TeamServer; dataDir: string };

export type Device = {
  name: string;
  store: StoreService;
  sync: SyncEngine;
  contacts(): ContactDoc[];
  touches(): TouchDoc[];
  /** The live documents of a synced collection. */
  docs(collection: SyncedCollection): Record<string, unknown>[];
  run(command: unknown): Promise<unknown>;
};

/** `streamIdleMs`: how long a silent stream is trusted; the rig's own servers send a keep-alive every second. */
export type DeviceOptions = { retry?: { firstMs: number; maxMs: number }; clock?: () => number; dataDir?: string; log?: (line: string) => void; streamIdleMs?: number };

/** A value with its objects' keys sorted, at every depth: key order means nothing in a document. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(canonical)
  : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
  : value;

/** A document's own fields in a fixed order: what every device must agree on (RxDB's bookkeeping aside). */
export const content = (doc: object | undefined) => doc && JSON.stringify(canonical(Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')))));

export class SyncRig {
  private readonly cleanups: (() => Promise<void> | void)[] = [];

  async cleanup(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup();
  }

  later(cleanup: () => Promise<void> | void): void {
    this.cleanups.push(cleanup);
  }

  /** A server in this process; `db` another database (PostgreSQL), `hooks` a handle inside its pushes. */
  async startServer(dataDir = tempDir('server'), port = 0, db?: SqlDatabase, hooks?: PushHooks): Promise<Server> {
    const database = db ?? (await openDatabase({ dataDir }));
    const server = await createTeamServer({ db: database, logLevel: 'silent', heartbeatMs: 1000, hooks });
    const base = await server.listen(port, '127.0.0.1');
    const running = { base, port: Number(new URL(base).port), db: database, server, dataDir };
    this.cleanups.push(() => server.close().catch(() => undefined));
    return running;
  }

  /** A team with these members, all with PASSWORD. */
  async team(db: SqlDatabase, emails: string[], name = 'Harbor Realty'): Promise<string> {
    const id = await createTeam(db, name);
    for (const email of emails) await addUser(db, { team: id, email, role: 'member', password: PASSWORD });
    return id;
  }

  /** A host on its own data folder (or the one given, to start a host again where one ran), signed in unless `server` is null. */
  async device(name: string, server: string | null, email: string, options: DeviceOptions = {}): Promise<Device> {
    const store = new StoreService(options.dataDir ?? tempDir(name), { clock: options.clock });
    await store.ready();
    // The rig's server sends a keep-alive every second: three silent seconds mean a dead stream.
    const sync = syncFor(store, { retry: options.retry ?? { firstMs: 50, maxMs: 300 }, log: options.log, streamIdleMs: options.streamIdleMs ?? 3000 });
    this.cleanups.push(async () => {
      await sync.stop();
      store.close();
    });
    if (server) await sync.signIn({ server, email, password: PASSWORD });
    else await sync.resume();
    const docs = (collection: SyncedCollection) =>
      store.current.raw.liveDocuments(DATABASE_NAME, collection, COLLECTIONS[collection].schema.version) as Record<string, unknown>[];
    return {
      name,
      store,
      sync,
      docs,
      contacts: () => docs('contacts') as ContactDoc[],
      touches: () => docs('touches') as TouchDoc[],
      run: (command) => store.commands.run(command),
    };
  }
}

export const addContact = (d: Device, name: string) =>
  d.run({ type: 'contact.add', contact: { name, category: 'business', ring: 'know', emails: [], phones: [] } }) as Promise<{ createdId: string }>;

/** Every live document of the synced collections, as content, sorted: two devices that converged agree on it. */
export const everything = (d: Device) => SYNCED_COLLECTIONS.map((c) => d.docs(c).map(content).sort());

/** Every device's contacts and touches, as comparable text: equal when the devices agree. */
export function snapshot(d: Device): string {
  const contacts = d.contacts().map(content).sort();
  const touches = d.touches().map(content).sort();
  return JSON.stringify({ contacts, touches });
}

export type ChildServer = { base: string; kill(): Promise<void>; exited: Promise<number | null> };

/** `node server/main.ts --port 0 --data-dir D` as its own process, so that a test can SIGKILL it mid-request. */
export async function startServerProcess(dataDir: string): Promise<ChildServer> {
  const main = path.resolve(import.meta.dirname, '../../server/main.ts');
  const child = await startListeningChild([main, '--port', '0', '--log-level', 'warn', '--data-dir', dataDir], /listening on (http:\/\/[^/\s]+)\//);
  return { base: child.match[1]!, exited: child.exited, kill: async () => void (await child.stop('SIGKILL')) };
}
