// Process: test (Node). Index keys: SQLite's byte order must be JavaScript's string order, for any two keys of
// one length (as RxDB pads every key of an index); stores written with format 1 or format 3 keys open, migrated,
// with every query answering as before; and table names never collide under SQLite's case-insensitive names.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeMangoQuery, prepareQuery, type MangoQuery } from 'rxdb';
import { encodeFormat2Key, encodeIndexKey, indexColumnsFor, tableNameFor } from '../../electron/store/sqlite-keys.ts';
import { getRxStorageSqlite, STORE_FORMAT_VERSION } from '../../electron/store/sqlite-storage.ts';
import { createInstance, insertRow, personSchema, tempDir, type Person } from './storage-fixtures.ts';
import { decodeFormat4, rewriteKeys } from './old-key-formats.ts';
import type { RxDocumentData, RxJsonSchema, RxStorageInstance } from 'rxdb';

const jsOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Any UTF-16 code units, lone surrogates and 0xFFFF (RxDB's upper bound) included, weighted towards ASCII.
const codeUnits = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0x20, 0x7f, 0x80, 0x3fff, 0x4000, 0xd800, 0xdfff, 0xffff)), { maxLength: 12 })
  .map((units) => String.fromCharCode(...units));

/** Format 1, as the previous store format wrote keys: UTF-16 big-endian. */
const format1 = (s: string) => Buffer.from(s, 'utf16le').swap16();

/** Reads a format 2 key back to its string (test-side inverse of encodeFormat2Key). */
function decodeFormat2(key: Uint8Array): string {
  let out = '';
  for (let i = 0; i < key.length; ) {
    const lead = key[i]!;
    if (lead < 0x80) { out += String.fromCharCode(lead); i += 1; }
    else if (lead < 0xc0) { out += String.fromCharCode(((lead & 0x3f) << 8) | key[i + 1]!); i += 2; }
    else { out += String.fromCharCode((key[i + 1]! << 8) | key[i + 2]!); i += 3; }
  }
  return out;
}

// Pairs of keys of one length, as every key of an index is: spaces, control characters and the rest, so that
// runs of spaces meet what follows them on both sides.
const keyUnits = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0x20) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x1f }) },
  { weight: 3, arbitrary: fc.integer({ min: 0x21, max: 0x7f }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }) },
  { weight: 1, arbitrary: fc.constantFrom(0x00, 0x1f, 0x21, 0x80, 0x3fff, 0x4000, 0xd800, 0xffff) },
);
const keyPairs = fc.integer({ min: 0, max: 14 }).chain((length) =>
  fc.tuple(fc.array(keyUnits, { minLength: length, maxLength: length }), fc.array(keyUnits, { minLength: length, maxLength: length }))
    .map(([a, b]) => [String.fromCharCode(...a), String.fromCharCode(...b)] as const));

describe('index keys', () => {
  it('order as JavaScript orders two keys of one length, for any code units', () => {
    fc.assert(fc.property(keyPairs, ([a, b]) => {
      expect(Math.sign(Buffer.compare(encodeIndexKey(a), encodeIndexKey(b)))).toBe(jsOrder(a, b));
      expect(decodeFormat4(encodeIndexKey(a), a.length)).toBe(a);
    }), { numRuns: 20000 });
    // The cases a run of spaces must get right: what follows it, on either side of a space, and the end.
    const cases = ['ab  ', 'ab \t', 'a  \t', 'abx ', 'ab x', 'ab\t ', 'a b ', 'a  b', 'a \u00e9 ', '\u0000\u0000\u0000\u0000', '    '];
    expect(cases.every((c) => c.length === 4)).toBe(true);
    for (const a of cases) for (const b of cases) expect(Math.sign(Buffer.compare(encodeIndexKey(a), encodeIndexKey(b)))).toBe(jsOrder(a, b));
  });

  it('in format 2 and 3, which older stores move from, ordered any strings as JavaScript does and read back', () => {
    fc.assert(fc.property(codeUnits, codeUnits, (a, b) => {
      expect(Math.sign(Buffer.compare(encodeFormat2Key(a), encodeFormat2Key(b)))).toBe(jsOrder(a, b));
      expect(decodeFormat2(encodeFormat2Key(a))).toBe(a);
    }), { numRuns: 2000 });
  });

  it('leave the padding out: a padded name takes its letters, not its field', () => {
    const padded = 'Ann Example'.padEnd(200, ' ');
    // "Ann", the run of one space (3 bytes), "Example", the end mark.
    expect(encodeIndexKey(padded).length).toBe(14);
    expect(encodeFormat2Key(padded).length).toBe(200);
    expect(format1(padded).length).toBe(400);
  });

  it('refuse a document whose indexed value is longer than its schema allows, naming it', async () => {
    const instance = await createInstance<Person>(getRxStorageSqlite({ directory: tempDir('long-key') }), personSchema);
    await expect(instance.bulkWrite([insertRow<Person>({ id: 'p-long', name: 'n'.repeat(31), age: 1, tags: [], ring: 'know', active: true })], 'seed'))
      .rejects.toThrow(/"p-long" has a value longer than its schema allows in index \[_deleted, name, id\]/);
    expect(await instance.findDocumentsById(['p-long'], true)).toEqual([]);
    await instance.close();
  });

  it('migrates a format 3 store: keys without their padding, queries unchanged, the file a third smaller', async () => {
    const directory = tempDir('format3');
    const people: Person[] = Array.from({ length: 2000 }, (_, i) => ({ id: `p${i}`, name: `Näme ${i % 70}\t${String.fromCharCode(0x4e00 + i)}`, age: i % 90, tags: [], ring: ['trust', 'like', 'know', ''][i % 4]!, active: i % 2 === 0 }));
    const seed = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    await seed.bulkWrite(people.map((p) => insertRow(p)), 'seed');
    const queries = [
      { selector: { age: { $gte: 30, $lt: 60 }, _deleted: { $eq: false } }, sort: [{ age: 'desc' }, { id: 'asc' }] },
      { selector: { name: { $gt: 'Näme 1', $lte: 'Näme 5\t' }, _deleted: { $eq: false } }, sort: [{ name: 'asc' }, { id: 'asc' }] },
      { selector: { ring: { $lt: 'like' }, _deleted: { $eq: false } }, sort: [{ ring: 'asc' }, { age: 'asc' }, { id: 'asc' }] },
    ].map((q) => prepareQuery(personSchema, normalizeMangoQuery(personSchema, q as unknown as MangoQuery<Person>)));
    const before = await Promise.all(queries.map(async (q) => (await seed.query(q)).documents.map((d) => d.id)));
    await seed.close();

    const file = path.join(directory, 'db.db');
    const raw = new Database(file);
    rewriteKeys(raw, encodeFormat2Key);
    raw.pragma('user_version = 3');
    raw.exec('VACUUM');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const oldSize = fs.statSync(file).size;

    // A cache of ten documents: the queries are answered from SQLite's indexes over the moved keys.
    const again = await createInstance<Person>(getRxStorageSqlite({ directory, heldDocuments: 10 }), personSchema);
    const after = await Promise.all(queries.map(async (q) => (await again.query(q)).documents.map((d) => d.id)));
    expect(after).toEqual(before);
    expect(before[0]!.length).toBe(people.filter((p) => p.age >= 30 && p.age < 60).length);
    expect(before[2]!.length).toBe(people.filter((p) => p.ring < 'like').length);
    // A write after the move sorts among the moved keys.
    await again.bulkWrite([insertRow<Person>({ id: 'p-new', name: 'Näme 3', age: 45, tags: [], ring: 'know', active: true })], 'after');
    expect((await again.query(queries[0]!)).documents.map((d) => d.id)).toEqual([...before[0]!, 'p-new'].sort((a, b) => {
      const age = (id: string) => (id === 'p-new' ? 45 : people.find((p) => p.id === id)!.age);
      return age(b) - age(a) || jsOrder(a, b);
    }));
    await again.close();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(STORE_FORMAT_VERSION);
    const table = tableNameFor('people', 0);
    // Every key index is there again, once.
    const indexes = check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").pluck().all(table) as string[];
    expect(indexes.length).toBe(indexColumnsFor(personSchema as RxJsonSchema<RxDocumentData<unknown>>).length);
    check.close();
    expect(fs.statSync(file).size).toBeLessThan(oldSize * 0.85);
  });

  it('migrates a format 1 store: keys rewritten, queries unchanged, the file smaller', async () => {
    const directory = tempDir('format1');
    const people: Person[] = Array.from({ length: 600 }, (_, i) => ({ id: `p${i}`, name: `Näme ${i} ${String.fromCharCode(0x4e00 + i)}`, age: i % 90, tags: [], ring: ['trust', 'like', 'know'][i % 3]!, active: i % 2 === 0 }));
    const seed = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    await seed.bulkWrite(people.map((p) => insertRow(p)), 'seed');
    const query = prepareQuery(personSchema, normalizeMangoQuery(personSchema, { selector: { age: { $gte: 30, $lt: 60 }, _deleted: { $eq: false } } as MangoQuery<Person>['selector'], sort: [{ age: 'desc' }, { id: 'asc' }] }));
    const before = (await seed.query(query)).documents.map((d) => d.id);
    await seed.close();

    // Turn the file into what the previous format wrote.
    const file = path.join(directory, 'db.db');
    const raw = new Database(file);
    rewriteKeys(raw, format1);
    raw.pragma('user_version = 1');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const oldSize = fs.statSync(file).size;

    const again = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    expect((await again.query(query)).documents.map((d) => d.id)).toEqual(before);
    expect(before.length).toBe(people.filter((p) => p.age >= 30 && p.age < 60).length);
    await again.close();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(STORE_FORMAT_VERSION);
    check.close();
    expect(fs.statSync(file).size).toBeLessThan(oldSize);
  });
});

// Characters that escaping schemes trip on (the escape's own letters, case, `_`, `-`, `$`), plus anything.
const collectionNames = fc.array(fc.oneof(fc.constantFrom('a', 'A', 'b', 'x', 'X', '_', '-', '$', '2', 'd', 'D', '0', 'v', 'é', 'É', '\u0130', '\u00ff', '"'), fc.string({ maxLength: 1, unit: 'binary' })), { maxLength: 10 })
  .map((chars) => chars.join(''));

describe('table names', () => {
  it('differ, ignoring ASCII case as SQLite does, for any two distinct (collection, version) pairs', () => {
    const pair = fc.tuple(collectionNames, fc.nat({ max: 120 }));
    fc.assert(fc.property(pair, pair, ([nameA, versionA], [nameB, versionB]) => {
      fc.pre(nameA !== nameB || versionA !== versionB);
      expect(tableNameFor(nameA, versionA).toLowerCase()).not.toBe(tableNameFor(nameB, versionB).toLowerCase());
    }), { numRuns: 20000 });
    // The pairs the format 2 scheme mixed up.
    for (const [a, b] of [[['a-b', 0], ['a_x2d_b', 0]], [['People', 0], ['people', 0]], [['a__v1', 0], ['a', 1]]] as const) {
      expect(tableNameFor(a[0], a[1]).toLowerCase()).not.toBe(tableNameFor(b[0], b[1]).toLowerCase());
    }
  });

  it('are SQLite-safe and keep the names stores already use', () => {
    fc.assert(fc.property(collectionNames, fc.nat(), (name, version) => {
      expect(tableNameFor(name, version)).toMatch(/^docs__[a-z0-9_$]*__v\d+$/);
    }));
    expect(['contacts', 'ties', 'touches', 'deals', 'settings', '_rxdb_internal'].map((n) => tableNameFor(n, 0)))
      .toEqual(['docs__contacts__v0', 'docs__ties__v0', 'docs__touches__v0', 'docs__deals__v0', 'docs__settings__v0', 'docs___rxdb_internal__v0']);
  });

  it('keep collections apart on a real file that format 2 would have put in one table', async () => {
    const storage = getRxStorageSqlite({ directory: tempDir('table-names') });
    const names = ['a-b', 'a_x2d_b', 'People', 'people'];
    const instances: RxStorageInstance<Person, unknown, unknown>[] = [];
    for (const name of names) instances.push(await createInstance<Person>(storage, personSchema, name));
    for (const [i, instance] of instances.entries()) await instance.bulkWrite([insertRow<Person>({ id: 'same-id', name: names[i]!, age: i, tags: [], ring: 'know', active: true })], 'seed');
    for (const [i, instance] of instances.entries()) expect((await instance.findDocumentsById(['same-id'], false)).map((d) => d.name)).toEqual([names[i]]);
    for (const instance of instances) await instance.close();
  });

  it('moves a format 2 store to format 3: tables renamed with their indexes, a commit log added, documents kept', async () => {
    const directory = tempDir('format2');
    const seed = getRxStorageSqlite({ directory });
    const metaName = 'rx-migration-state-meta-people-0';
    for (const collection of ['people', metaName]) {
      const instance = await createInstance<Person>(seed, personSchema, collection);
      await instance.bulkWrite([insertRow<Person>({ id: 'p1', name: `in ${collection.slice(0, 20)}`, age: 1, tags: [], ring: 'know', active: true })], 'seed');
      await instance.close();
    }
    // Turn the file into what format 2 wrote: its table names, no commit log.
    const file = path.join(directory, 'db.db');
    const raw = new Database(file);
    const now = tableNameFor(metaName, 0);
    const format2 = 'docs__rx_x2d_migration_x2d_state_x2d_meta_x2d_people_x2d_0__v0';
    const indexes = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").pluck().all(now) as string[];
    for (const index of indexes) raw.exec(`DROP INDEX "${index}"`);
    raw.exec(`ALTER TABLE "${now}" RENAME TO "${format2}"`);
    for (const index of indexes) {
      const column = /__(k\d+)_id$/.exec(index)![1]!;
      raw.exec(`CREATE INDEX "${format2}__${column}_id" ON "${format2}" (${column}, id)`);
    }
    raw.exec('DROP TABLE sphere_commits');
    rewriteKeys(raw, encodeFormat2Key);
    raw.pragma('user_version = 2');
    raw.close();

    const storage = getRxStorageSqlite({ directory });
    for (const collection of ['people', metaName]) {
      const instance = await createInstance<Person>(storage, personSchema, collection);
      expect((await instance.findDocumentsById(['p1'], false))[0]?.name).toBe(`in ${collection.slice(0, 20)}`);
      await instance.close();
    }
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(STORE_FORMAT_VERSION);
    const tables = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['docs__people__v0', now, 'sphere_commits', 'sqlite_sequence'].sort());
    // One index per key column, under the new name: none left behind, none built twice.
    const renamedIndexes = check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").pluck().all(now) as string[];
    expect(renamedIndexes.sort()).toEqual(indexes.sort());
    check.close();
  });
});
