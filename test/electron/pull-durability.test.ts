// Process: test (Node). Pulled batches commit without an fsync of their own (the checkpoint's covers them), and
// nothing else ever does: the store's connection is back at synchronous = FULL after every pull write, even one
// that failed, so a user's own edits stay durable the moment they are acknowledged.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { isPullWrite, withoutFsync } from '../../electron/sync/pull-durability.ts';
import { createRxSchema, defaultHashSha256, type RxDocumentData, type RxJsonSchema } from 'rxdb';
import { tableNameFor, tablePrefixFor } from '../../electron/store/sqlite-keys.ts';
import type { StoreService } from '../../electron/store/store-service.ts';
import type { RxStorageInstanceSqlite } from '../../electron/store/sqlite-instance.ts';
import { COLLECTIONS, DATABASE_NAME } from '../../shared/schemas/index.ts';
import { addContact, SyncRig, tempDir } from '../support/sync-devices.ts';

const rig = new SyncRig();
afterEach(() => rig.cleanup());

const FULL = 2;
const NORMAL = 1;

describe('one fsync per pulled batch', () => {
  it('relaxes only the pull\'s own writes, and puts FULL back even when the write throws', () => {
    const db = new Database(path.join(tempDir('durability'), 'x.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (v TEXT)');
    const seen: number[] = [];
    withoutFsync(db, () => db.transaction(() => {
      seen.push(db.pragma('synchronous', { simple: true }) as number);
      db.prepare('INSERT INTO t VALUES (?)').run('pulled');
    }).immediate());
    expect(() => withoutFsync(db, () => {
      throw new Error('refused');
    })).toThrow('refused');
    // Inside someone else's transaction it changes nothing: the outer commit is theirs to make.
    db.transaction(() => withoutFsync(db, () => seen.push(db.pragma('synchronous', { simple: true }) as number)))();
    expect(seen).toEqual([NORMAL, FULL]);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(['replication-downstream-abc', 'replication-down-write-meta', 'replication-set-checkpoint', 'replication-up-write-conflict'].map(isPullWrite)).toEqual([true, true, false, false]);
    db.close();
  });

  it('leaves the store at FULL after a real first pull, with every document and the checkpoint on disk', async () => {
    const server = await rig.startServer();
    await rig.team(server.db, ['ann@harbor.test', 'bo@harbor.test']);
    const ann = await rig.device('ann', server.base, 'ann@harbor.test');
    for (let i = 0; i < 30; i++) await addContact(ann, `Person ${i}`);
    await ann.sync.inSync();
    const dataDir = tempDir('bo');
    const bo = await rig.device('bo', server.base, 'bo@harbor.test', { dataDir });
    await expect.poll(() => bo.contacts().length, { timeout: 15_000 }).toBe(30);
    await bo.sync.inSync();
    const db = await connectionOf(bo.store);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    // A second connection (as after a restart) finds the documents and a checkpoint past them.
    const file = fs.readdirSync(dataDir).find((f) => f.endsWith('.db'))!;
    const other = new Database(path.join(dataDir, file), { readonly: true });
    const contacts = tableNameFor('contacts', COLLECTIONS.contacts.schema.version);
    expect(other.prepare(`SELECT count(*) FROM "${contacts}" WHERE deleted = 0`).pluck().get()).toBe(30);
    const meta = (other.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]).find((t) => t.startsWith(tablePrefixFor('sync-meta-contacts')))!;
    expect(other.prepare(`SELECT count(*) FROM "${meta}" WHERE data LIKE '%"isCheckpoint":"1"%'`).pluck().get()).toBeGreaterThan(0);
    other.close();
  });
});

/** The store's own connection: storage instances of one file share it, so any instance's is the one commands use. */
async function connectionOf(store: StoreService): Promise<Database.Database> {
  const schema = createRxSchema(COLLECTIONS.contacts.schema as RxJsonSchema<unknown>, defaultHashSha256, false).jsonSchema as RxJsonSchema<RxDocumentData<unknown>>;
  const instance = (await store.current.raw.createStorageInstance({
    databaseName: DATABASE_NAME, collectionName: 'contacts', schema, options: {}, multiInstance: false, devMode: false, databaseInstanceToken: 'durability-test',
  })) as RxStorageInstanceSqlite<unknown>;
  return instance.internals.db;
}
