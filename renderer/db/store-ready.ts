// Process: renderer. Waits, before the window opens its database, until the host's store is at this version's
// schemas: the host upgrades it at launch (electron/store/store-service.ts) and tells how far it has got.
import type { AppApiClient, StoreStatus, StoreUpgrade } from '../../shared/app-api.ts';

/** How often a long upgrade's progress is asked for; most launches are answered before the first ask. */
const PROGRESS_EVERY_MS = 300;

/** The store's status once it can be opened, or once its upgrade failed (`upgrade.state === 'failed'`). */
export async function storeReady(api: AppApiClient, onProgress: (upgrade: Extract<StoreUpgrade, { state: 'running' }>) => void): Promise<StoreStatus> {
  const ready = api.call('store.ready');
  for (;;) {
    const answered = await Promise.race([ready, new Promise<null>((resolve) => setTimeout(() => resolve(null), PROGRESS_EVERY_MS))]);
    if (answered) return answered;
    const { upgrade } = await api.call('store.status');
    if (upgrade?.state === 'running') onProgress(upgrade);
  }
}
