// Process: Electron main. Wiring only: lifecycle, the window, the menu, and the two IPC channels.
// The store, the app API and the routing are plain modules the browser host runs too.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, session, type WebContents } from 'electron';
import { dispatchAppRequest } from '../shared/app-api.ts';
import { IPC_CHANNELS } from '../shared/bridge.ts';
import { createAppApiHandlers } from './app-api-handlers.ts';
import { APP_ORIGIN, isAppUrl, registerAppScheme, serveAppScheme } from './app-protocol.ts';
import { StorageRouter, type StorageClient } from './channel/storage-router.ts';
import { StoreService } from './store/store-service.ts';
import { createMainWindow } from './window.ts';
import { buildMenu } from './menu.ts';
import { syncFor } from './sync/sync-for-store.ts';
import { safeStorageSecrets } from './safe-storage-secrets.ts';

// Bundled to dist/electron/main.cjs; the renderer is built beside it.
const distDir = path.resolve(__dirname, '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadFile = path.join(__dirname, 'preload.cjs');

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

// Tests and power users may point the app at another data folder.
const dataDir = process.env.SPHERE_DATA_DIR ?? app.getPath('userData');

app.whenReady().then(async () => {
  serveAppScheme(rendererDir);
  // No remote content, no permissions: the app needs neither camera nor notifications nor the web.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !details.url.startsWith(APP_ORIGIN) && !details.url.startsWith('devtools://') });
  });

  const store = new StoreService(dataDir, { log: (line) => console.error(line) });
  const sync = syncFor(store, { secrets: safeStorageSecrets(dataDir), log: (line) => console.error(line) });
  void sync.resume().catch((err: Error) => console.error(`sync did not resume: ${err.message}`));
  await store.backupIfDue().catch((err: Error) => console.error(`backup at launch failed: ${err.message}`));
  // Parsing the documents now overlaps with the window loading its code; the first query then finds them ready.
  void store.warm().catch((err: Error) => console.error(`warming the store failed: ${err.message}`));
  const router = new StorageRouter(store, (line) => console.error(line));
  const handlers = createAppApiHandlers(store, { version: app.getVersion(), host: 'electron' }, sync);
  const clients = new Map<WebContents, StorageClient>();

  const clientFor = (contents: WebContents): StorageClient => {
    let client = clients.get(contents);
    if (!client) {
      const created: StorageClient = { id: `wc-${contents.id}`, send: (m) => !contents.isDestroyed() && contents.send(IPC_CHANNELS.storage, m) };
      client = created;
      clients.set(contents, created);
      contents.once('destroyed', () => {
        router.disconnect(created);
        clients.delete(contents);
      });
      // A reload starts new connections; the old ones must not hold storage instances open.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) router.disconnect(created);
      });
    }
    return client;
  };

  ipcMain.on(IPC_CHANNELS.storage, (event, message: unknown) => {
    if (!isAppUrl(event.senderFrame?.url)) return;
    router.receive(clientFor(event.sender), message);
  });
  ipcMain.handle(IPC_CHANNELS.api, (event, name: unknown, args: unknown) => {
    if (!isAppUrl(event.senderFrame?.url)) return { ok: false, error: 'request from a page that is not Sphere' };
    return dispatchAppRequest(handlers, name, args);
  });
  store.onReplaced(() => {
    for (const contents of clients.keys()) if (!contents.isDestroyed()) contents.send(IPC_CHANNELS.event, 'store.replaced', { file: store.file });
  });
  sync.onStatus((status) => {
    for (const contents of clients.keys()) if (!contents.isDestroyed()) contents.send(IPC_CHANNELS.event, 'sync.status', status);
  });

  Menu.setApplicationMenu(buildMenu((id) => {
    // The focused window; a click on macOS's menu bar can come while none is, then the app's only window.
    const contents = (BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0])?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(IPC_CHANNELS.event, 'command.run', { id });
  }));
  const open = () => void createMainWindow(preloadFile).loadURL(`${APP_ORIGIN}/index.html`);
  open();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && open());
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('before-quit', () => store.close());
}).catch((err: unknown) => {
  console.error(err);
  app.exit(1);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
