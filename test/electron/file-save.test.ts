// Process: test (Node). The app API's file.save, as Electron's save dialog receives it: a page may name a file,
// never a path or another kind of file, and the bytes arrive as sent.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchAppRequest } from '../../shared/app-api.ts';
import { createAppApiHandlers } from '../../electron/app-api-handlers.ts';
import { StoreService } from '../../electron/store/store-service.ts';
import { syncFor } from '../../electron/sync/sync-for-store.ts';
import { tempDir } from './storage-fixtures.ts';

describe('file.save', () => {
  it('saves text and pictures where the dialog says, and refuses paths and other kinds of file', async () => {
    const folder = tempDir('file-save');
    const store = new StoreService(tempDir('file-save-store'));
    // The dialog's answer: the chosen folder, with the name the page suggested.
    const handlers = createAppApiHandlers(store, { version: 'test', host: 'electron' }, syncFor(store), async (name, bytes) => {
      const file = path.join(folder, name);
      fs.writeFileSync(file, bytes);
      return file;
    });
    const text = await dispatchAppRequest(handlers, 'file.save', { name: 'sphere-graph.gexf', text: '<gexf>é</gexf>' });
    expect(text).toEqual({ ok: true, result: { file: path.join(folder, 'sphere-graph.gexf') } });
    expect(fs.readFileSync(path.join(folder, 'sphere-graph.gexf'), 'utf8')).toBe('<gexf>é</gexf>');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    expect((await dispatchAppRequest(handlers, 'file.save', { name: 'view.png', base64: png.toString('base64') })).ok).toBe(true);
    expect(fs.readFileSync(path.join(folder, 'view.png')).equals(png)).toBe(true);

    for (const name of ['../outside.csv', '/etc/passwd.csv', 'C:\\x.csv', 'run.exe', 'sphere.csv\u0000.exe', '']) {
      const refused = await dispatchAppRequest(handlers, 'file.save', { name, text: 'x' });
      expect(refused.ok, name).toBe(false);
    }
    expect((await dispatchAppRequest(handlers, 'file.save', { name: 'a.csv', text: 'x', base64: 'eA==' })).ok).toBe(false);
    expect(fs.readdirSync(folder).sort()).toEqual(['sphere-graph.gexf', 'view.png']);
    // The browser host has no dialog: its page downloads instead, and a request says so.
    const browser = createAppApiHandlers(store, { version: 'test', host: 'browser' }, syncFor(store));
    expect(await dispatchAppRequest(browser, 'file.save', { name: 'a.csv', text: 'x' })).toEqual({ ok: false, error: expect.stringMatching(/no save dialog/) });
    store.close();
  });
});
