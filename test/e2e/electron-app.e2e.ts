// Process: test (Node, drives Electron). The desktop app itself; runs only where Electron's binary exists.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
import { electronBinary } from '../../scripts/electron-binary.ts';

const root = path.resolve(import.meta.dirname, '../..');
const binary = electronBinary();
const missing = 'missing' in binary ? binary.missing : null;
if (missing) console.log(`Electron app tests skipped: Electron's binary is not on this machine (${missing}). The same renderer is tested in Chromium through the browser host.`);

describe.skipIf(missing !== null)('the Electron app', () => {
  it('opens a secure window whose page has no Node and keeps a contact across restarts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-electron-'));
    const launch = () => electron.launch({ executablePath: (binary as { path: string }).path, args: [root], env: { ...process.env, SPHERE_DATA_DIR: dataDir } });
    let app = await launch();
    let page = await app.firstWindow();
    // No Node in the page, and the bridge is the context-isolated copy (frozen), not a live object.
    const page_ = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridgeFrozen: Object.isFrozen((globalThis as unknown as { sphereBridge: object }).sphereBridge),
    }));
    expect(page_).toEqual({ require: 'undefined', process: 'undefined', bridgeFrozen: true });

    await page.getByTestId('add-contact').click();
    await page.getByTestId('contact-name').fill('Grace Hopper');
    await page.getByTestId('contact-category').selectOption('business');
    await page.getByTestId('contact-ring').selectOption('trust');
    await page.getByTestId('contact-save').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __sphere: { nodeCount(): number } }).__sphere.nodeCount())).toBe(1);
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __sphere?: { nodeCount(): number } }).__sphere?.nodeCount())).toBe(1);
    await app.close();
  });

  it('runs a command clicked in the application menu in the window, as its key would', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-electron-menu-'));
    const app = await electron.launch({ executablePath: (binary as { path: string }).path, args: [root], env: { ...process.env, SPHERE_DATA_DIR: dataDir } });
    try {
      const page = await app.firstWindow();
      await page.waitForFunction(() => (window as unknown as { __sphere?: object }).__sphere !== undefined);
      const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((m) => m.label));
      expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'Contact', 'View']));
      await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('view.today')?.click());
      await page.getByTestId('today-panel').waitFor();
      // A command about a contact, with nobody selected, says why instead of doing nothing.
      await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('touch.log')?.click());
      await page.getByTestId('toast').filter({ hasText: /^Select a contact first/ }).waitFor();
    } finally {
      await app.close();
    }
  });

  it('keeps the window on the app, asks before a link leaves it, and refuses permissions', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-electron-guards-'));
    const app = await electron.launch({ executablePath: (binary as { path: string }).path, args: [root], env: { ...process.env, SPHERE_DATA_DIR: dataDir } });
    try {
      const page = await app.firstWindow();
      await page.waitForFunction(() => (window as unknown as { __sphere?: object }).__sphere !== undefined);
      type Recorder = { navigations: { url: string; refused: boolean }[]; questions: string[]; opened: string[] };
      // Listeners added after the window's own guard see whether it refused; the native dialog cannot be clicked
      // from Playwright, so it is answered "Cancel" here and what it asked is kept.
      await app.evaluate(({ BrowserWindow, dialog, shell }) => {
        const record: Recorder = { navigations: [], questions: [], opened: [] };
        (globalThis as unknown as { sphereGuards: Recorder }).sphereGuards = record;
        BrowserWindow.getAllWindows()[0]!.webContents.on('will-navigate', (event, url) => record.navigations.push({ url, refused: event.defaultPrevented }));
        dialog.showMessageBox = (async (_win: unknown, options: { message: string }) => {
          record.questions.push(options.message);
          return { response: 0, checkboxChecked: false };
        }) as typeof dialog.showMessageBox;
        shell.openExternal = async (url: string) => void record.opened.push(url);
      });
      const guards = () => app.evaluate(() => (globalThis as unknown as { sphereGuards: Recorder }).sphereGuards);

      await page.evaluate(() => { location.href = 'app://sphere.evil/index.html'; });
      await expect.poll(async () => (await guards()).navigations).toEqual([{ url: 'app://sphere.evil/index.html', refused: true }]);
      expect(page.url()).toMatch(/^app:\/\/sphere\/index\.html/);

      await page.evaluate(() => void window.open('https://example.com/welcome', '_blank'));
      await expect.poll(async () => (await guards()).questions).toEqual(['Open example.com in your browser?']);
      expect((await guards()).opened).toEqual([]);
      expect(app.windows()).toHaveLength(1);

      // A permission check (not only a request) is answered "no".
      expect(await page.evaluate(() => navigator.permissions.query({ name: 'notifications' }).then((s) => s.state))).toBe('denied');
    } finally {
      await app.close();
    }
  });
});
