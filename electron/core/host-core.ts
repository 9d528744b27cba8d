// Process: main or browser host (Node). The host core: the store, the storage channel, the app API and the events
// pushed to windows, assembled once. Electron's main process and the browser host only wire it to their transport
// (IPC, WebSocket); sync will run here too, so its credentials never reach a window. No `electron` import here.
import type { MessageFromRemote } from 'rxdb/plugins/storage-remote';
import { dispatchAppRequest, type AppEventName, type AppEventPayload, type AppRequestOutcome } from '../../shared/app-api.ts';
import { createAppApiHandlers, type FileSaver } from '../app-api-handlers.ts';
import { StorageRouter, type StorageClient } from '../channel/storage-router.ts';
import { StoreService } from '../store/store-service.ts';
import type { SecretStore } from '../sync/sync-config.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import { syncFor } from '../sync/sync-for-store.ts';

export type HostCoreOptions = {
  dataDir: string;
  version: string;
  host: 'electron' | 'browser';
  log?: (line: string) => void;
  /** The opening picture's worker script, as this host is packaged (a .ts file run by Node, or Electron's bundle). */
  pictureWorker?: URL | string;
  /** The insights' worker script, packaged the same way. */
  insightsWorker?: URL | string;
  /** Where the team-sync token is kept (Electron's safeStorage; a 0600 file in the data folder by default). */
  secrets?: SecretStore;
  /** Where exports are saved through a dialog (Electron); the browser host's page downloads them instead. */
  saveFile?: FileSaver;
};

/** How the core reaches one window: the transport's two kinds of outgoing message. */
export type ClientSink = {
  /** Names the window in logs (a webContents id, a socket id). */
  readonly id: string;
  sendStorage(message: MessageFromRemote): void;
  sendEvent<N extends AppEventName>(name: N, payload: AppEventPayload<N>): void;
  /** True while the window is not reading what it was sent (the browser host's back-pressure); its requests wait. */
  held?(): boolean;
};

/** What the transport calls for one connected window. */
export type CoreClient = {
  /** One raw storage-channel message; refused messages are answered with an error and logged. */
  receiveStorage(message: unknown): void;
  /** One app API request from this window; the transport has already checked the sender is Sphere's page. */
  callApi(name: unknown, args: unknown): Promise<AppRequestOutcome>;
  /** The window went away (closed, reloaded, socket dropped): its storage connections close and it hears no more events. */
  disconnect(): void;
  /** The window reads again after being held: its waiting requests run. */
  resume(): void;
};

export type HostCore = {
  store: StoreService;
  sync: SyncEngine;
  connect(sink: ClientSink): CoreClient;
  close(): Promise<void>;
};

export async function startHostCore(options: HostCoreOptions): Promise<HostCore> {
  const log = options.log ?? (() => {});
  // Every file this host makes (store, journal, backups, secrets, settings) is the user's alone.
  process.umask(0o077);
  const store = new StoreService(options.dataDir, { pictureWorker: options.pictureWorker, insightsWorker: options.insightsWorker, insightsAheadAfterMs: INSIGHTS_AHEAD_AFTER_MS, log });
  await store.backupIfDue().catch((err: Error) => log(`backup at launch failed: ${err.message}`));
  // Parsing the documents now overlaps with the window loading its code; the first query then finds them ready.
  void store.warm().catch((err: Error) => log(`warming the store failed: ${err.message}`));
  const router = new StorageRouter(store, log);
  // Team sync runs here, in the host: its token never reaches a window.
  const sync = syncFor(store, { secrets: options.secrets, log });
  void sync.resume().catch((err: Error) => log(`sync did not resume: ${err.message}`));
  // The one place handlers are listed.
  const handlers = createAppApiHandlers(store, { version: options.version, host: options.host }, sync, options.saveFile);
  const sinks = new Set<ClientSink>();

  store.onReplaced(() => {
    for (const sink of sinks) sink.sendEvent('store.replaced', { file: store.file });
  });
  sync.onStatus((status) => {
    for (const sink of sinks) sink.sendEvent('sync.status', status);
  });

  return {
    store,
    sync,
    connect(sink) {
      sinks.add(sink);
      const client: StorageClient = { id: sink.id, send: (m) => sink.sendStorage(m), held: () => sink.held?.() ?? false };
      return {
        receiveStorage: (message) => void router.receive(client, message),
        callApi: (name, args) => dispatchAppRequest(handlers, name, args),
        resume: () => router.resume(),
        disconnect() {
          sinks.delete(sink);
          router.disconnect(client);
        },
      };
    },
    async close() {
      sinks.clear();
      await sync.stop();
      store.close();
    },
  };
}

/** The insights are worked out ahead this long after launch, once a window has had the machine to open its sphere. */
const INSIGHTS_AHEAD_AFTER_MS = 5000;
