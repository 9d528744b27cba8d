// Process: main or browser host (Node). The sync engine for a host's store: same storage, same field clock as
// the host's commands, settings in the store's data folder, the token in the secret store the host provides.
import type { StoreService } from '../store/store-service.ts';
import { fileSecretStore, SyncConfigFile, type SecretStore } from './sync-config.ts';
import { SyncEngine, type SyncEngineOptions } from './sync-engine.ts';

export function syncFor(store: StoreService, options: { secrets?: SecretStore; log?: (line: string) => void; retry?: SyncEngineOptions['retry']; streamIdleMs?: number; pullBatch?: number } = {}): SyncEngine {
  const sync = new SyncEngine({
    storage: () => store.current.raw,
    ready: () => store.ready(),
    clock: () => store.commands.clockFor(),
    config: new SyncConfigFile(store.dataDir),
    secrets: options.secrets ?? fileSecretStore(store.dataDir),
    log: options.log,
    retry: options.retry,
    streamIdleMs: options.streamIdleMs,
    pullBatch: options.pullBatch,
  });
  // Signed in to a team, every edit names the member (their email), so teammates see who changed what.
  store.authorAs(() => sync.status().email);
  return sync;
}
