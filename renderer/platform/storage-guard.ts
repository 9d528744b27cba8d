// Process: renderer. Keeps the RxDB storage channel honest when the host goes away: a request made while the
// store is unreachable, or still unanswered when the link drops, is answered at once with an error saying so,
// instead of a promise that never settles (RxDB's remote storage waits for its answer forever). Transport-neutral.
import type { RxStorage } from 'rxdb';
import { STORE_UNREACHABLE, type ConnectionWatch } from './connection.ts';

type Request = { connectionId: string; requestId: string; method: string };
type Answer = { connectionId: string; answerTo: string; method: string; return?: unknown; error?: { name: string; message: string; stack: string } };

export type StorageChannel = {
  send(message: unknown): void;
  /** Returns the unsubscribe. */
  onMessage(listener: (message: unknown) => void): () => void;
};

/**
 * Wraps the link's raw channel. Connections live on the host: one made before the host restarted is unknown to
 * the new host, which would ignore it, so its requests are refused here too. The window reopens its database
 * on the new link instead (see main.tsx).
 */
export function guardStorageChannel(raw: StorageChannel, connection: ConnectionWatch): StorageChannel {
  const listeners = new Set<(message: unknown) => void>();
  const pending = new Map<string, Request>();
  const bornIn = new Map<string, number>();
  const deliver = (message: unknown) => {
    for (const listener of [...listeners]) listener(message);
  };
  const answer = (request: Request, outcome: Pick<Answer, 'return' | 'error'>) =>
    queueMicrotask(() => deliver({ connectionId: request.connectionId, answerTo: request.requestId, method: request.method, ...outcome } satisfies Answer));
  const refuse = (request: Request) => answer(request, { error: { name: 'SphereStoreUnreachable', message: STORE_UNREACHABLE, stack: '' } });

  raw.onMessage((message) => {
    const answerTo = (message as Partial<Answer> | null)?.answerTo;
    if (typeof answerTo === 'string') pending.delete(answerTo);
    deliver(message);
  });
  connection.subscribe((state) => {
    if (state.up) return;
    const lost = [...pending.values()];
    pending.clear();
    lost.forEach(refuse);
  });

  return {
    send(message) {
      const request = message as Request;
      const state = connection.state;
      const current = state.up && (request.method === 'create' || bornIn.get(request.connectionId) === state.generation);
      if (!current) {
        // A connection the host no longer has is already closed: closing it succeeds, so the old database can close.
        if (request.method === 'close') answer(request, { return: null });
        else refuse(request);
        return;
      }
      if (request.method === 'create') bornIn.set(request.connectionId, state.generation);
      if (request.method === 'close') bornIn.delete(request.connectionId);
      pending.set(request.requestId, request);
      raw.send(message);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * RxDB reports a storage error as a long text carrying the whole request (documents included); when the cause
 * is the lost store, the error the UI gets says only that, so a toast or a form can show it as it is.
 */
export function withPlainUnreachableErrors(storage: RxStorage<unknown, unknown>): RxStorage<unknown, unknown> {
  const plain = (err: unknown) => (err instanceof Error && err.message.includes(STORE_UNREACHABLE) ? new Error(STORE_UNREACHABLE, { cause: err }) : err);
  const calmed = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(obj, key, receiver) {
        const value = Reflect.get(obj, key, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(obj, args);
          return result instanceof Promise ? result.catch((err: unknown) => Promise.reject(plain(err))) : result;
        };
      },
    });
  return new Proxy(storage, {
    get(obj, key, receiver) {
      if (key !== 'createStorageInstance') return Reflect.get(obj, key, receiver) as unknown;
      return (params: Parameters<typeof storage.createStorageInstance>[0]) =>
        obj.createStorageInstance(params).then(calmed, (err: unknown) => Promise.reject(plain(err)));
    },
  });
}
