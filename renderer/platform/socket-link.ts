// Process: renderer. The link in a browser: one WebSocket to the browser host that served this page. When the host
// goes away (a crash, a restart, a sleep) the link says so, fails what was waiting, and reconnects with backoff;
// a host restarted on the same data folder accepts this page again (its session cookie carries the folder's secret).
import { HOST_CHANNEL_PATH, HOST_SESSION_PATH, LAUNCH_TOKEN_PARAM, PagedAnswers, type ClientFrame, type HostFrame } from '../../shared/host-frames.ts';
import type { AppRequestOutcome } from '../../shared/app-api.ts';
import { ConnectionWatch, reconnectDelay, STORE_UNREACHABLE } from './connection.ts';
import type { HostLink } from './link.ts';

/**
 * The page's session with its host: the launch token in the address's fragment is traded once for an HttpOnly
 * cookie, and taken out of the address first, so that it stays in no history entry, reload or bookmark. The
 * page itself never holds a credential afterwards; the browser sends the cookie with the socket's upgrade.
 */
async function startSession(): Promise<void> {
  const token = new URLSearchParams(window.location.hash.slice(1)).get(LAUNCH_TOKEN_PARAM);
  let refusal: string | null = null;
  if (token !== null) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    const traded = await askHost({ method: 'POST', body: token });
    if (!traded.ok) refusal = await traded.text();
  }
  // A used token still leaves a window whose browser has a session (the printed address opened twice) working.
  const session = await askHost({ method: 'GET' });
  if (session.ok) return;
  throw new Error(refusal ?? 'This window has no session with the Sphere host: open the address Sphere printed when it started (`npm start`).');
}

function askHost(init: RequestInit): Promise<Response> {
  return fetch(HOST_SESSION_PATH, { ...init, cache: 'no-store', credentials: 'same-origin' }).catch(() => {
    throw new Error('Cannot reach the Sphere host. Is it still running?');
  });
}

export async function socketLink(): Promise<HostLink> {
  await startSession();
  const url = new URL(HOST_CHANNEL_PATH, window.location.href);
  url.protocol = 'ws:';
  url.hash = '';

  const storageListeners = new Set<(message: unknown) => void>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const pending = new Map<number, (outcome: AppRequestOutcome) => void>();
  let nextId = 1;
  let generation = 0;

  const open = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => resolve(ws), { once: true });
      ws.addEventListener('error', () => reject(new Error('Cannot reach the Sphere host. Is it still running?')), { once: true });
    });

  // The first connection must work: a page whose host is gone at load has nothing to show.
  let ws = await open();
  const connection = new ConnectionWatch({ up: true, generation: ++generation });

  const attach = (socket: WebSocket) => {
    // Per socket: a page of an answer never continues on another connection.
    const paged = new PagedAnswers();
    socket.addEventListener('message', (event) => {
      const frame = paged.accept(JSON.parse(String(event.data)) as HostFrame);
      if (!frame) return;
      if (frame.t === 'storage') {
        for (const listener of storageListeners) listener(frame.m);
      } else if (frame.t === 'api') {
        pending.get(frame.id)?.(frame.ok ? { ok: true, result: frame.result } : { ok: false, error: frame.error });
        pending.delete(frame.id);
      } else if (frame.t === 'event') {
        for (const listener of eventListeners.get(frame.name) ?? []) listener(frame.payload);
      }
    });
    socket.addEventListener('close', () => {
      for (const resolve of pending.values()) resolve({ ok: false, error: STORE_UNREACHABLE });
      pending.clear();
      lost(1);
    }, { once: true });
  };

  const lost = (attempt: number) => {
    const wait = reconnectDelay(attempt);
    const since = connection.state.up ? Date.now() : connection.state.since;
    connection.set({ up: false, since, attempt, retryAt: Date.now() + wait });
    setTimeout(() => {
      open().then(
        (socket) => {
          ws = socket;
          attach(socket);
          connection.set({ up: true, generation: ++generation });
        },
        () => lost(attempt + 1),
      );
    }, wait);
  };
  attach(ws);

  const send = (frame: ClientFrame) => ws.send(JSON.stringify(frame));
  return {
    host: 'browser',
    connection,
    sendStorage: (m) => send({ t: 'storage', m }),
    onStorage(listener) {
      storageListeners.add(listener);
      return () => storageListeners.delete(listener);
    },
    call(name, args) {
      if (ws.readyState !== WebSocket.OPEN) return Promise.resolve({ ok: false, error: STORE_UNREACHABLE });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ t: 'api', id, name, args });
      });
    },
    onEvent(name, listener) {
      let set = eventListeners.get(name);
      if (!set) eventListeners.set(name, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
