// Process: Electron main. Wiring only: lifecycle, the window, the menu, and the IPC channels to the host core
// (store, storage channel, app API, events), which the browser host runs too.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type WebContents } from 'electron';
import { IPC_CHANNELS } from '../shared/bridge.ts';
import { APP_ORIGIN, isAppUrl, registerAppScheme, serveAppScheme } from './app-protocol.ts';
import { startHostCore, type CoreClient } from './core/host-core.ts';
import { createMainWindow } from './window.ts';
import { buildMenu } from './menu.ts';
import { safeStorageSecrets } from './safe-storage-secrets.ts';
import { lockDownSession } from './session-policy.ts';

// Bundled to dist/electron/main.cjs; the renderer is built beside it.
const distDir = path.resolve(__dirname, '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadFile = path.join(__dirname, 'preload.cjs');

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

// DevTools only while developing: a packaged app's user cannot open them, nor can the request filter let them load.
const devTools = !app.isPackaged;

// Tests and power users may point the app at another data folder.
const dataDir = process.env.SPHERE_DATA_DIR ?? app.getPath('userData');

app.whenReady().then(async () => {
  serveAppScheme(rendererDir);
  lockDownSession(session.defaultSession, { devTools });

  const core = await startHostCore({
    dataDir,
    version: app.getVersion(),
    host: 'electron',
    log: (line) => console.error(line),
    // The sync token, encrypted with the system keychain.
    secrets: safeStorageSecrets(dataDir),
    // Bundled beside main.cjs by scripts/build.ts.
    pictureWorker: path.join(__dirname, 'store', 'opening-picture-worker.cjs'),
    insightsWorker: path.join(__dirname, 'store', 'insights-worker.cjs'),
    // Exports: the name was checked by the app API (a bare name with an export's extension); the folder is the user's pick.
    async saveFile(name, bytes) {
      const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options = { defaultPath: path.join(app.getPath('documents'), name), filters: [{ name: name.slice(name.lastIndexOf('.') + 1).toUpperCase(), extensions: [name.slice(name.lastIndexOf('.') + 1)] }] };
      const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (canceled || !filePath) return null;
      await fs.promises.writeFile(filePath, bytes);
      return filePath;
    },
  });
  const clients = new Map<WebContents, CoreClient>();
  const watched = new WeakSet<WebContents>();

  const clientFor = (contents: WebContents): CoreClient => {
    let client = clients.get(contents);
    if (client) return client;
    client = core.connect({
      id: `wc-${contents.id}`,
      sendStorage: (m) => !contents.isDestroyed() && contents.send(IPC_CHANNELS.storage, m),
      sendEvent: (name, payload) => !contents.isDestroyed() && contents.send(IPC_CHANNELS.event, name, payload),
    });
    clients.set(contents, client);
    if (!watched.has(contents)) {
      watched.add(contents);
      const drop = () => {
        clients.get(contents)?.disconnect();
        clients.delete(contents);
      };
      contents.once('destroyed', drop);
      // A reload starts new connections; the old ones must not hold storage instances open.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) drop();
      });
    }
    return client;
  };

  ipcMain.on(IPC_CHANNELS.storage, (event, message: unknown) => {
    if (!isAppUrl(event.senderFrame?.url)) return;
    clientFor(event.sender).receiveStorage(message);
  });
  ipcMain.handle(IPC_CHANNELS.api, (event, name: unknown, args: unknown) => {
    if (!isAppUrl(event.senderFrame?.url)) return { ok: false, error: 'request from a page that is not Sphere' };
    return clientFor(event.sender).callApi(name, args);
  });

  Menu.setApplicationMenu(buildMenu({ devTools }, (id) => {
    // The focused window; a click on macOS's menu bar can come while none is, then the app's only window.
    const contents = (BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0])?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(IPC_CHANNELS.event, 'command.run', { id });
  }));
  const open = () => void createMainWindow(preloadFile, { devTools }).loadURL(`${APP_ORIGIN}/index.html`);
  open();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && open());
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('before-quit', () => core.close());
}).catch((err: unknown) => {
  console.error(err);
  app.exit(1);
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
