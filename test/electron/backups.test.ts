// Process: test (Node). Backups on real store files: what each holds is shown before a restore, a backup that is
// not whole or not a sphere is never restored, and the newest good backup survives any run of backups.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreService } from '../../electron/store/store-service.ts';
import { startHostCore, type HostCore } from '../../electron/core/host-core.ts';
import type { Backup } from '../../shared/app-api.ts';
import { DATABASE_NAME, COLLECTIONS } from '../../shared/schemas/index.ts';
import { tempDir } from './storage-fixtures.ts';

const stores: StoreService[] = [];
const cores: HostCore[] = [];
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  cores.splice(0).forEach((c) => c.close());
});

function open(dataDir = tempDir('backups')): StoreService {
  const store = new StoreService(dataDir);
  stores.push(store);
  return store;
}

const live = (store: StoreService, collection: keyof typeof COLLECTIONS) =>
  store.current.raw.liveDocuments(DATABASE_NAME, collection, COLLECTIONS[collection].schema.version) as { id: string }[];

/** What the store holds now, counted the way a user would: people, ties, touches, deals still there. */
const countsOf = (store: StoreService) => ({
  contacts: live(store, 'contacts').length, ties: live(store, 'ties').length, touches: live(store, 'touches').length, deals: live(store, 'deals').length,
});

async function withSample(store: StoreService, size = 40): Promise<void> {
  await store.ready();
  await store.commands.run({ type: 'sample.load', size });
}

async function emptied(store: StoreService): Promise<void> {
  for (const { id } of live(store, 'contacts')) await store.commands.run({ type: 'contact.delete', contactId: id });
  expect(live(store, 'contacts')).toHaveLength(0);
}

describe('backups', () => {
  it('lists each backup with the contacts, ties, touches and deals it holds', async () => {
    const store = open();
    await withSample(store);
    const before = countsOf(store);
    // The sample holds some of each, or the counts would prove nothing.
    expect(Math.min(before.contacts, before.ties, before.touches, before.deals)).toBeGreaterThan(0);
    const made = await store.backupNow();
    expect(made.counts).toEqual(before);
    await emptied(store);
    const later = await store.backupNow();
    expect(later.counts?.contacts).toBe(0);
    // Newest first, each with its own counts: the old backup still says what it holds.
    expect(store.listBackups().map((b) => [b.name, b.counts?.contacts])).toEqual([[later.name, 0], [made.name, before.contacts]]);
  });

  it('never prunes the newest backup that still holds the sphere, however many backups follow an emptied store', async () => {
    const store = open();
    await withSample(store, 20);
    const good = await store.backupNow();
    await emptied(store);
    for (let i = 0; i < 14; i++) await store.backupNow();
    const names = store.listBackups().map((b) => b.name);
    expect(names).toContain(good.name);
    // The rotation still holds for everything else: ten recent ones and the good one.
    expect(names).toHaveLength(11);
    // And it restores the people.
    await store.restoreBackup(good.name);
    expect(live(store, 'contacts')).toHaveLength(20);
  });

  it('keeps only the newest good backup past the rotation, not every good one', async () => {
    const store = open();
    await withSample(store, 10);
    const older = await store.backupNow();
    const newer = await store.backupNow();
    await emptied(store);
    for (let i = 0; i < 10; i++) await store.backupNow();
    const names = store.listBackups().map((b) => b.name);
    expect(names).toContain(newer.name);
    expect(names).not.toContain(older.name);
  });

  it('refuses to restore a zero-byte backup or one cut short, and the store keeps its people', async () => {
    const store = open();
    await withSample(store, 15);
    const whole = await store.backupNow();
    const empty = 'sphere-2026-01-03T00-00-00.000Z.db';
    fs.writeFileSync(path.join(store.backupDir, empty), '');
    const cut = 'sphere-2026-01-04T00-00-00.000Z.db';
    const bytes = fs.readFileSync(path.join(store.backupDir, whole.name));
    fs.writeFileSync(path.join(store.backupDir, cut), bytes.subarray(0, Math.floor(bytes.length / 2)));
    // Listed so the user sees them, but with nothing to offer.
    const listed = new Map(store.listBackups().map((b) => [b.name, b]));
    expect(listed.get(empty)?.counts).toBeNull();
    await expect(store.restoreBackup(empty)).rejects.toThrow(/cannot be used/);
    await expect(store.restoreBackup(cut)).rejects.toThrow(/cannot be used/);
    expect(live(store, 'contacts')).toHaveLength(15);
  });

  it('refuses a Sphere-marked file that holds none of Sphere\'s tables', async () => {
    const store = open();
    await withSample(store, 5);
    const name = 'sphere-2026-01-05T00-00-00.000Z.db';
    const db = new Database(path.join(store.backupDir, name));
    db.pragma('user_version = 3');
    db.exec('CREATE TABLE other (x TEXT)');
    db.close();
    await expect(store.restoreBackup(name)).rejects.toThrow(/none of Sphere's tables/);
    expect(live(store, 'contacts')).toHaveLength(5);
  });

  it('never lists what an interrupted backup left, and clears it at the next launch', async () => {
    const dataDir = tempDir('partial');
    const store = open(dataDir);
    await withSample(store, 5);
    const left = path.join(store.backupDir, 'sphere-2026-01-06T00-00-00.000Z.db.partial');
    fs.writeFileSync(left, 'half a copy');
    expect(store.listBackups()).toEqual([]);
    store.close();
    const again = open(dataDir);
    await again.ready();
    expect(fs.existsSync(left)).toBe(false);
  });

  it('leaves a window that empties the sphere over the app API, then asks for backup after backup, the good one', async () => {
    const core = await startHostCore({ dataDir: tempDir('channel'), version: '0.0.0', host: 'browser' });
    cores.push(core);
    const window = core.connect({ id: 'w', sendStorage: () => {}, sendEvent: () => {} });
    const call = async (name: string, args?: unknown) => {
      const outcome = await window.callApi(name, args);
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.result;
    };
    await call('command.run', { type: 'sample.load', size: 12 });
    const good = (await call('store.backupNow')) as Backup;
    for (const { id } of live(core.store, 'contacts')) await call('command.run', { type: 'contact.delete', contactId: id });
    for (let i = 0; i < 15; i++) await call('store.backupNow');
    const listed = (await call('store.listBackups')) as Backup[];
    expect(listed.find((b) => b.name === good.name)?.counts?.contacts).toBe(12);
  });

  it('lists no backups, rather than failing, when the backup folder is not there', async () => {
    const store = open();
    await store.ready();
    fs.rmSync(store.backupDir, { recursive: true });
    expect(store.listBackups()).toEqual([]);
  });
});
