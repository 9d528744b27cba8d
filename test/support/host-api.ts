// Process: test (Node). A real host store on a throw-away SQLite file, reached the way a window reaches it: app
// requests through the same dispatch the transports use, and an RxDatabase on the storage the channel exposes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatchAppRequest, type AppApiClient } from '../../shared/app-api.ts';
import type { SphereDatabase } from '../../shared/schemas/index.ts';
import { createAppApiHandlers } from '../../electron/app-api-handlers.ts';
import { StoreService } from '../../electron/store/store-service.ts';
import { openSphereDatabase } from '../../renderer/db/sphere-database.ts';
import { syncFor } from '../../electron/sync/sync-for-store.ts';

export type HostForTest = { store: StoreService; api: AppApiClient; db: SphereDatabase; dataDir: string; close(): Promise<void> };

export async function hostForTest(name: string): Promise<HostForTest> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `sphere-${name}-`));
  const store = new StoreService(dataDir);
  const handlers = createAppApiHandlers(store, { version: 'test', host: 'browser' }, syncFor(store));
  const api: AppApiClient = {
    async call(requestName, args) {
      // Through JSON, as over the socket: what a window sends is data, never live objects.
      const outcome = await dispatchAppRequest(handlers, requestName, args === undefined ? undefined : JSON.parse(JSON.stringify(args)));
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.result as never;
    },
    on: () => () => {},
  };
  const db = await openSphereDatabase(store.current.storage);
  return {
    store, api, db, dataDir,
    async close() {
      await db.close();
      store.close();
    },
  };
}
