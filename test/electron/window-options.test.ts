// Process: test (Node). The window's secure defaults: no Node, isolation, no spellcheck download, no DevTools when packaged.
import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../electron/window-options.ts';

describe('the main window options', () => {
  it('keep the page sandboxed and isolated, with spellcheck off', () => {
    const prefs = mainWindowOptions('/app/preload.cjs', { devTools: true }).webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false, preload: '/app/preload.cjs' });
  });

  it('have no DevTools in a packaged build', () => {
    expect(mainWindowOptions('/app/preload.cjs', { devTools: false }).webPreferences!.devTools).toBe(false);
    expect(mainWindowOptions('/app/preload.cjs', { devTools: true }).webPreferences!.devTools).toBe(true);
  });
});
