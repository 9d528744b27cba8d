// Process: renderer. How team sync stands, as the host reports it (the window never holds the token).
import { useEffect, useState } from 'react';
import type { AppApiClient, SyncStatus } from '../../shared/app-api.ts';

export function useSyncStatus(api: AppApiClient): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    api.call('sync.status').then((s) => live && setStatus(s), () => undefined);
    const off = api.on('sync.status', (s) => setStatus(s));
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return status;
}
