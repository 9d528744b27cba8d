// Process: test (Node). The key columns a table gets: none for a collection read by id only (RxDB's replication
// meta), which still answers by id and by query and refuses changes-since clearly; and tables made before store
// format 4, with keys or with the old cleanup key, keep their layout and keep it right.
import path from 'node:path';
import Database from 'better-sqlite3';
import { getIndexableStringMonad, normalizeMangoQuery, prepareQuery, randomToken, type MangoQuery, type RxDocumentData, type RxJsonSchema, type RxStorageInstance } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { getRxStorageSqlite, type RxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import { encodeIndexKey, indexColumnsFor, keyColumnsOf, tableNameFor } from '../../electron/store/sqlite-keys.ts';
import { createInstance, insertRow, personSchema, tempDir, updateRow, type Person } from './storage-fixtures.ts';

const byIdInstance = (storage: RxStorageSqlite) =>
  storage.createStorageInstance<Person>({ databaseInstanceToken: randomToken(10), databaseName: 'db', collectionName: 'people', schema: personSchema, options: { lookups: 'byId' }, multiInstance: false, devMode: false });

const keyColumns = (directory: string) => {
  const db = new Database(path.join(directory, 'db.db'), { readonly: true });
  const columns = keyColumnsOf(db, tableNameFor('people', 0));
  const indexes = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").pluck().get(tableNameFor('people', 0));
  db.close();
  return { columns, indexes };
};

const people: Person[] = Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, name: `Person ${i}`, age: i, tags: [], ring: 'know', active: i % 2 === 0 }));
const olderThan40 = prepareQuery(personSchema, normalizeMangoQuery(personSchema, { selector: { age: { $gt: 40 } }, sort: [{ age: 'asc' }] } as MangoQuery<Person>));

describe('a collection read by id only', () => {
  it('has no key columns or indexes, and answers by id, by query and after updates', async () => {
    const directory = tempDir('by-id');
    const instance = await byIdInstance(getRxStorageSqlite({ directory }));
    await instance.bulkWrite(people.map((p) => insertRow(p)), 'seed');
    const [p7] = await instance.findDocumentsById(['p7'], false);
    await instance.bulkWrite([updateRow(p7!, { name: 'Seven' })], 'edit');
    expect((await instance.findDocumentsById(['p7', 'p8'], false)).map((d) => d.name)).toEqual(['Seven', 'Person 8']);
    expect((await instance.query(olderThan40)).documents.map((d) => d.id)).toEqual(people.filter((p) => p.age > 40).map((p) => p.id));
    await expect(instance.getChangedDocumentsSince(10)).rejects.toThrow(/read by id only/);
    await instance.close();
    expect(keyColumns(directory)).toEqual({ columns: [], indexes: 0 });
  });

  it('keeps the key columns of a table made before with them, and keeps them right', async () => {
    const directory = tempDir('by-id-legacy');
    const keyed: RxStorageInstance<Person, unknown, unknown> = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    await keyed.bulkWrite(people.slice(0, 25).map((p) => insertRow(p)), 'seed');
    await keyed.close();
    const before = keyColumns(directory);
    expect(before.columns.length).toBeGreaterThan(0);

    const storage = getRxStorageSqlite({ directory });
    const byId = await byIdInstance(storage);
    await byId.bulkWrite(people.slice(25).map((p) => insertRow(p)), 'more');
    await byId.close();
    expect(keyColumns(directory)).toEqual(before);
    // Opened with keys again, its key queries see the rows written meanwhile.
    const again = await createInstance<Person>(storage, personSchema, 'people');
    expect((await again.query(olderThan40)).documents.map((d) => d.id)).toEqual(people.filter((p) => p.age > 40).map((p) => p.id));
    expect((await again.getChangedDocumentsSince!(100)).documents).toHaveLength(50);
    await again.close();
  });
});

describe('a table made before store format 4 with the cleanup key', () => {
  it('opens with it, answers as before and keeps writing it', async () => {
    const directory = tempDir('legacy-cleanup-key');
    const storage = getRxStorageSqlite({ directory });
    const seed = await createInstance<Person>(storage, personSchema);
    await seed.bulkWrite(people.slice(0, 25).map((p) => insertRow(p)), 'seed');
    await seed.close();
    const schema = personSchema as RxJsonSchema<RxDocumentData<unknown>>;
    const lean = indexColumnsFor(schema).length;
    // The layout format 3 made: one more key column, [_deleted, _meta.lwt, id], with its index.
    const table = tableNameFor('people', 0);
    const legacyKey = getIndexableStringMonad(schema, ['_deleted', '_meta.lwt', 'id']);
    const raw = new Database(path.join(directory, 'db.db'));
    raw.function('legacy_key', (data: unknown) => encodeIndexKey(legacyKey(JSON.parse(String(data)))));
    raw.exec(`ALTER TABLE "${table}" ADD COLUMN k${lean} BLOB NOT NULL DEFAULT x''`);
    raw.exec(`UPDATE "${table}" SET k${lean} = legacy_key(data)`);
    raw.exec(`CREATE INDEX "${table}__k${lean}_id" ON "${table}" (k${lean}, id)`);
    raw.close();

    const again = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    await again.bulkWrite(people.slice(25).map((p) => insertRow(p)), 'more');
    expect((await again.query(olderThan40)).documents.map((d) => d.id)).toEqual(people.filter((p) => p.age > 40).map((p) => p.id));
    await again.close();
    const check = new Database(path.join(directory, 'db.db'), { readonly: true });
    const rows = check.prepare(`SELECT data, k${lean} AS key FROM "${table}"`).all() as { data: string; key: Buffer }[];
    check.close();
    expect(rows).toHaveLength(50);
    for (const row of rows) expect(row.key.equals(encodeIndexKey(legacyKey(JSON.parse(row.data))))).toBe(true);
  });
});
