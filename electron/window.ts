// Process: Electron main. The one window factory: every window gets the same secure defaults and guards.
import path from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { APP_ORIGIN } from './app-protocol.ts';

export function createMainWindow(preloadFile: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 880,
    minHeight: 600,
    title: 'Sphere',
    show: false,
    backgroundColor: '#f6f4ef',
    webPreferences: {
      preload: path.resolve(preloadFile),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  guardNavigation(win);
  win.once('ready-to-show', () => win.show());
  return win;
}

/** The page may never leave the app: links to the web open in the user's browser, nothing opens a new window. */
function guardNavigation(win: BrowserWindow): void {
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
}
