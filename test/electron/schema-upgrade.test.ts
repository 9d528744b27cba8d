// Process: test (Node). A store written by an older version is upgraded by the host before any window is served:
// every document moves, a backup is made first, and a failure or a crash leaves the store file exactly as it was.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createRxDatabase, type RxStorage } from 'rxdb';
import { StoreService } from '../../electron/store/store-service.ts';
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import { BackupNameSchema } from '../../shared/app-api.ts';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { COLLECTIONS, type SettingsDoc } from '../../shared/schemas/index.ts';
import { COLLECTIONS_V0, SETTINGS_V0 } from '../fixtures/schemas-v0.ts';
import { contactSchemaV1, contactToV1 } from '../fixtures/next-versions.ts';
import { writeV0Store } from '../fixtures/write-v0-store.ts';
import { tempDir } from './storage-fixtures.ts';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Opens the store the way a window does: RxDB over the storage the host exposes, with `collections`. */
async function openAsWindow(storage: RxStorage<unknown, unknown>, collections: object = COLLECTIONS) {
  const db = await createRxDatabase({ name: 'sphere', storage, multiInstance: false, closeDuplicates: true });
  await db.addCollections(collections as never);
  return db;
}

function tablesOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'docs%'").pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}

/** What version 0 sees in the file: the old build opening it again. */
async function countWithV0(dataDir: string): Promise<{ contacts: number; settings: unknown }> {
  const storage = getRxStorageSqlite({ directory: dataDir });
  const db = await openAsWindow(storage, COLLECTIONS_V0);
  try {
    const settings = (await db.settings!.findOne('settings').exec())?.toJSON();
    return { contacts: await db.contacts!.count().exec(), settings };
  } finally {
    await db.close();
    storage.closeAll();
  }
}

const withContactsV1 = (strategies = contactToV1) => ({ ...COLLECTIONS, contacts: { schema: contactSchemaV1, migrationStrategies: strategies } });

describe('schema upgrade at launch', () => {
  it('moves a version 0 store to this build (settings gain baseCurrency), after a backup, before serving anyone', async () => {
    const dataDir = tempDir('upgrade');
    const sphere = generateSphere({ seed: 5, contacts: 300 });
    await writeV0Store(dataDir, sphere);
    const lines: string[] = [];
    const store = new StoreService(dataDir, { log: (line) => lines.push(line) });
    // The daily backup at launch does not hold the host up behind the upgrade (the upgrade's backup is the day's).
    expect(await store.backupIfDue()).toBeNull();
    expect(store.status().upgrade).toMatchObject({ state: 'running' });
    // Nothing is painted from a store that is about to be replaced.
    expect(await store.openingPicture()).toBeNull();
    await store.ready();
    expect((await store.openingPicture())?.size).toHaveLength(300);
    expect(store.status().upgrade).toBeNull();
    expect(store.refusal()).toBeNull();
    // Whatever else this build moves on (other collections may be past version 0 too), settings are among them.
    expect(lines.join('\n')).toMatch(/schema upgrade: .*settings 0 -> 2/);
    expect(lines.join('\n')).toMatch(/schema upgrade: (\d+) of \1 documents\nschema upgrade: done/);

    const backups = store.listBackups().map((b) => b.name);
    const before = backups.find((name) => name.endsWith('-before-upgrade.db'));
    expect(before).toBeDefined();
    expect(BackupNameSchema.safeParse(before).success).toBe(true);
    // The backup is the old store: version 0 still opens it.
    expect(tablesOf(path.join(store.backupDir, before!))).toContain('docs__settings__v0');
    expect(tablesOf(store.file)).toContain('docs__settings__v2');
    expect(tablesOf(store.file)).not.toContain('docs__settings__v0');

    const db = await openAsWindow(store.current.storage);
    expect(await db.contacts!.count().exec()).toBe(300);
    expect(await db.touches!.count().exec()).toBe(sphere.touches.length);
    const settings = (await db.settings!.findOne('settings').exec())!.toJSON() as SettingsDoc;
    expect(settings).toMatchObject({ ...SETTINGS_V0, baseCurrency: 'USD' });
    // Contacts v1 and ties v1 keep nothing derived: the stored stage and referral value of version 0 are gone.
    expect(lines.join('\n')).toMatch(/schema upgrade: .*contacts 0 -> 2/);
    const contacts = (await db.contacts!.find().exec()).map((d) => d.toJSON() as Record<string, unknown>);
    expect(contacts.filter((c) => 'stage' in c)).toEqual([]);
    const ties = (await db.ties!.find().exec()).map((d) => d.toJSON() as Record<string, unknown>);
    expect(ties.filter((t) => 'value' in t || 'currency' in t)).toEqual([]);
    // The app works on it: writes under today's schemas are taken, and validated.
    await db.contacts!.insert({ ...sphere.contacts[0]!, id: 'after-upgrade', name: 'New Person' });
    await expect(db.settings!.upsert({ ...settings, baseCurrency: 'dollars' })).rejects.toThrow();
    expect(await db.contacts!.count().exec()).toBe(301);
    await db.close();
    store.close();

    // The next launch has nothing to do and makes no second backup.
    const again = new StoreService(dataDir);
    await again.ready();
    expect(again.status().upgrade).toBeNull();
    expect(again.listBackups().filter((b) => b.name.endsWith('-before-upgrade.db'))).toHaveLength(1);
    again.close();
  });

  it('leaves the store file exactly as it was when a migration step throws, says why, and a fixed build then upgrades', async () => {
    const dataDir = tempDir('upgrade-throws');
    const sphere = generateSphere({ seed: 6, contacts: 200 });
    await writeV0Store(dataDir, sphere);
    const file = path.join(dataDir, 'sphere.db');
    const hash = sha256(file);
    const broken = sphere.contacts[150]!;
    const store = new StoreService(dataDir, {
      collections: withContactsV1({
        1: (doc: Record<string, unknown>) => {
          if (doc.id === broken.id) throw new Error(`cannot read the organisation of ${String(doc.name)}`);
          return contactToV1[1]!(doc, undefined as never);
        },
      }),
    });
    await store.ready();
    const { upgrade } = store.status();
    expect(upgrade).toMatchObject({ state: 'failed' });
    expect(upgrade?.state === 'failed' && upgrade.reason).toContain(`contacts: cannot read the organisation of ${broken.name}`);
    expect(upgrade?.state === 'failed' && upgrade.backup).toMatch(/-before-upgrade\.db$/);
    expect(store.refusal()).toMatch(/^Your sphere could not be upgraded to this version: contacts: cannot read/);
    // No window gets the store: not even the collections that were fine.
    await expect(openAsWindow(store.current.storage)).rejects.toThrow(/could not be upgraded/);
    expect(await store.openingPicture()).toBeNull();
    store.close();

    expect(sha256(file)).toBe(hash);
    expect(fs.existsSync(`${file}.upgrading`)).toBe(false);
    expect(await countWithV0(dataDir)).toMatchObject({ contacts: 200, settings: SETTINGS_V0 });

    const fixed = new StoreService(dataDir, { collections: withContactsV1() });
    await fixed.ready();
    expect(fixed.status().upgrade).toBeNull();
    const db = await openAsWindow(fixed.current.storage, withContactsV1());
    expect(await db.contacts!.count().exec()).toBe(200);
    const migrated = (await db.contacts!.findOne(broken.id).exec())!.toJSON() as { organisations: string[] };
    expect(migrated.organisations).toEqual(broken.organisation ? [broken.organisation] : []);
    await db.close();
    fixed.close();
  });

  it('refuses a migrated document that does not fit the new schema, and changes nothing', async () => {
    const dataDir = tempDir('upgrade-invalid');
    await writeV0Store(dataDir, generateSphere({ seed: 7, contacts: 20 }));
    const file = path.join(dataDir, 'sphere.db');
    const hash = sha256(file);
    const store = new StoreService(dataDir, {
      collections: { ...COLLECTIONS, settings: { ...COLLECTIONS.settings, migrationStrategies: { ...COLLECTIONS.settings.migrationStrategies, 1: (doc: object) => ({ ...doc, baseCurrency: 'dollars' }) } } },
    });
    await store.ready();
    const { upgrade } = store.status();
    expect(upgrade?.state).toBe('failed');
    expect(upgrade?.state === 'failed' && upgrade.reason).toBe('settings: baseCurrency must NOT have more than 3 characters');
    store.close();
    expect(sha256(file)).toBe(hash);
    expect(await countWithV0(dataDir)).toMatchObject({ contacts: 20, settings: SETTINGS_V0 });
  });

  it('refuses a store written by a newer version rather than showing it empty', async () => {
    const dataDir = tempDir('upgrade-newer');
    await writeV0Store(dataDir, generateSphere({ seed: 8, contacts: 10 }));
    // This "build" is older than the store: its settings are still at version 0, the store's at 2.
    const newer = new StoreService(dataDir);
    await newer.ready();
    newer.close();
    const hash = sha256(path.join(dataDir, 'sphere.db'));
    const older = new StoreService(dataDir, { collections: { ...COLLECTIONS, settings: COLLECTIONS_V0.settings } });
    await older.ready();
    expect(older.refusal()).toMatch(/newer version of Sphere \(settings at schema version 2; this version reads up to 0\)/);
    older.close();
    expect(sha256(path.join(dataDir, 'sphere.db'))).toBe(hash);
  });

  it('restores a backup made before an upgrade by upgrading it first', async () => {
    const dataDir = tempDir('upgrade-restore');
    await writeV0Store(dataDir, generateSphere({ seed: 9, contacts: 30 }));
    const store = new StoreService(dataDir);
    await store.ready();
    const before = store.listBackups().find((b) => b.name.endsWith('-before-upgrade.db'))!;
    // The host may hold the app's database open meanwhile (sync does): the upgrade must not collide with it.
    const held = await openAsWindow(store.current.storage);
    await store.restoreBackup(before.name);
    await held.close().catch(() => {});
    expect(store.status().upgrade).toBeNull();
    const db = await openAsWindow(store.current.storage);
    expect(await db.contacts!.count().exec()).toBe(30);
    expect((await db.settings!.findOne('settings').exec())!.toJSON()).toMatchObject({ baseCurrency: 'USD' });
    await db.close();
    store.close();
  });

  it('keeps the current store when a backup to restore cannot be upgraded', async () => {
    const dataDir = tempDir('upgrade-restore-bad');
    await writeV0Store(dataDir, generateSphere({ seed: 14, contacts: 30 }));
    const store = new StoreService(dataDir);
    await store.ready();
    // A backup from an older build whose settings this version's schema refuses (a cadence of 0 days).
    const elsewhere = tempDir('upgrade-restore-bad-source');
    await writeV0Store(elsewhere, generateSphere({ seed: 15, contacts: 5 }), { ...SETTINGS_V0, cadence: { ...SETTINGS_V0.cadence, trust: 0 } });
    const name = 'sphere-2026-01-01T00-00-00.000Z.db';
    fs.copyFileSync(path.join(elsewhere, 'sphere.db'), path.join(store.backupDir, name));

    await expect(store.restoreBackup(name)).rejects.toThrow(`backup ${name} cannot be upgraded to this version: settings: cadence.trust must be >= 1`);
    expect(store.status().upgrade).toBeNull();
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('before-restore') || f.includes('upgrading'))).toEqual([]);
    const db = await openAsWindow(store.current.storage);
    expect(await db.contacts!.count().exec()).toBe(30);
    await db.close();
    store.close();
  });

  it('leaves the store file exactly as it was when the host is killed mid-migration, and the next launch upgrades', async () => {
    const dataDir = tempDir('upgrade-kill');
    const sphere = generateSphere({ seed: 10, contacts: 1500 });
    await writeV0Store(dataDir, sphere);
    const file = path.join(dataDir, 'sphere.db');
    const hash = sha256(file);

    const killedAt = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(import.meta.dirname, 'upgrade-runner.ts'), dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      let killed = '';
      child.stderr.on('data', (d) => (err += d));
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        // Killed once some documents are in the new version, and before all are.
        const match = /schema upgrade: (\d+) of (\d+) documents/.exec(out);
        if (match && !killed && Number(match[1]) > 0 && Number(match[1]) < Number(match[2])) {
          killed = match[0];
          child.kill('SIGKILL');
        }
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(killed) : reject(new Error(`runner was not killed mid-migration: ${out} ${err}`))));
    });
    // Every document of every collection this "build" has past version 0.
    const stored: Record<string, number> = { contacts: 1500, ties: sphere.ties.length, touches: sphere.touches.length, deals: sphere.deals.length, settings: 1 };
    const moving = Object.entries(withContactsV1()).filter(([, spec]) => spec.schema.version > 0).reduce((sum, [name]) => sum + stored[name]!, 0);
    expect(killedAt).toMatch(new RegExp(`of ${moving} documents$`));

    expect(sha256(file)).toBe(hash);
    expect(await countWithV0(dataDir)).toMatchObject({ contacts: 1500 });
    // As if the kill had come while the backup was being written.
    const unfinished = path.join(dataDir, 'backups', 'sphere-2026-01-01T00-00-00.000Z-before-upgrade.db.partial');
    fs.writeFileSync(unfinished, 'half a backup');

    const store = new StoreService(dataDir, { collections: withContactsV1() });
    await store.ready();
    expect(store.status().upgrade).toBeNull();
    expect(fs.existsSync(`${file}.upgrading`)).toBe(false);
    expect(fs.existsSync(unfinished)).toBe(false);
    const db = await openAsWindow(store.current.storage, withContactsV1());
    expect(await db.contacts!.count().exec()).toBe(1500);
    await db.close();
    store.close();
  });
});
