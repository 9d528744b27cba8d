// Process: renderer. The link in a browser: one WebSocket to the browser host that served this page.
import { HOST_CHANNEL_PATH, HOST_SECRET_META, HOST_SECRET_PARAM, type ClientFrame, type HostFrame } from '../../shared/host-frames.ts';
import type { AppRequestOutcome } from '../../shared/app-api.ts';
import type { HostLink } from './link.ts';

export async function socketLink(): Promise<HostLink> {
  const secret = document.querySelector<HTMLMetaElement>(`meta[name="${HOST_SECRET_META}"]`)?.content;
  if (!secret) throw new Error('This page was not served by a Sphere host: start it with `npm start`.');
  const url = new URL(HOST_CHANNEL_PATH, window.location.href);
  url.protocol = 'ws:';
  url.searchParams.set(HOST_SECRET_PARAM, secret);
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error('Cannot reach the Sphere host. Is it still running?')), { once: true });
  });

  const storageListeners = new Set<(message: unknown) => void>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const pending = new Map<number, (outcome: AppRequestOutcome) => void>();
  let nextId = 1;

  ws.addEventListener('message', (event) => {
    const frame = JSON.parse(String(event.data)) as HostFrame;
    if (frame.t === 'storage') {
      for (const listener of storageListeners) listener(frame.m);
    } else if (frame.t === 'api') {
      pending.get(frame.id)?.(frame.ok ? { ok: true, result: frame.result } : { ok: false, error: frame.error });
      pending.delete(frame.id);
    } else {
      for (const listener of eventListeners.get(frame.name) ?? []) listener(frame.payload);
    }
  });
  ws.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve({ ok: false, error: 'the Sphere host closed the connection' });
    pending.clear();
    for (const listener of eventListeners.get('host.closed') ?? []) listener(null);
  });

  const send = (frame: ClientFrame) => ws.send(JSON.stringify(frame));
  return {
    host: 'browser',
    sendStorage: (m) => send({ t: 'storage', m }),
    onStorage(listener) {
      storageListeners.add(listener);
      return () => storageListeners.delete(listener);
    },
    call(name, args) {
      if (ws.readyState !== WebSocket.OPEN) return Promise.resolve({ ok: false, error: 'the Sphere host is not connected' });
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
