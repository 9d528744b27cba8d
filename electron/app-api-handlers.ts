// Process: main or browser host (Node). The app API's implementation, shared by Electron IPC and the browser host.
import type { AppApiHandlers } from '../shared/app-api.ts';
import type { StoreService } from './store/store-service.ts';
import type { SyncEngine } from './sync/sync-engine.ts';

export function createAppApiHandlers(store: StoreService, info: { version: string; host: 'electron' | 'browser' }, sync: SyncEngine): AppApiHandlers {
  return {
    'app.info': () => info,
    'store.status': () => store.status(),
    'store.ready': async () => {
      await store.ready();
      return store.status();
    },
    'store.dismissProblem': () => store.dismissProblem(),
    'store.listBackups': () => store.listBackups(),
    'store.backupNow': () => store.backupNow(),
    'store.restoreBackup': ({ name }) => store.restoreBackup(name),
    'sphere.openingPicture': () => store.openingPicture(),
    'insights.compute': (period) => store.insights({ period }),
    'command.run': (command) => store.commands.run(command),
    'command.undo': ({ runId }) => store.commands.undo(runId),
    'command.redo': ({ runId }) => store.commands.redo(runId),
    'sync.status': () => sync.status(),
    'sync.signIn': (input) => sync.signIn(input),
    'sync.signOut': () => sync.signOut(),
    'sync.setEnabled': ({ enabled }) => sync.setEnabled(enabled),
  };
}
