// Process: test (Node). The browser host for real: HTTP on loopback, its WebSocket, RxDB over the storage channel.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Subject } from 'rxjs';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageRemote, type MessageFromRemote, type MessageToRemote } from 'rxdb/plugins/storage-remote';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browser-host.ts';
import { HOST_SECRET_FILE, loadHostSecret } from '../../electron/host/host-secret.ts';
import { LAUNCH_ADDRESS_FILE } from '../../electron/host/page-session.ts';
import { connect, launchTokenOf, sessionCookieOf, tradeLaunchToken } from './browser-host-fixtures.ts';
import { COLLECTIONS, DATABASE_NAME, type ContactDoc } from '../../shared/schemas/index.ts';
import type { HostFrame } from '../../shared/host-frames.ts';
import { tempDir } from './storage-fixtures.ts';
import { contact } from '../support/contact-fixture.ts';

// Collections past their first schema version need RxDB's migration plugin, even with nothing to migrate.
addRxPlugin(RxDBMigrationSchemaPlugin);

const hosts: BrowserHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

function rendererDir(): string {
  const dir = tempDir('renderer');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>Sphere</title></head><body></body></html>');
  return dir;
}

async function start(dataDir: string): Promise<BrowserHost> {
  const host = await startBrowserHost({ dataDir, rendererDir: rendererDir() });
  hosts.push(host);
  return host;
}

function remoteStorageOver(ws: WebSocket): RxStorage<unknown, unknown> {
  return getRxStorageRemote({
    // RxDB caches channels by identifier; each socket needs its own.
    identifier: `test-${Math.random()}`,
    mode: 'one',
    messageChannelCreator: async () => {
      const messages$ = new Subject<MessageFromRemote>();
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as HostFrame;
        if (frame.t === 'storage') messages$.next(frame.m as MessageFromRemote);
      });
      return { messages$, send: (m: MessageToRemote) => ws.send(JSON.stringify({ t: 'storage', m })), close: async () => {} };
    },
  }) as unknown as RxStorage<unknown, unknown>;
}

async function openDatabase(ws: WebSocket) {
  const db = await createRxDatabase<{ contacts: RxCollection<ContactDoc> }>({ name: DATABASE_NAME, storage: remoteStorageOver(ws), multiInstance: false });
  await db.addCollections(COLLECTIONS);
  return db;
}


function nextStorageAnswer(ws: WebSocket, requestId: string): Promise<MessageFromRemote> {
  return new Promise((resolve) => {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as HostFrame;
      if (frame.t === 'storage' && (frame.m as MessageFromRemote).answerTo === requestId) resolve(frame.m as MessageFromRemote);
    });
  });
}

describe('browser host', () => {
  it('serves its page with a strict CSP and refuses other Host names', async () => {
    const host = await start(tempDir('host'));
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    // The page may open exactly its own host's socket.
    expect(res.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://127.0.0.1:${host.port};`);
    const rebound = await new Promise<number>((resolve) => {
      import('node:http').then(({ request }) => {
        request({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: 'evil.example:80' } }, (r) => resolve(r.statusCode ?? 0)).end();
      });
    });
    expect(rebound).toBe(421);
    expect((await fetch(new URL('/../../etc/passwd', host.url))).status).not.toBe(200);
  });

  it('serves a page that holds no credential, and accepts a socket on the session cookie only', async () => {
    const dataDir = tempDir('host');
    const host = await start(dataDir);
    const secret = fs.readFileSync(path.join(dataDir, HOST_SECRET_FILE), 'utf8');
    // Anyone who can reach the port may ask for the page (another user on the machine too): it opens nothing.
    const html = await (await fetch(host.url)).text();
    expect(html).not.toContain(secret);
    expect(html).not.toContain(launchTokenOf(host));
    await expect(connect(host, { cookie: null })).rejects.toThrow(/403/);
    await expect(connect(host, { cookie: `sphere-session-${host.port}=${'A'.repeat(43)}` })).rejects.toThrow(/403/);
    // The secret in the URL, as the page used to send it, is no longer a way in.
    const viaUrl = new WebSocket(`ws://127.0.0.1:${host.port}/channel?secret=${secret}`, { origin: `http://127.0.0.1:${host.port}` });
    expect(await new Promise((resolve) => viaUrl.once('unexpected-response', (_req, res) => resolve(res.statusCode)))).toBe(403);
    const cookie = await sessionCookieOf(host);
    await expect(connect(host, { origin: 'https://evil.example', cookie })).rejects.toThrow(/403/);
    const ws = await connect(host, { cookie });
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
  });

  it('trades a launch token once, for an HttpOnly SameSite=Strict cookie, and keeps the next one private', async () => {
    const dataDir = tempDir('host');
    const logged: string[] = [];
    const host = await startBrowserHost({ dataDir, rendererDir: rendererDir(), log: (line) => logged.push(line) });
    hosts.push(host);
    const first = launchTokenOf(host);
    const file = path.join(dataDir, LAUNCH_ADDRESS_FILE);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(host.launchAddress());
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // A page on another site that somehow learnt the token cannot trade it: its Origin is its own.
    expect((await tradeLaunchToken(host, first, 'https://evil.example')).status).toBe(403);

    const traded = await tradeLaunchToken(host, first);
    expect(traded.status).toBe(204);
    expect(traded.setCookie).toMatch(new RegExp(`^sphere-session-${host.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    const again = await tradeLaunchToken(host, first);
    expect(again).toMatchObject({ status: 403, cookie: null });
    // Another window gets the next token, from the private file; it is not the one just used.
    const next = launchTokenOf(host);
    expect(next).not.toBe(first);
    expect(fs.readFileSync(file, 'utf8')).toContain(next);
    expect((await tradeLaunchToken(host, next)).status).toBe(204);
    const secret = fs.readFileSync(path.join(dataDir, HOST_SECRET_FILE), 'utf8');
    expect(logged.join('\n')).not.toContain(secret);
    expect(logged.join('\n')).not.toContain(first);
  });

  it('tells the page whether it has a session', async () => {
    const host = await start(tempDir('host'));
    const sessionUrl = new URL('/session', host.url);
    expect((await fetch(sessionUrl)).status).toBe(401);
    expect((await fetch(sessionUrl, { headers: { Cookie: await sessionCookieOf(host) } })).status).toBe(204);
  });

  it('accepts the page it served before after a restart on the same folder and port, from a private file', async () => {
    const dataDir = tempDir('host');
    const logged: string[] = [];
    const first = await startBrowserHost({ dataDir, rendererDir: rendererDir(), log: (line) => logged.push(line) });
    const cookie = await sessionCookieOf(first);
    const port = first.port;
    await first.close();

    const second = await startBrowserHost({ dataDir, rendererDir: rendererDir(), port, log: (line) => logged.push(line) });
    hosts.push(second);
    // The old page keeps its cookie and its origin: the new host must let it back in.
    const ws = await connect(second, { cookie });
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
    const file = path.join(dataDir, HOST_SECRET_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // Another folder is another sphere: its page's session opens nothing here, even under this port's name.
    const other = await start(tempDir('host'));
    const otherCookie = (await sessionCookieOf(other)).replace(/^sphere-session-\d+=/, `sphere-session-${port}=`);
    await expect(connect(second, { cookie: otherCookie })).rejects.toThrow(/403/);
    expect(logged.join('\n')).not.toContain(cookie.split('=')[1]);
  });

  it('makes a secret file that others could read private again, and replaces one that is not a secret', async () => {
    const dataDir = tempDir('host');
    const file = path.join(dataDir, HOST_SECRET_FILE);
    fs.writeFileSync(file, 'x'.repeat(43), { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(loadHostSecret(dataDir)).toBe('x'.repeat(43));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.writeFileSync(file, 'short');
    const made = loadHostSecret(dataDir);
    expect(made).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.readFileSync(file, 'utf8')).toBe(made);
  });

  it('keeps contacts written through RxDB across a host restart', async () => {
    const dataDir = tempDir('host');
    const first = await start(dataDir);
    const ws = await connect(first);
    const db = await openDatabase(ws);
    await db.contacts.insert(contact('a', { name: 'Ada Lovelace', ring: 'trust' }));
    await db.contacts.bulkInsert([contact('b'), contact('c', { category: 'family' })]);
    await db.close();
    ws.close();
    await first.close();
    hosts.splice(hosts.indexOf(first), 1);

    const second = await start(dataDir);
    const ws2 = await connect(second);
    const db2 = await openDatabase(ws2);
    const found = await db2.contacts.find({ sort: [{ name: 'asc' }] }).exec();
    expect(found.map((d) => d.name)).toEqual(['Ada Lovelace', 'Contact b', 'Contact c']);
    expect(await db2.contacts.count({ selector: { category: 'family' } }).exec()).toBe(1);
    await db2.close();
    ws2.close();
  });

  it('refuses documents that break the schema, and stores nothing of them', async () => {
    const host = await start(tempDir('host'));
    const ws = await connect(host);
    const db = await openDatabase(ws);
    await expect(db.contacts.insert({ ...contact('bad'), ring: 'banana' } as unknown as ContactDoc)).rejects.toThrow();
    expect(await db.contacts.findOne('bad').exec()).toBeNull();
    await db.close();
    ws.close();
  });

  it('answers hostile storage messages with an error and runs nothing', async () => {
    const host = await start(tempDir('host'));
    const ws = await connect(host);
    const send = (m: unknown) => ws.send(JSON.stringify({ t: 'storage', m }));
    const base = { connectionId: 'evil', version: '17.6.0' };

    let answer = nextStorageAnswer(ws, 'r1');
    send({ ...base, requestId: 'r1', method: 'constructor', params: [] });
    expect((await answer).error?.message).toMatch(/not allowed/);

    answer = nextStorageAnswer(ws, 'r2');
    send({ ...base, requestId: 'r2', method: 'create', params: { databaseName: 'other', collectionName: 'contacts', schema: {} } });
    expect((await answer).error?.message).toMatch(/not this app's/);

    answer = nextStorageAnswer(ws, 'r3');
    send({ ...base, requestId: 'r3', method: 'create', params: { databaseName: DATABASE_NAME, collectionName: 'contacts', schema: { ...COLLECTIONS.contacts.schema, additionalProperties: true } } });
    expect((await answer).error?.message).toMatch(/schema differs/);

    // Not JSON at all: ignored, and the socket still works.
    ws.send('{{{ not json');
    const apiAnswer = new Promise<HostFrame>((resolve) => ws.on('message', (d) => {
      const f = JSON.parse(d.toString()) as HostFrame;
      if (f.t === 'api') resolve(f);
    }));
    ws.send(JSON.stringify({ t: 'api', id: 7, name: 'store.restoreBackup', args: { name: '../../etc/passwd' } }));
    const frame = await apiAnswer;
    expect(frame).toMatchObject({ t: 'api', id: 7, ok: false });
    expect((frame as { error: string }).error).toMatch(/not a Sphere backup name/);
    ws.close();
  });
});
