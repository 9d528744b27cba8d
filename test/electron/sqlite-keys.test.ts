// Process: test (Node). Index keys: SQLite's byte order must be JavaScript's string order, for any string;
// a store written with format 1 keys opens, migrated, with every query answering as before; and table names
// never collide under SQLite's case-insensitive names.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeMangoQuery, prepareQuery, type MangoQuery } from 'rxdb';
import { encodeIndexKey, tableNameFor } from '../../electron/store/sqlite-keys.ts';
import { getRxStorageSqlite, STORE_FORMAT_VERSION } from '../../electron/store/sqlite-storage.ts';
import { createInstance, insertRow, personSchema, tempDir, type Person } from './storage-fixtures.ts';
import type { RxStorageInstance } from 'rxdb';

const jsOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Any UTF-16 code units, lone surrogates and 0xFFFF (RxDB's upper bound) included, weighted towards ASCII.
const codeUnits = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0x20, 0x7f, 0x80, 0x3fff, 0x4000, 0xd800, 0xdfff, 0xffff)), { maxLength: 12 })
  .map((units) => String.fromCharCode(...units));

/** Format 1, as the previous store format wrote keys: UTF-16 big-endian. */
const format1 = (s: string) => Buffer.from(s, 'utf16le').swap16();

/** Reads a format 2 key back to its string (test-side inverse of encodeIndexKey). */
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

describe('index keys', () => {
  it('order as JavaScript orders the strings, for any code units', () => {
    fc.assert(fc.property(codeUnits, codeUnits, (a, b) => {
      expect(Math.sign(Buffer.compare(encodeIndexKey(a), encodeIndexKey(b)))).toBe(jsOrder(a, b));
      expect(decodeFormat2(encodeIndexKey(a))).toBe(a);
    }), { numRuns: 3000 });
  });

  it('take one byte per ASCII character, half of what format 1 took', () => {
    const padded = 'Ann Example'.padEnd(200, ' ');
    expect(encodeIndexKey(padded).length).toBe(200);
    expect(format1(padded).length).toBe(400);
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
    raw.function('to_format1', (key: unknown) => format1(decodeFormat2(key as Uint8Array)));
    for (const table of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'docs%'").pluck().all() as string[]) {
      const keys = (raw.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).filter((n) => /^k\d+$/.test(n));
      raw.exec(`UPDATE "${table}" SET ${keys.map((k) => `${k} = to_format1(${k})`).join(', ')}`);
    }
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
      await instance.bulkWrite([insertRow<Person>({ id: 'p1', name: `in ${collection}`, age: 1, tags: [], ring: 'know', active: true })], 'seed');
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
    raw.pragma('user_version = 2');
    raw.close();

    const storage = getRxStorageSqlite({ directory });
    for (const collection of ['people', metaName]) {
      const instance = await createInstance<Person>(storage, personSchema, collection);
      expect((await instance.findDocumentsById(['p1'], false))[0]?.name).toBe(`in ${collection}`);
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
