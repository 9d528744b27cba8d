// Process: test (Node). Fuzzes the browser host's front doors with raw bytes: HTTP request lines and headers,
// WebSocket upgrades, and frames once connected. Whatever arrives, the host must still serve its page and answer
// a real client afterwards; a throw anywhere in a handler surfaces as an uncaught error and fails the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type WebSocket from 'ws';
import type { BrowserHost } from '../../electron/host/browser-host.ts';
import { sessionCookieName } from '../../electron/host/page-session.ts';
import { connect, contact, openDatabase, sessionCookieOf, sentOver, startTestHost, storageAnswer } from './browser-host-fixtures.ts';
import { clientFrame, rawExchange, rawSocket } from './raw-host-client.ts';

let host: BrowserHost;
let cookie: string;
let ws: WebSocket;
let db: Awaited<ReturnType<typeof openDatabase>>;
let batch = 0;

beforeAll(async () => {
  host = await startTestHost({ log: () => {} });
  cookie = await sessionCookieOf(host);
  ws = await connect(host);
  db = await openDatabase(ws);
});
afterAll(async () => {
  await db.close();
  ws.terminate();
  await host.close();
});

/** The page is served, and a real client's write and read are answered. */
async function stillServing(): Promise<void> {
  expect((await fetch(host.url)).status).toBe(200);
  const id = `after-${++batch}`;
  await db.contacts.insert(contact(id));
  expect((await db.contacts.findOne(id).exec())?.id).toBe(id);
}

const pieces = ['/', '%', '%E0', '%A4%A', '%00', '%2e%2e', '..', '.', 'a', '?', '#', 'secret=', '&', '%zz', '\\', 'é', '💥', 'channel', ' ', '\t', '\r\n', '//', '[::1', 'http:'];
/** Request targets made of the pieces that broke or nearly broke the host, and plain random text. */
const target = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('/', '//', '/%', 'http://[::1', '*', 'http://127.0.0.1/', '/channel', '/channel?secret=%'),
);
const headerValue = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('127.0.0.1', 'localhost', 'evil.example'));

const keys = ['t', 'm', 'id', 'name', 'args', 'connectionId', 'requestId', 'method', 'version', 'params', 'databaseName', 'collectionName', 'schema', 'toString', 'valueOf', 'constructor', '__proto__',
  'query', 'queryPlan', 'selector', 'sort', 'skip', 'limit', 'index', 'documentWrites', 'document', 'previous', '_meta', 'lwt', '$eq', '$gt', '$in', '$or', '$elemMatch', '$regex'];
const shape: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('storage', 'api', 'create', 'query', 'bulkWrite', 'count', 'close', 'sphere', 'contacts', '17.6.0', '$regex'),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...keys), tie('node'), { maxKeys: 6 }),
  ),
})).node;

describe('browser host under fuzzed input', () => {
  it('survives random HTTP requests as raw bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS', 'PUT', 'G\0T', ''),
        target,
        fc.option(headerValue),
        fc.array(fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), headerValue), { maxLength: 3 }),
        fc.boolean(),
        async (method, path, hostName, extra, ownPort) => {
          const hostLine = hostName === null ? '' : `Host: ${hostName}${ownPort ? `:${host.port}` : ''}\r\n`;
          const lines = extra.map(([k, v]) => `${k}: ${v}\r\n`).join('');
          // latin1 keeps every code unit below 256 a single byte, so control bytes go out as they are.
          await rawExchange(host.port, Buffer.from(`${method} ${path} HTTP/1.1\r\n${hostLine}${lines}\r\n`, 'latin1'), { halfClose: true });
        },
      ),
      { numRuns: 300 },
    );
    await stillServing();
  });

  it('survives random WebSocket upgrades', async () => {
    await fc.assert(
      fc.asyncProperty(
        target,
        fc.oneof(fc.string({ maxLength: 50 }), fc.string({ unit: 'grapheme', minLength: 43, maxLength: 43 }), fc.constant(cookie.slice(cookie.indexOf('=') + 1))),
        fc.constantFrom(`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`, 'null', 'https://evil.example'),
        async (path, guess, origin) => {
          const key = Buffer.from('sphere-fuzz-key!').toString('base64');
          // The guess goes as it is, non-ASCII included; only line breaks, which would end the header, are taken out.
          const request = `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nCookie: ${sessionCookieName(host.port)}=${guess.replace(/[\r\n]/g, '')}\r\n` +
            `Origin: ${origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\n\r\n`;
          await rawExchange(host.port, Buffer.from(request, 'latin1'), { halfClose: true });
        },
      ),
      { numRuns: 200 },
    );
    await stillServing();
  });

  it('survives random frames once connected', async () => {
    const frame = fc.oneof(
      // JSON of random shapes, most of them looking like frames.
      fc.record({ t: fc.constantFrom('storage', 'api', 'event', 'x'), m: shape, id: fc.oneof(fc.integer(), shape), name: shape, args: shape })
        .map((f) => clientFrame(0x1, Buffer.from(JSON.stringify(f)))),
      shape.map((s) => clientFrame(0x1, Buffer.from(JSON.stringify(s) ?? 'null'))),
      // Raw bytes as text (mostly invalid UTF-8) and as binary, and frames of every opcode.
      fc.uint8Array({ maxLength: 64 }).map((b) => clientFrame(0x1, Buffer.from(b))),
      fc.uint8Array({ maxLength: 64 }).map((b) => clientFrame(0x2, Buffer.from(b))),
      fc.tuple(fc.integer({ min: 0, max: 15 }), fc.uint8Array({ maxLength: 16 }), fc.boolean()).map(([op, b, fin]) => clientFrame(op, Buffer.from(b), b.length, fin)),
      // A header announcing just over the host's limit, or far over it.
      fc.constantFrom(64 * 1024 * 1024 + 1, 200 * 1024 * 1024).map((n) => clientFrame(0x1, Buffer.from('{'), n)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 3 }), async (frames) => {
        const socket = await rawSocket(host.port, cookie);
        socket.on('error', () => {});
        socket.on('data', () => {});
        const gone = new Promise<void>((resolve) => socket.once('close', () => resolve()));
        // A close frame after the fuzz: the host answers it in order, so by then it has handled what came before.
        socket.end(Buffer.concat([...frames, clientFrame(0x8, Buffer.from([0x03, 0xe8]))]));
        await gone;
      }),
      { numRuns: 300 },
    );
    await stillServing();
  });

  it('survives random storage requests on a collection it really opened', async () => {
    const create = sentOver(ws).find((m) => m.method === 'create' && (m.params as { collectionName: string }).collectionName === 'contacts')!;
    const fuzzer = await connect(host);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('bulkWrite', 'findDocumentsById', 'query', 'count', 'getChangedDocumentsSince'),
        fc.array(shape, { maxLength: 4 }),
        async (method, params) => {
          const connectionId = `fuzz-${++run}`;
          const ask = async (m: object) => {
            const requestId = `${connectionId}-${(m as { method: string }).method}`;
            const answer = storageAnswer(fuzzer, requestId);
            fuzzer.send(JSON.stringify({ t: 'storage', m: { ...create, ...m, connectionId, requestId } }));
            return answer;
          };
          expect((await ask({ method: 'create' })).error).toBeUndefined();
          // Whatever the arguments, an answer comes back: a result or an error, never silence or a crash.
          const answer = await ask({ method, params });
          expect('error' in answer || 'return' in answer).toBe(true);
          await ask({ method: 'close', params: [] });
        },
      ),
      { numRuns: 150 },
    );
    fuzzer.terminate();
    await stillServing();
  });
});
