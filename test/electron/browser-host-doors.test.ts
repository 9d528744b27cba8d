// Process: test (Node). No single request, from a page on any origin or from raw bytes, may end the browser host:
// each finding of issue 12 replayed against a real host on loopback, which must still serve its page afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { BrowserHost } from '../../electron/host/browser-host.ts';
import { sessionCookieName } from '../../electron/host/page-session.ts';
import { DATABASE_NAME } from '../../shared/schemas/index.ts';
import { connect, contact, openDatabase, sessionCookieOf, sentOver, startTestHost, storageAnswer } from './browser-host-fixtures.ts';
import { clientFrame, closed, rawExchange, rawRequest, rawSocket, statusOf, upgradeHeaders } from './raw-host-client.ts';

const hosts: BrowserHost[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function start(extra: Parameters<typeof startTestHost>[0] = {}): Promise<BrowserHost> {
  const host = await startTestHost(extra);
  hosts.push(host);
  return host;
}

async function stillServing(host: BrowserHost): Promise<void> {
  expect((await fetch(host.url)).status).toBe(200);
}

describe('browser host front doors', () => {
  it('answers undecodable request targets with 400 and keeps serving', async () => {
    const host = await start();
    for (const target of ['/%', '/%E0%A4%A', '/a%00b', 'http://[::1', '/%zz/x.js?secret=%']) {
      expect(statusOf(await rawRequest(host.port, target)), target).toBe(400);
    }
    // `//` is a path like any other: nothing is there.
    expect(statusOf(await rawRequest(host.port, '//'))).toBe(404);
    await stillServing(host);
  });

  it('refuses, without throwing, an upgrade on a bad path or with a session of non-ASCII characters', async () => {
    const host = await start();
    const upgrade = (target: string, extra = '') => rawExchange(host.port, `GET ${target} HTTP/1.1\r\n${upgradeHeaders(host.port)}${extra}\r\n`);
    expect(statusOf(await upgrade('//'))).toBe(403);
    expect(statusOf(await upgrade('/%'))).toBe(403);
    // 43 characters, as many as the real secret, but more bytes.
    expect(statusOf(await upgrade('/channel', `Cookie: ${sessionCookieName(host.port)}=${'é'.repeat(43)}\r\n`))).toBe(403);
    await stillServing(host);
  });

  it('sends a page asked for by localhost to 127.0.0.1, where its socket is accepted', async () => {
    const host = await start();
    const res = await fetch(`http://localhost:${host.port}/`, { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe(`http://127.0.0.1:${host.port}/`);
    expect((await fetch(`http://localhost:${host.port}/`)).url).toBe(host.url);
  });

  it('closes only the socket that sends an oversized frame or invalid UTF-8', async () => {
    const host = await start();
    const cookie = await sessionCookieOf(host);
    const huge = await rawSocket(host.port, cookie);
    // The header announces 200 MB: the host refuses it from the header alone.
    huge.write(clientFrame(0x1, Buffer.from('{'), 200 * 1024 * 1024));
    await closed(huge);
    const garbled = await rawSocket(host.port, cookie);
    garbled.write(clientFrame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])));
    await closed(garbled);
    await stillServing(host);
    const ws = await connect(host);
    sockets.push(ws);
    const db = await openDatabase(ws);
    await db.contacts.insert(contact('a'));
    expect(await db.contacts.count().exec()).toBe(1);
    await db.close();
  });

  it('answers storage messages whose names are objects with their own toString with an error', async () => {
    const host = await start();
    const ws = await connect(host);
    sockets.push(ws);
    const base = { connectionId: 'c1', version: '17.6.0' };
    const hostile = { toString: 1, valueOf: 1 };
    const cases = [
      { requestId: 'm', method: hostile, params: [] },
      { requestId: 'd', method: 'create', params: { databaseName: hostile, collectionName: 'contacts', schema: {} } },
      { requestId: 'c', method: 'create', params: { databaseName: DATABASE_NAME, collectionName: hostile, schema: {} } },
    ];
    for (const m of cases) {
      const answer = storageAnswer(ws, m.requestId);
      ws.send(JSON.stringify({ t: 'storage', m: { ...base, ...m } }));
      expect((await answer).error?.message).toMatch(/not allowed|not this app's|not known/);
    }
    await stillServing(host);
  });

  it('refuses $regex in a query instead of running a catastrophic pattern', async () => {
    const host = await start();
    const ws = await connect(host);
    sockets.push(ws);
    const db = await openDatabase(ws);
    await db.contacts.insert(contact('a', { name: `${'a'.repeat(27)}!` }));
    await expect(db.contacts.find({ selector: { name: { $regex: '^(a+)+$' } } }).exec()).rejects.toThrow(/\$regex is not accepted/);
    expect(await db.contacts.count().exec()).toBe(1);
    await db.close();
  });

  it('splits a large answer over several frames, which the client puts back together', async () => {
    // A lowered page (64 KB instead of 16 MB) stands in for the 540 MB of notes that passed V8's string limit.
    const host = await start({ pageChars: 64 * 1024 });
    const ws = await connect(host);
    sockets.push(ws);
    let documentFrames = 0;
    ws.on('message', (data) => {
      if (data.toString().startsWith('{"t":"documents"')) documentFrames++;
    });
    const db = await openDatabase(ws);
    const note = 'n'.repeat(5000);
    await db.contacts.bulkInsert(Array.from({ length: 120 }, (_, i) => contact(`c${String(i).padStart(3, '0')}`, { notes: note })));
    documentFrames = 0;
    const found = await db.contacts.find({ sort: [{ id: 'asc' }] }).exec();
    expect(found.map((d) => d.id)).toEqual(Array.from({ length: 120 }, (_, i) => `c${String(i).padStart(3, '0')}`));
    expect(found.every((d) => d.notes === note)).toBe(true);
    expect(documentFrames).toBeGreaterThan(1);
    await db.close();
  });

  it('answers a query larger than one page at the default page size', async () => {
    // 1,200 contacts at the 20,000-character note limit: 24 M characters, two frames of at most 16 M. The window
    // is held while it reads them (1 MB high water) and must not be dropped for it: it keeps taking bytes.
    const logged: string[] = [];
    const host = await start({ backPressure: { highWaterBytes: 1024 * 1024, dropAtBytes: 1024 * 1024, dropAfterMs: 2000 }, log: (line) => logged.push(line) });
    const ws = await connect(host);
    sockets.push(ws);
    const lengths: number[] = [];
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('{"t":"documents"')) lengths.push(text.length);
    });
    const db = await openDatabase(ws);
    const note = 'n'.repeat(20_000);
    for (let batch = 0; batch < 4; batch++) {
      await db.contacts.bulkInsert(Array.from({ length: 300 }, (_, i) => contact(`c${batch}-${i}`, { notes: note })));
    }
    const found = await db.contacts.find({ selector: { name: { $ne: 'nobody' } } }).exec();
    expect(found).toHaveLength(1200);
    expect(found.every((d) => d.notes === note)).toBe(true);
    expect(lengths.length).toBe(2);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(16 * 1024 * 1024 + 64);
    // Requests made after the big answer are answered once the window has read it.
    expect(await db.contacts.count().exec()).toBe(1200);
    expect(logged.join('\n')).not.toMatch(/dropped/);
    await db.close();
  });

  it.each([
    // Past the hard cap, a second without progress is enough; below it, `dropAfterMs`.
    { why: 'past the hard cap', limits: { highWaterBytes: 1024 * 1024, dropAtBytes: 1024 * 1024, dropAfterMs: 600_000 } },
    { why: 'for too long', limits: { highWaterBytes: 1024 * 1024, dropAtBytes: Infinity, dropAfterMs: 200 } },
  ])('holds, then drops, a client that stops reading ($why), and keeps serving the others', async ({ limits }) => {
    const logged: string[] = [];
    let droppedNow: () => void = () => {};
    const dropped = new Promise<void>((resolve) => (droppedNow = resolve));
    const host = await start({
      backPressure: limits,
      log: (line) => {
        logged.push(line);
        if (line.includes('stopped reading')) droppedNow();
      },
    });
    const writer = await connect(host);
    sockets.push(writer);
    const db = await openDatabase(writer);
    const note = 'n'.repeat(2000);
    await db.contacts.bulkInsert(Array.from({ length: 500 }, (_, i) => contact(`c${i}`, { notes: note })));
    await db.contacts.find({ selector: { name: { $ne: 'nobody' } } }).exec();
    // The slow client replays the page's own create and query (two RxDB databases of one name cannot share a
    // process), then stops reading and asks for every contact (1 MB each time), 40 times.
    const create = sentOver(writer).find((m) => m.method === 'create' && (m.params as { collectionName: string }).collectionName === 'contacts')!;
    const query = sentOver(writer).findLast((m) => m.method === 'query')!;
    const slow = await connect(host);
    sockets.push(slow);
    const created = storageAnswer(slow, 'create');
    slow.send(JSON.stringify({ t: 'storage', m: { ...create, connectionId: 'slow', requestId: 'create' } }));
    expect((await created).error).toBeUndefined();
    (slow as unknown as { _socket: { pause(): void } })._socket.pause();
    for (let i = 0; i < 40; i++) slow.send(JSON.stringify({ t: 'storage', m: { ...query, connectionId: 'slow', requestId: `q${i}` } }));
    await dropped;
    // Held past 1 MB, the client's other requests were not run: a few answers of 1 MB went out, not 40.
    const unsent = Number(/dropped a client that stopped reading \((\d+) MB unsent, nothing taken for [\d.]+ s\)/.exec(logged.join('\n'))?.[1]);
    expect(unsent).toBeGreaterThanOrEqual(1);
    expect(unsent).toBeLessThanOrEqual(4);
    // The other window is served all along.
    expect(await db.contacts.count().exec()).toBe(500);
    await stillServing(host);
    await db.close();
  });
});
