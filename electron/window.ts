// Process: Electron main. The one window factory: every window gets the same secure defaults and guards.
import { BrowserWindow, dialog, shell } from 'electron';
import { externalLink, linkConfirmation } from './external-links.ts';
import { isAppUrl } from './navigation-policy.ts';
import { mainWindowOptions } from './window-options.ts';

export function createMainWindow(preloadFile: string, options: { devTools: boolean }): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadFile, options));
  guardNavigation(win);
  win.once('ready-to-show', () => win.show());
  return win;
}

/**
 * The page may never leave the app and nothing opens a new window. An https, mailto: or tel: link goes to the
 * operating system only after the user has confirmed a dialog that names where it goes.
 */
function guardNavigation(win: BrowserWindow): void {
  win.webContents.setWindowOpenHandler(({ url }) => {
    offerExternal(win, url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    offerExternal(win, url);
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
}

function offerExternal(win: BrowserWindow, url: string): void {
  const link = externalLink(url);
  if (!link) return;
  const { message, detail, buttons, defaultId, cancelId } = linkConfirmation(link);
  void dialog.showMessageBox(win, { type: 'question', message, detail, buttons, defaultId, cancelId, noLink: true }).then(({ response }) => {
    if (response === 1) return shell.openExternal(link.url);
  }).catch((err: unknown) => console.error(err));
}
