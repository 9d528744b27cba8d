// Process: browser host (Node). Wires the host core to HTTP and one WebSocket on 127.0.0.1: serves the built
// renderer, and carries storage and app requests (and pushed events) over the socket.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { HOST_CHANNEL_PATH, HOST_SECRET_PARAM, parseClientFrame, type HostFrame } from '../../shared/host-frames.ts';
import { frameText } from '../channel/frame-text.ts';
import { startHostCore } from '../core/host-core.ts';
import type { StoreService } from '../store/store-service.ts';
import { isHostSecret, loadHostSecret } from './host-secret.ts';
import { serveRenderer } from './static-files.ts';

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
  const core = await startHostCore({
    dataDir: options.dataDir,
    version: options.version ?? '0.0.0',
    host: 'browser',
    log,
    // The browser host runs from source under Node, which runs the worker's TypeScript as it is.
    pictureWorker: new URL('../store/opening-picture-worker.ts', import.meta.url),
  });
  const secret = loadHostSecret(options.dataDir);
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
    const okOrigin = req.headers.origin === `http://127.0.0.1:${port}`;
    if (url.pathname !== HOST_CHANNEL_PATH || !okOrigin || !isHostSecret(secretOf(url), secret) || !isOwnHost(req.headers.host, port)) {
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
    const client = core.connect({
      id: `ws-${crypto.randomUUID()}`,
      sendStorage: (m) => send({ t: 'storage', m }),
      sendEvent: (name, payload) => send({ t: 'event', name, payload }),
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return send({ t: 'event', name: 'channel.error', payload: 'binary frames are not accepted' });
      const frame = parseClientFrame(data.toString());
      if ('error' in frame) {
        log(`browser host: ${frame.error}`);
        return;
      }
      if (frame.t === 'storage') client.receiveStorage(frame.m);
      else void client.callApi(frame.name, frame.args).then((outcome) => send({ t: 'api', id: frame.id, ...outcome }));
    });
    ws.on('close', () => {
      sockets.delete(ws);
      client.disconnect();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  serve = serveRenderer(options.rendererDir, secret, port);

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    store: core.store,
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}

/** Where the page's secret travels today (the socket URL's query); the one place to change when it moves. */
function secretOf(url: URL): string {
  return url.searchParams.get(HOST_SECRET_PARAM) ?? '';
}

function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
