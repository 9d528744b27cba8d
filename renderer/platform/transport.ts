// Process: renderer. Picks the link (preload bridge if present, else the host's WebSocket) and builds the platform on it.
import { Subject } from 'rxjs';
import { getRxStorageRemote } from 'rxdb/plugins/storage-remote';
import type { MessageFromRemote, MessageToRemote } from 'rxdb/plugins/storage-remote';
import type { RxStorage } from 'rxdb';
import { BRIDGE_KEY, type SphereBridge } from '../../shared/bridge.ts';
import type { AppApiClient, AppEventName, AppRequestName } from '../../shared/app-api.ts';
import type { HostLink } from './link.ts';
import { guardStorageChannel, withPlainUnreachableErrors } from './storage-guard.ts';
import { ReadFailures } from './read-failures.ts';
import type { Platform } from './platform.ts';

export async function connectTransport(): Promise<Platform> {
  const bridge = (window as unknown as Record<string, SphereBridge | undefined>)[BRIDGE_KEY];
  const link: HostLink = bridge ? (await import('./bridge-link.ts')).bridgeLink(bridge) : await (await import('./socket-link.ts')).socketLink();
  const readFailures = new ReadFailures();
  return { host: link.host, storage: withPlainUnreachableErrors(remoteStorage(link, readFailures)), api: apiClient(link), connection: link.connection, readFailures };
}

function remoteStorage(link: HostLink, readFailures: ReadFailures): RxStorage<unknown, unknown> {
  return getRxStorageRemote({
    identifier: `sphere-${link.host}`,
    // One channel carries every collection: the host routes by connection id.
    mode: 'one',
    messageChannelCreator() {
      const channel = guardStorageChannel({ send: (m) => link.sendStorage(m), onMessage: (l) => link.onStorage(l) }, link.connection);
      const messages$ = new Subject<MessageFromRemote>();
      const unsubscribe = channel.onMessage((message) => {
        readFailures.inspect(message);
        messages$.next(message as MessageFromRemote);
      });
      return Promise.resolve({
        messages$,
        send: (message: MessageToRemote) => channel.send(message),
        close() {
          unsubscribe();
          messages$.complete();
          return Promise.resolve();
        },
      });
    },
  }) as unknown as RxStorage<unknown, unknown>;
}

function apiClient(link: HostLink): AppApiClient {
  return {
    async call<N extends AppRequestName>(name: N, args?: unknown) {
      const outcome = await link.call(name, args);
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.result as never;
    },
    on<N extends AppEventName>(name: N, listener: (payload: never) => void) {
      return link.onEvent(name, listener as (payload: unknown) => void);
    },
  };
}
