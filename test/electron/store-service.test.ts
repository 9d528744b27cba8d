// Process: test (Node). The user's store file: an unreadable one is set aside, never lost; backups restore.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreService } from '../../electron/store/store-service.ts';
import { createInstance, insertRow, personSchema, tempDir, type Person } from './storage-fixtures.ts';

const person = (id: string): Person => ({ id, name: id, age: 1, tags: [], ring: 'know', active: true });

async function writePeople(store: StoreService, ids: string[]): Promise<void> {
  const instance = await createInstance<Person>(store.current.raw, personSchema, 'people', 'sphere');
  await instance.bulkWrite(ids.map((id) => insertRow(person(id))), 'test');
  await instance.close();
}

async function readPeople(store: StoreService): Promise<string[]> {
  const instance = await createInstance<Person>(store.current.raw, personSchema, 'people', 'sphere');
  const { documents } = await instance.getChangedDocumentsSince!(100);
  await instance.close();
  return documents.map((d) => d.id).sort();
}

describe('store service', () => {
  it('sets an unreadable store aside under a new name, byte for byte, and starts fresh', async () => {
    const dataDir = tempDir('unreadable');
    const garbage = Buffer.from('SQLite format 3\0'.padEnd(4096, '\u0001'));
    fs.writeFileSync(path.join(dataDir, 'sphere.db'), garbage);
    const store = new StoreService(dataDir);
    const { problem } = store.status();
    expect(problem?.reason).toMatch(/sphere\.db/);
    expect(problem?.setAsideAs).toMatch(/^sphere\.db\.unreadable-/);
    expect(fs.readFileSync(path.join(dataDir, problem!.setAsideAs)).equals(garbage)).toBe(true);
    // The fresh store works.
    await writePeople(store, ['new']);
    expect(await readPeople(store)).toEqual(['new']);
    expect(store.dismissProblem().problem).toBeNull();
    store.close();
  });

  it('backs up while open and restores a backup, keeping the replaced file', async () => {
    const dataDir = tempDir('backup');
    const store = new StoreService(dataDir);
    await writePeople(store, ['a', 'b']);
    const backup = await store.backupNow();
    expect(store.listBackups().map((b) => b.name)).toContain(backup.name);
    await writePeople(store, ['c']);
    expect(await readPeople(store)).toEqual(['a', 'b', 'c']);

    let replaced = 0;
    store.onReplaced(() => replaced++);
    await store.restoreBackup(backup.name);
    expect(replaced).toBe(1);
    expect(await readPeople(store)).toEqual(['a', 'b']);
    expect(fs.readdirSync(dataDir).some((name) => name.startsWith('sphere.db.before-restore-'))).toBe(true);
    store.close();
  });

  it('refuses a damaged backup and keeps the current store', async () => {
    const dataDir = tempDir('badbackup');
    const store = new StoreService(dataDir);
    await writePeople(store, ['keep']);
    fs.writeFileSync(path.join(store.backupDir, 'sphere-2026-01-01T00-00-00.000Z.db'), 'not sqlite at all');
    await expect(store.restoreBackup('sphere-2026-01-01T00-00-00.000Z.db')).rejects.toThrow(/cannot be used/);
    expect(await readPeople(store)).toEqual(['keep']);
    store.close();
  });

  it('refuses a sound SQLite file that holds no Sphere data, and keeps the current store', async () => {
    const dataDir = tempDir('foreignbackup');
    const store = new StoreService(dataDir);
    await writePeople(store, ['keep']);
    const name = 'sphere-2026-01-02T00-00-00.000Z.db';
    const foreign = new Database(path.join(store.backupDir, name));
    foreign.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (\'hello\')');
    foreign.close();
    await expect(store.restoreBackup(name)).rejects.toThrow(/not a Sphere store/);
    expect(await readPeople(store)).toEqual(['keep']);
    store.close();
  });

  it('makes one backup a day at launch, not more', async () => {
    const dataDir = tempDir('daily');
    const store = new StoreService(dataDir);
    await writePeople(store, ['a']);
    expect(await store.backupIfDue()).not.toBeNull();
    expect(await store.backupIfDue()).toBeNull();
    expect(await store.backupIfDue(Date.now() + 25 * 3600_000)).not.toBeNull();
    store.close();
  });
});
