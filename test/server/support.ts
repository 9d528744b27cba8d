// Process: test (Node). Real team servers for the tests, over a SQLite file or a database in the run's PostgreSQL cluster.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { addUser, createTeam } from '../../server/accounts.ts';
import { createTeamServer, type ServerOptions } from '../../server/app.ts';
import { openDatabase } from '../../server/open-database.ts';
import type { SqlDatabase } from '../../server/sql-database.ts';
import { COLLECTIONS, type CollectionName } from '../../shared/schemas/index.ts';
import { syncPath, type PullResponse, type PushRow, type StreamEvent, type WireDoc } from '../../shared/sync/protocol.ts';

export type Kind = 'sqlite' | 'postgres';
export const KINDS: Kind[] = ['sqlite', 'postgres'];

/** Where a server keeps its data: a fresh folder, or a fresh database of the cluster (role `sphere`). */
export type Place = { kind: Kind; dataDir?: string; databaseUrl?: string; env: NodeJS.ProcessEnv; args: string[] };

const dataDirs: string[] = [];
// Registered on the importing test file: its data folders go when its tests end (after its servers closed).
afterAll(() => dataDirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

export async function newPlace(kind: Kind): Promise<Place> {
  if (kind === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-server-test-'));
    dataDirs.push(dataDir);
    return { kind, dataDir, env: { DATABASE_URL: '' }, args: ['--data-dir', dataDir] };
  }
  const adminUrl = inject('postgresAdminUrl');
  const name = `sphere_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} OWNER sphere`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.username = 'sphere';
  url.pathname = `/${name}`;
  return { kind, databaseUrl: url.toString(), env: { DATABASE_URL: url.toString() }, args: [] };
}

export const openPlace = (place: Place) => openDatabase({ databaseUrl: place.databaseUrl, dataDir: place.dataDir });

export type Running = { base: string; db: SqlDatabase; close(): Promise<void> };

/** A server in this process on a free loopback port, over its own connection to the place. */
export async function startServer(place: Place, options: Partial<ServerOptions> = {}): Promise<Running> {
  const db = await openPlace(place);
  const server = await createTeamServer({ db, logLevel: 'silent', ...options });
  const address = await server.listen(0, '127.0.0.1');
  return { base: address, db, close: () => server.close() };
}

export const PASSWORD = 'correct horse battery';

/** A team with one owner per email; returns the team id. */
export async function seedTeam(db: SqlDatabase, name: string, emails: string[]): Promise<string> {
  const team = await createTeam(db, name);
  for (const email of emails) await addUser(db, { team, email, role: 'owner', password: PASSWORD });
  return team;
}

export async function login(base: string, email: string, password = PASSWORD) {
  const res = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return { status: res.status, body: (await res.json()) as { token: string; expiresAt: number; teams: { id: string }[]; error?: string } };
}

export async function tokenFor(base: string, email: string) {
  const { status, body } = await login(base, email);
  if (status !== 200) throw new Error(`login of ${email}: ${status} ${JSON.stringify(body)}`);
  return body.token;
}

/** The schema version this build syncs a collection at (what the server speaks). */
export const versionOf = (collection: string) => COLLECTIONS[collection as CollectionName]?.schema.version ?? 0;

/** A client of one team's collection, as the app's sync engine talks to the server (at this build's version unless told). */
export function client(base: string, token: string, team: string, collection = 'touches', version = versionOf(collection)) {
  const url = (verb: 'pull' | 'push' | 'stream') => `${base}${syncPath(team, collection, version, verb)}`;
  const auth = { authorization: `Bearer ${token}` };
  return {
    async pull(checkpoint?: unknown, limit = 100) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (checkpoint !== undefined) query.set('checkpoint', JSON.stringify(checkpoint));
      const res = await fetch(`${url('pull')}?${query}`, { headers: auth });
      return { status: res.status, body: (await res.json()) as PullResponse & { error?: string } };
    },
    async push(rows: PushRow[] | unknown) {
      const res = await fetch(url('push'), { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(rows) });
      return { status: res.status, body: (await res.json()) as WireDoc[] & { error?: string } };
    },
    stream: () => openStream(url('stream'), auth),
  };
}

export type SseEvent = { event: string; data: StreamEvent | { status: number; error: string } };

/** Reads Server-Sent Events as they come; next() waits for the next one, ended() for the server to close. */
export async function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  let closed = false;
  const wake = () => waiters.splice(0).forEach((fn) => fn());
  if (res.ok && res.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let at;
          while ((at = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            const lines = block.split('\n').filter((l) => !l.startsWith(':'));
            const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
            if (!data) continue;
            const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
            events.push({ event, data: JSON.parse(data) as SseEvent['data'] });
            wake();
          }
        }
      } catch {
        // aborted by close()
      }
      closed = true;
      wake();
    })();
  }
  let read = 0;
  return {
    status: res.status,
    async next(): Promise<SseEvent> {
      while (read >= events.length) {
        if (closed) throw new Error('the stream ended');
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
      return events[read++]!;
    },
    async ended(): Promise<void> {
      while (!closed) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    close: () => controller.abort(),
  };
}

let counter = 0;
export const touch = (id = `touch-${++counter}`, fields: Record<string, unknown> = {}): WireDoc => ({
  id,
  contactId: 'contact-1',
  kind: 'call',
  direction: 'outbound',
  at: 1_700_000_000_000,
  createdAt: 1_700_000_000_000,
  updatedBy: 'device-a',
  _deleted: false,
  ...fields,
});

export const contact = (id: string, fields: Record<string, unknown> = {}): WireDoc => ({
  id,
  name: 'Ada Lovelace',
  category: 'business',
  ring: 'know',
  emails: [],
  phones: [],
  tags: [],
  roles: [],
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  updatedBy: 'device-a',
  _deleted: false,
  ...fields,
});

/** Waits until check() holds, asking again each few milliseconds (a condition, not a fixed delay). */
export async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
