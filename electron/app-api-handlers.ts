// Process: main or browser host (Node). The app API's implementation, shared by Electron IPC and the browser host.
import type { AppApiHandlers } from '../shared/app-api.ts';
import type { StoreService } from './store/store-service.ts';
import type { SyncEngine } from './sync/sync-engine.ts';
import { contactHistory, deletedContacts } from './store/contact-history.ts';
import { COLLECTIONS, DATABASE_NAME } from '../shared/schemas/index.ts';

/** Asks the user where to save a file and writes it; null when they cancelled. Only Electron has a save dialog. */
export type FileSaver = (name: string, bytes: Uint8Array) => Promise<string | null>;

const noSaveDialog: FileSaver = async () => {
  throw new Error('this host has no save dialog: the window downloads the file itself');
};

export function createAppApiHandlers(store: StoreService, info: { version: string; host: 'electron' | 'browser' }, sync: SyncEngine, saveFile: FileSaver = noSaveDialog): AppApiHandlers {
  // This device's edits name the device, or the member signed in on it.
  const here = (author: string) => author === store.deviceId() || author === sync.status().email;
  const liveContacts = () => new Set((store.current.raw.liveDocuments(DATABASE_NAME, 'contacts', COLLECTIONS.contacts.schema.version) as { id: string }[]).map((c) => c.id));
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
    'command.stack': () => store.commands.undoStack(),
    'history.contact': ({ contactId }) => contactHistory(store.commands, contactId, here),
    'history.deleted': () => deletedContacts(store.commands, liveContacts, here),
    'sync.status': () => sync.status(),
    'sync.signIn': (input) => sync.signIn(input),
    'sync.signOut': () => sync.signOut(),
    'sync.setEnabled': ({ enabled }) => sync.setEnabled(enabled),
    'file.save': async ({ name, text, base64 }) => ({ file: await saveFile(name, text !== undefined ? Buffer.from(text, 'utf8') : Buffer.from(base64!, 'base64')) }),
  };
}
