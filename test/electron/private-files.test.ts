// Process: test (Node). Only the user can read the store: folders 0700, files 0600, those from older versions too.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreService } from '../../electron/store/store-service.ts';
import { tempDir } from './storage-fixtures.ts';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('a store private to its user', () => {
  it('makes an existing readable data folder and its files private, and keeps new files private', async () => {
    const dataDir = tempDir('private');
    const first = new StoreService(dataDir);
    await first.ready();
    await first.commands.run({ type: 'contact.add', contact: { name: 'Ann', category: 'business', ring: 'know', emails: [], phones: [] } });
    await first.backupNow();
    first.close();
    // As earlier versions left them: readable by every user of the machine.
    const everyone = (dir: string) => {
      fs.chmodSync(dir, 0o755);
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const at = path.join(dir, entry.name);
        if (entry.isDirectory()) everyone(at);
        else fs.chmodSync(at, 0o644);
      }
    };
    everyone(dataDir);

    const store = new StoreService(dataDir);
    await store.ready();
    await store.commands.run({ type: 'contact.add', contact: { name: 'Bo', category: 'business', ring: 'know', emails: [], phones: [] } });
    const backup = await store.backupNow();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(store.backupDir)).toBe(0o700);
    expect(mode(store.file)).toBe(0o600);
    expect(mode(`${store.file}-wal`)).toBe(0o600);
    expect(mode(path.join(store.backupDir, backup.name))).toBe(0o600);
    for (const old of store.listBackups()) expect(mode(path.join(store.backupDir, old.name))).toBe(0o600);
    store.close();
  });
});
