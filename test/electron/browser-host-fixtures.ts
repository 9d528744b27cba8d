// Process: test (Node). A browser host on loopback for tests, and a client that behaves like its own page.
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { Subject } from 'rxjs';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageRemote, type MessageFromRemote, type MessageToRemote } from 'rxdb/plugins/storage-remote';
import { startBrowserHost, type BrowserHost, type BrowserHostOptions } from '../../electron/host/browser-host.ts';
import { COLLECTIONS, DATABASE_NAME, type ContactDoc } from '../../shared/schemas/index.ts';
import { HOST_SESSION_PATH, LAUNCH_TOKEN_PARAM, PagedAnswers, type HostFrame } from '../../shared/host-frames.ts';
import { tempDir } from './storage-fixtures.ts';
export { contact } from '../support/contact-fixture.ts';

// Collections past their first schema version need RxDB's migration plugin, even with nothing to migrate.
addRxPlugin(RxDBMigrationSchemaPlugin);

export function rendererDir(): string {
  const dir = tempDir('renderer');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>Sphere</title></head><body></body></html>');
  return dir;
}

export function startTestHost(extra: Partial<BrowserHostOptions> = {}): Promise<BrowserHost> {
  return startBrowserHost({ dataDir: tempDir('host'), rendererDir: rendererDir(), ...extra });
}

/** Trades the host's current launch token as its page does; resolves to the status and the cookie it set. */
export async function tradeLaunchToken(host: BrowserHost, token = launchTokenOf(host), origin = `http://127.0.0.1:${host.port}`): Promise<{ status: number; cookie: string | null; setCookie: string | null }> {
  const res = await fetch(new URL(HOST_SESSION_PATH, host.url), { method: 'POST', body: token, headers: { Origin: origin } });
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, cookie: setCookie ? setCookie.split(';')[0]! : null, setCookie };
}

export function launchTokenOf(host: BrowserHost): string {
  return new URL(host.launchAddress()).hash.slice(`#${LAUNCH_TOKEN_PARAM}=`.length);
}

/** A Cookie header value, as the page's browser sends it after the trade. */
export async function sessionCookieOf(host: BrowserHost): Promise<string> {
  const { status, cookie } = await tradeLaunchToken(host);
  if (status !== 204 || !cookie) throw new Error(`launch token refused (${status})`);
  return cookie;
}

/** A socket that behaves like the host's own page; `cookie` null sends none. */
export async function connect(host: BrowserHost, overrides: { origin?: string; cookie?: string | null } = {}): Promise<WebSocket> {
  const cookie = overrides.cookie === undefined ? await sessionCookieOf(host) : overrides.cookie;
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/channel`, {
    origin: overrides.origin ?? `http://127.0.0.1:${host.port}`,
    headers: cookie === null ? {} : { Cookie: cookie },
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  return ws;
}

/** Frames as the page's socket link reads them: paged answers put back together. */
export function onFrame(ws: WebSocket, listener: (frame: HostFrame) => void): void {
  const paged = new PagedAnswers();
  ws.on('message', (data) => {
    const frame = paged.accept(JSON.parse(data.toString()) as HostFrame);
    if (frame) listener(frame);
  });
}

const sent = new WeakMap<WebSocket, MessageToRemote[]>();

/** The storage messages a database opened by openDatabase sent over this socket, for replaying them raw. */
export function sentOver(ws: WebSocket): MessageToRemote[] {
  return sent.get(ws) ?? [];
}

export async function openDatabase(ws: WebSocket) {
  if (!sent.has(ws)) sent.set(ws, []);
  const storage = getRxStorageRemote({
    // RxDB caches channels by identifier; each socket needs its own.
    identifier: `test-${Math.random()}`,
    mode: 'one',
    messageChannelCreator: async () => {
      const messages$ = new Subject<MessageFromRemote>();
      onFrame(ws, (frame) => {
        if (frame.t === 'storage') messages$.next(frame.m as MessageFromRemote);
      });
      const send = (m: MessageToRemote) => {
        sent.get(ws)?.push(m);
        ws.send(JSON.stringify({ t: 'storage', m }));
      };
      return { messages$, send, close: async () => {} };
    },
  }) as unknown as RxStorage<unknown, unknown>;
  const db = await createRxDatabase<{ contacts: RxCollection<ContactDoc> }>({ name: DATABASE_NAME, storage, multiInstance: false });
  await db.addCollections(COLLECTIONS);
  return db;
}


/** The next storage answer to `requestId` on this socket. */
export function storageAnswer(ws: WebSocket, requestId: string): Promise<MessageFromRemote> {
  return new Promise((resolve) => {
    onFrame(ws, (frame) => {
      if (frame.t === 'storage' && (frame.m as MessageFromRemote).answerTo === requestId) resolve(frame.m as MessageFromRemote);
    });
  });
}
