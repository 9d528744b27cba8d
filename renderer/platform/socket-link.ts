// Process: renderer. The link in a browser: one WebSocket to the browser host that served this page. When the host
// goes away (a crash, a restart, a sleep) the link says so, fails what was waiting, and reconnects with backoff;
// a host restarted on the same data folder accepts this page again (it keeps the page's secret there).
import { HOST_CHANNEL_PATH, HOST_SECRET_META, HOST_SECRET_PARAM, PagedAnswers, type ClientFrame, type HostFrame } from '../../shared/host-frames.ts';
import type { AppRequestOutcome } from '../../shared/app-api.ts';
import { ConnectionWatch, reconnectDelay, STORE_UNREACHABLE } from './connection.ts';
import type { HostLink } from './link.ts';

export async function socketLink(): Promise<HostLink> {
  const secret = document.querySelector<HTMLMetaElement>(`meta[name="${HOST_SECRET_META}"]`)?.content;
  if (!secret) throw new Error('This page was not served by a Sphere host: start it with `npm start`.');
  const url = new URL(HOST_CHANNEL_PATH, window.location.href);
  url.protocol = 'ws:';
  url.searchParams.set(HOST_SECRET_PARAM, secret);

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
