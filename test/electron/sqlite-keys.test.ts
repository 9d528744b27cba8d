// Process: test (Node). Index keys: SQLite's byte order must be JavaScript's string order, for any string;
// and a store written with format 1 keys opens, migrated, with every query answering as before.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeMangoQuery, prepareQuery, type MangoQuery } from 'rxdb';
import { encodeIndexKey } from '../../electron/store/sqlite-keys.ts';
import { getRxStorageSqlite, STORE_FORMAT_VERSION } from '../../electron/store/sqlite-storage.ts';
import { createInstance, insertRow, personSchema, tempDir, type Person } from './storage-fixtures.ts';

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
