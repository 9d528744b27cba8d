// Process: browser host (Node). Runs the main process's store and app API without Electron:
// serves the built renderer on 127.0.0.1 and carries storage and app requests over one WebSocket.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatchAppRequest, type AppEventName, type AppEventPayload } from '../../shared/app-api.ts';
import { HOST_CHANNEL_PATH, HOST_SECRET_PARAM, parseClientFrame, type HostFrame } from '../../shared/host-frames.ts';
import { createAppApiHandlers } from '../app-api-handlers.ts';
import { frameText } from '../channel/frame-text.ts';
import { StorageRouter, type StorageClient } from '../channel/storage-router.ts';
import { StoreService } from '../store/store-service.ts';
import { serveRenderer } from './static-files.ts';
import { syncFor } from '../sync/sync-for-store.ts';

export type BrowserHostOptions = {
  dataDir: string;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  version?: string;
  log?: (line: string) => void;
};

export type BrowserHost = {
  url: string;
  port: number;
  store: StoreService;
  close(): Promise<void>;
};

/** Large enough for a sample sphere's bulk insert, small enough that a hostile frame cannot exhaust memory. */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.log ?? (() => {});
  const store = new StoreService(options.dataDir, { log });
  const sync = syncFor(store, { log });
  void sync.resume().catch((err: Error) => log(`sync did not resume: ${err.message}`));
  await store.backupIfDue().catch((err: Error) => log(`backup at launch failed: ${err.message}`));
  // Parsing the documents now overlaps with the window loading its code; the first query then finds them ready.
  void store.warm().catch((err: Error) => log(`warming the store failed: ${err.message}`));
  const router = new StorageRouter(store, log);
  const handlers = createAppApiHandlers(store, { version: options.version ?? '0.0.0', host: 'browser' }, sync);
  const secret = crypto.randomBytes(32).toString('base64url');
  const sockets = new Set<WebSocket>();

  let port = options.port ?? 0;
  let serve: ReturnType<typeof serveRenderer> = () => {};
  const server = http.createServer((req, res) => {
    // A page on another site that rebinds its name to 127.0.0.1 still sends its own Host: refuse it.
    if (!isOwnHost(req.headers.host, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('wrong host');
      return;
    }
    serve(req, res);
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const given = url.searchParams.get(HOST_SECRET_PARAM) ?? '';
    const okOrigin = req.headers.origin === `http://127.0.0.1:${port}`;
    const okSecret = given.length === secret.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(secret));
    if (url.pathname !== HOST_CHANNEL_PATH || !okOrigin || !okSecret || !isOwnHost(req.headers.host, port)) {
      log(`refused a WebSocket from origin ${String(req.headers.origin)}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    const send = (frame: HostFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(frameText(frame));
    };
    const client: StorageClient = { id: `ws-${crypto.randomUUID()}`, send: (m) => send({ t: 'storage', m }) };
    ws.on('message', (data, isBinary) => {
      if (isBinary) return send({ t: 'event', name: 'channel.error', payload: 'binary frames are not accepted' });
      const frame = parseClientFrame(data.toString());
      if ('error' in frame) {
        log(`browser host: ${frame.error}`);
        return;
      }
      if (frame.t === 'storage') {
        router.receive(client, frame.m);
      } else {
        void dispatchAppRequest(handlers, frame.name, frame.args).then((outcome) => send({ t: 'api', id: frame.id, ...outcome }));
      }
    });
    ws.on('close', () => {
      sockets.delete(ws);
      router.disconnect(client);
    });
  });

  const broadcast = <N extends AppEventName>(name: N, payload: AppEventPayload<N>) => {
    const text = JSON.stringify({ t: 'event', name, payload } satisfies HostFrame);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  };
  store.onReplaced(() => broadcast('store.replaced', { file: store.file }));
  sync.onStatus((status) => broadcast('sync.status', status));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  serve = serveRenderer(options.rendererDir, secret, port);

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    store,
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sync.stop();
      store.close();
    },
  };
}

function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
