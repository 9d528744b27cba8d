// Process: browser host (Node). Wires the host core to HTTP and one WebSocket on 127.0.0.1: serves the built
// renderer, and carries storage and app requests (and pushed events) over the socket.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { HOST_CHANNEL_PATH, HOST_SESSION_PATH, parseClientFrame, type HostFrame } from '../../shared/host-frames.ts';
import { frameTexts } from '../channel/frame-text.ts';
import { startHostCore } from '../core/host-core.ts';
import type { StoreService } from '../store/store-service.ts';
import { loadHostSecret } from './host-secret.ts';
import { pageSessions, type PageSessions } from './page-session.ts';
import { readRequestTarget } from './request-target.ts';
import { serveRenderer } from './static-files.ts';

export type BrowserHostOptions = {
  dataDir: string;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  version?: string;
  log?: (line: string) => void;
  /** Tests lower these to see a slow reader dropped without building hundreds of megabytes. */
  backPressure?: Partial<BackPressure>;
  /** Characters of documents per frame of a storage answer (frame-text.ts); tests lower it. */
  pageChars?: number;
};

/**
 * A client that stops reading makes every answer pile up in its socket's buffer (40 "all contacts" answers grew
 * the host to 2.7 GB). Past `highWaterBytes` the host holds that client (see watchBackPressure); one that then takes
 * nothing for `dropAfterMs`, or for a second while past `dropAtBytes`, is dropped.
 */
export type BackPressure = { highWaterBytes: number; dropAfterMs: number; dropAtBytes: number };
const BACK_PRESSURE: BackPressure = { highWaterBytes: 64 * 1024 * 1024, dropAfterMs: 30_000, dropAtBytes: 256 * 1024 * 1024 };

export type BrowserHost = {
  /** The page's address, without a credential: opening it gives a window only in a browser with a session. */
  url: string;
  /** The address to print or open: `url` with a one-time launch token that the page trades for its session. */
  launchAddress(): string;
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
    insightsWorker: new URL('../store/insights-worker.ts', import.meta.url),
  });
  const secret = loadHostSecret(options.dataDir, log);
  const sockets = new Set<WebSocket>();

  let port = options.port ?? 0;
  let serve: ReturnType<typeof serveRenderer> = () => {};
  // Made once the port is known (its address and cookie name carry it).
  let sessions: PageSessions | undefined = undefined;
  const backPressure = { ...BACK_PRESSURE, ...options.backPressure };
  const server = http.createServer((req, res) => {
    // A page on another site that rebinds its name to 127.0.0.1 still sends its own Host: refuse it.
    if (!isOwnHost(req.headers.host, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('wrong host');
      return;
    }
    // One origin for the page, so that its socket's Origin and the CSP have one name to match: localhost goes
    // to 127.0.0.1 (the session cookie is only ever set there).
    if (req.headers.host === `localhost:${port}` && typeof req.url === 'string' && req.url.startsWith('/')) {
      res.writeHead(307, { Location: `http://127.0.0.1:${port}${req.url}`, 'Cache-Control': 'no-store' }).end();
      return;
    }
    if (sessions && readRequestTarget(req.url)?.path === HOST_SESSION_PATH) return sessions.handle(req, res);
    serve(req, res);
  });
  // Malformed requests Node cannot parse: answer 400 and close that socket, nothing else.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
  });

  server.on('upgrade', (req, socket, head) => {
    // A peer that resets mid-answer makes the socket emit 'error': unheard, that ends the process.
    socket.on('error', () => socket.destroy());
    const target = readRequestTarget(req.url);
    const okOrigin = req.headers.origin === `http://127.0.0.1:${port}`;
    // The session cookie only: a credential in the URL would land in logs and the browser's history.
    if (!target || target.path !== HOST_CHANNEL_PATH || !okOrigin || !sessions?.hasSession(req) || !isOwnHost(req.headers.host, port)) {
      log(`refused a WebSocket from origin ${JSON.stringify(req.headers.origin ?? null).slice(0, 80)}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => connected(ws, socket as Socket));
  });

  const connected = (ws: WebSocket, socket: Socket) => {
    sockets.add(ws);
    // Oversized frames and invalid UTF-8 arrive here; ws closes the socket itself (1009, 1007) once this is heard.
    ws.on('error', (err) => log(`browser host: closed a socket: ${err.message}`));
    // Filled in once the core knows this client: a held client's requests wait until it reads again.
    let resume = () => {};
    const flow = watchBackPressure(ws, socket, backPressure, log, () => resume());
    const send = (frame: HostFrame) => {
      if (ws.readyState !== ws.OPEN) return;
      let texts: string[];
      try {
        texts = frameTexts(frame, options.pageChars);
      } catch (err) {
        // An answer too large to write must still answer: the window shows the error instead of waiting forever.
        const failed = failedAnswer(frame, err);
        if (!failed) return log(`browser host: could not send a frame: ${(err as Error).message}`);
        texts = [JSON.stringify(failed)];
      }
      for (const text of texts) ws.send(text);
      flow.sent();
    };
    const client = core.connect({
      id: `ws-${crypto.randomUUID()}`,
      sendStorage: (m) => send({ t: 'storage', m }),
      sendEvent: (name, payload) => send({ t: 'event', name, payload }),
      held: () => flow.held(),
    });
    resume = () => client.resume();
    ws.on('message', (data, isBinary) => {
      if (isBinary) return send({ t: 'event', name: 'channel.error', payload: 'binary frames are not accepted' });
      // Whatever a client sends, a throw in here would end the host for every window: refuse the frame instead.
      try {
        const frame = parseClientFrame(data.toString());
        if ('error' in frame) {
          log(`browser host: ${frame.error}`);
          return;
        }
        if (frame.t === 'storage') client.receiveStorage(frame.m);
        else {
          const id = frame.id;
          // A rejection left unheard would end the process (Node's default for unhandled rejections).
          void client.callApi(frame.name, frame.args).then(
            (outcome) => send({ t: 'api', id, ...outcome }),
            (err: unknown) => send({ t: 'api', id, ok: false, error: err instanceof Error ? err.message : 'the request failed' }),
          );
        }
      } catch (err) {
        log(`browser host: refused a frame: ${(err as Error).message}`);
      }
    });
    ws.on('close', () => {
      sockets.delete(ws);
      flow.stop();
      client.disconnect();
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  serve = serveRenderer(options.rendererDir, port);
  sessions = pageSessions({ dataDir: options.dataDir, port, secret, log });
  const launch = sessions;

  return {
    url: `http://127.0.0.1:${port}/`,
    launchAddress: () => launch.launchAddress(),
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

/** The error answer for a storage or app request whose answer could not be written; null for other frames. */
function failedAnswer(frame: HostFrame, err: unknown): HostFrame | null {
  if (frame.t === 'api') return { t: 'api', id: frame.id, ok: false, error: `The host could not send this answer (${err instanceof Error ? err.message : 'unknown error'}).` };
  if (frame.t !== 'storage' || typeof frame.m !== 'object' || frame.m === null) return null;
  const m = frame.m as { connectionId?: unknown; answerTo?: unknown; method?: unknown };
  if (typeof m.connectionId !== 'string' || typeof m.answerTo !== 'string') return null;
  const message = `The host could not send this answer (${err instanceof Error ? err.message : 'unknown error'}).`;
  return { t: 'storage', m: { connectionId: m.connectionId, answerTo: m.answerTo, method: m.method, error: { name: 'SphereChannelError', message, stack: '' } } };
}

/** At the hard cap, how long a client may take nothing before it is dropped. */
const STALL_AT_CAP_MS = 1000;

/**
 * Watches one socket's unsent bytes after each send. Over the high-water mark the client is held: the host stops
 * reading its frames and its queued requests wait (storage-router.ts), so no more answers pile up, and it checks
 * back until the client drains. A held client that takes nothing for `dropAfterMs` (or for a second while past
 * `dropAtBytes`) is dropped, which frees its answers. Progress, not size, decides: a window reading one very large
 * answer is never dropped for it.
 */
function watchBackPressure(ws: WebSocket, socket: Socket, limits: BackPressure, log: (line: string) => void, resumed: () => void) {
  // Bytes the kernel has taken from us: they only grow while the client reads.
  const taken = () => socket.bytesWritten - socket.writableLength;
  let held = false;
  let lastTaken = taken();
  let lastProgress = Date.now();
  let timer: ReturnType<typeof setInterval> | undefined;
  const drop = (buffered: number, stalledMs: number) => {
    log(`browser host: dropped a client that stopped reading (${Math.round(buffered / 1048576)} MB unsent, nothing taken for ${(stalledMs / 1000).toFixed(1)} s)`);
    stop();
    // The close frame would wait behind what the client does not read: end the connection outright.
    ws.close(1008, 'not reading its answers');
    ws.terminate();
  };
  const check = () => {
    const now = Date.now();
    const took = taken();
    if (took > lastTaken) {
      lastTaken = took;
      lastProgress = now;
    }
    const buffered = ws.bufferedAmount;
    if (buffered <= limits.highWaterBytes) {
      if (held) {
        held = false;
        stop();
        ws.resume();
        resumed();
      }
      return;
    }
    if (!held) {
      held = true;
      lastProgress = Math.max(lastProgress, now);
      ws.pause();
      timer = setInterval(check, 100);
      return;
    }
    const stalled = now - lastProgress;
    if (stalled >= limits.dropAfterMs || (buffered >= limits.dropAtBytes && stalled >= STALL_AT_CAP_MS)) drop(buffered, stalled);
  };
  function stop() {
    if (timer) clearInterval(timer);
    timer = undefined;
  }
  return { sent: check, stop, held: () => held };
}

function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
