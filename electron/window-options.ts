// Process: Electron main. The window's secure defaults as data (Electron is imported for types only), so unit tests
// can hold them without a window.
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';

export function mainWindowOptions(preloadFile: string, options: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
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
      // Off: Chromium would download its dictionaries from Google, which the request filter cancels, and names
      // in a contact list would be underlined as misspellings anyway.
      spellcheck: false,
      // Packaged builds have no DevTools: they would let anyone at the keyboard read and write the store directly.
      devTools: options.devTools,
    },
  };
}
