// Process: test (Node). The RxStorage contract on a real SQLite file: conflicts, checkpoints, persistence, streams, cleanup.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { take, toArray } from 'rxjs/operators';
import { normalizeMangoQuery, prepareQuery } from 'rxdb';
import type { MangoQuery } from 'rxdb';
import { getRxStorageSqlite, openStoreFile, StoreOpenError, STORE_FORMAT_VERSION } from '../../electron/store/sqlite-storage.ts';
import { createInstance, insertRow, personSchema, tempDir, updateRow, type Person } from './storage-fixtures.ts';

const person = (id: string, extra: Partial<Person> = {}): Person => ({ id, name: `n-${id}`, age: 30, tags: [], ring: 'know', active: true, ...extra });

describe('SQLite RxStorage', () => {
  it('reports a conflict per row, writes the other rows, in one call', async () => {
    const storage = getRxStorageSqlite({ directory: tempDir('conflict') });
    const instance = await createInstance<Person>(storage, personSchema);
    await instance.bulkWrite([insertRow(person('a')), insertRow(person('b'))], 'seed');
    const [a] = await instance.findDocumentsById(['a'], false);
    const result = await instance.bulkWrite(
      [insertRow(person('b')), updateRow(a!, { name: 'Alice' }), insertRow(person('c'))],
      'mixed',
    );
    expect(result.error.map((e) => [e.documentId, e.status])).toEqual([['b', 409]]);
    // The conflict carries the stored state, so the caller can resolve it.
    const conflict = result.error[0]!;
    expect(conflict.status === 409 && conflict.documentInDb.name).toBe('n-b');
    const docs = await instance.findDocumentsById(['a', 'b', 'c'], false);
    expect(docs.map((d) => d.name)).toEqual(['Alice', 'n-b', 'n-c']);
    // A stale revision is refused and changes nothing.
    const stale = await instance.bulkWrite([updateRow(a!, { name: 'Stale' })], 'stale');
    expect(stale.error[0]?.status).toBe(409);
    expect((await instance.findDocumentsById(['a'], false))[0]!.name).toBe('Alice');
    await instance.close();
  });

  it('keeps every write across close and reopen of the file', async () => {
    const directory = tempDir('persist');
    const first = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    await first.bulkWrite(Array.from({ length: 250 }, (_, i) => insertRow(person(`p${i}`, { age: i % 100 }))), 'seed');
    const [p7] = await first.findDocumentsById(['p7'], false);
    await first.bulkWrite([updateRow(p7!, {}, true)], 'delete');
    await first.close();

    const again = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    const query = prepareQuery(personSchema, normalizeMangoQuery(personSchema, { selector: { age: { $gte: 90 }, _deleted: { $eq: false } } as MangoQuery<Person>['selector'] }));
    // ages 90..99 occur twice among 250 people (i % 100).
    expect((await again.count(query)).count).toBe(20);
    expect(await again.findDocumentsById(['p7'], false)).toEqual([]);
    expect((await again.findDocumentsById(['p7'], true))[0]?._deleted).toBe(true);
    expect((await again.getChangedDocumentsSince!(1000)).documents).toHaveLength(250);
    await again.close();
  });

  it('iterates changes by checkpoint without gaps or repeats', async () => {
    const instance = await createInstance<Person>(getRxStorageSqlite({ directory: tempDir('checkpoint') }), personSchema);
    for (let batch = 0; batch < 5; batch++) {
      await instance.bulkWrite(Array.from({ length: 13 }, (_, i) => insertRow(person(`b${batch}-${i}`))), 'seed');
    }
    const [first] = await instance.findDocumentsById(['b0-0'], false);
    await instance.bulkWrite([updateRow(first!, { name: 'moved to the end' })], 'update');

    const seen: string[] = [];
    let checkpoint: { id: string; lwt: number } | undefined;
    for (;;) {
      const page = await instance.getChangedDocumentsSince!(7, checkpoint);
      if (page.documents.length === 0) break;
      seen.push(...page.documents.map((d) => d.id));
      checkpoint = page.checkpoint;
    }
    expect(seen).toHaveLength(65);
    expect(new Set(seen).size).toBe(65);
    expect(seen[seen.length - 1]).toBe('b0-0');
    // Nothing new after the last checkpoint; the checkpoint stays put.
    const empty = await instance.getChangedDocumentsSince!(7, checkpoint);
    expect(empty).toEqual({ documents: [], checkpoint });
    await instance.close();
  });

  it('streams each write as one event bulk with a checkpoint, to every instance on the table', async () => {
    const storage = getRxStorageSqlite({ directory: tempDir('stream') });
    const writer = await createInstance<Person>(storage, personSchema);
    const reader = await createInstance<Person>(storage, personSchema);
    const bulks = firstValueFrom(reader.changeStream().pipe(take(2), toArray()));
    await writer.bulkWrite([insertRow(person('x')), insertRow(person('y'))], 'one');
    const [x] = await writer.findDocumentsById(['x'], false);
    await writer.bulkWrite([updateRow(x!, { age: 99 })], 'two');
    const [one, two] = await bulks;
    expect(one!.events.map((e) => [e.documentId, e.operation])).toEqual([['x', 'INSERT'], ['y', 'INSERT']]);
    expect(one!.context).toBe('one');
    expect(two!.events[0]).toMatchObject({ documentId: 'x', operation: 'UPDATE' });
    expect(two!.checkpoint).toEqual({ id: 'x', lwt: two!.events[0]!.documentData._meta.lwt });
    await writer.close();
    await reader.close();
  });

  it('cleans up deleted documents older than the given age, and only those', async () => {
    const instance = await createInstance<Person>(getRxStorageSqlite({ directory: tempDir('cleanup') }), personSchema);
    await instance.bulkWrite([insertRow(person('keep')), insertRow(person('gone'))], 'seed');
    const [gone] = await instance.findDocumentsById(['gone'], false);
    await instance.bulkWrite([updateRow(gone!, {}, true)], 'delete');
    await instance.cleanup(60_000);
    expect(await instance.findDocumentsById(['gone'], true)).toHaveLength(1);
    await instance.cleanup(0);
    expect(await instance.findDocumentsById(['gone'], true)).toHaveLength(0);
    expect(await instance.findDocumentsById(['keep'], true)).toHaveLength(1);
    await instance.close();
  });

  it('no longer finds cleaned-up documents in queries that include deleted ones, once the table is held in memory', async () => {
    const instance = await createInstance<Person>(getRxStorageSqlite({ directory: tempDir('cleanup-held') }), personSchema);
    await instance.bulkWrite([insertRow(person('keep')), insertRow(person('gone'))], 'seed');
    const everyone = prepareQuery(personSchema, normalizeMangoQuery(personSchema, { selector: {}, sort: [{ name: 'asc' }] }));
    // The first query holds the table and sorts its name index in memory.
    expect((await instance.query(everyone)).documents.map((d) => d.id)).toEqual(['gone', 'keep']);
    const [gone] = await instance.findDocumentsById(['gone'], false);
    await instance.bulkWrite([updateRow(gone!, {}, true)], 'delete');
    expect((await instance.query(everyone)).documents.map((d) => [d.id, d._deleted])).toEqual([['gone', true], ['keep', false]]);
    await instance.cleanup(0);
    expect((await instance.query(everyone)).documents.map((d) => d.id)).toEqual(['keep']);
    expect((await instance.count(everyone)).count).toBe(1);
    await instance.close();
  });

  it('refuses attachments with a clear error', async () => {
    const storage = getRxStorageSqlite({ directory: tempDir('attach') });
    await expect(createInstance(storage, { ...personSchema, attachments: {} })).rejects.toThrow(/attachments/);
  });

  it('removes a collection for good', async () => {
    const directory = tempDir('remove');
    const instance = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    await instance.bulkWrite([insertRow(person('a'))], 'seed');
    await instance.remove();
    const again = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    expect(await again.findDocumentsById(['a'], true)).toEqual([]);
    await again.close();
  });
});

describe('opening a store file', () => {
  it('refuses a file that is not SQLite, and leaves it untouched', () => {
    const file = path.join(tempDir('garbage'), 'sphere.db');
    fs.writeFileSync(file, 'this is not a database, but somebody\'s notes'.repeat(200));
    const before = fs.readFileSync(file);
    expect(() => openStoreFile(file)).toThrow(StoreOpenError);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a store written by a newer format', () => {
    const file = path.join(tempDir('newer'), 'sphere.db');
    const db = new Database(file);
    db.pragma(`user_version = ${STORE_FORMAT_VERSION + 1}`);
    db.close();
    expect(() => openStoreFile(file)).toThrow(/newer Sphere/);
  });

  it('refuses another application\'s SQLite file', () => {
    const file = path.join(tempDir('foreign'), 'sphere.db');
    const db = new Database(file);
    db.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    db.close();
    expect(() => openStoreFile(file)).toThrow(/not a Sphere store/);
  });
});

describe('a held store', () => {
  /** A store with these people written and closed, then held by a fresh storage (as a host holds it at launch). */
  async function heldStore(name: string, people: Person[]) {
    const directory = tempDir(name);
    const storage = getRxStorageSqlite({ directory });
    const seed = await createInstance<Person>(storage, personSchema);
    await seed.bulkWrite(people.map((p) => insertRow(p)), 'seed');
    await seed.close();
    storage.hold('db');
    return { directory, storage };
  }
  const allPeople = () => prepareQuery(personSchema, normalizeMangoQuery(personSchema, { selector: { _deleted: { $eq: false } } as MangoQuery<Person>['selector'], sort: [{ id: 'asc' }] }));

  it('stays open with its documents when the last instance closes, and warming reads them all', async () => {
    // The only instance is closed before the hold: the file stays open anyway.
    const { storage } = await heldStore('held', Array.from({ length: 2500 }, (_, i) => person(`p${String(i).padStart(4, '0')}`, { age: i % 90 })));
    // Slices smaller than the table, so the warming yields between them.
    expect(await storage.warm('db', { slice: 700, first: ['people'] })).toBe(2500);
    const second = await createInstance<Person>(storage, personSchema);
    const { documents } = await second.query(allPeople());
    expect(documents).toHaveLength(2500);
    expect(documents[42]!.name).toBe('n-p0042');
    await second.close();
    // Held: the file is still open after its only instance closed, and a third instance still reads it.
    const third = await createInstance<Person>(storage, personSchema);
    expect((await third.count(allPeople())).count).toBe(2500);
    await third.close();
    storage.closeAll();
  });

  it('never serves a warmed document that another connection has changed since', async () => {
    const { directory, storage } = await heldStore('held-stale', [person('a'), person('b')]);
    await storage.warm('db');

    // Another process (a second host, a sync tool) writes to the same file.
    const other = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    const [a] = await other.findDocumentsById(['a'], false);
    await other.bulkWrite([updateRow(a!, { name: 'Changed elsewhere' })], 'other');
    await other.close();

    const mine = await createInstance<Person>(storage, personSchema);
    expect((await mine.findDocumentsById(['a'], false))[0]!.name).toBe('Changed elsewhere');
    expect((await mine.query(allPeople())).documents.map((d) => d.name)).toEqual(['Changed elsewhere', 'n-b']);
    await mine.close();
    storage.closeAll();
  });

  it('lists the live documents again only when the table changed, here or through another connection', async () => {
    const { directory, storage } = await heldStore('held-live', [person('a'), person('b'), person('c')]);
    const live = () => (storage.liveDocuments('db', 'people', 0) as Person[]).map((p) => `${p.id}:${p.name}`).sort();
    expect(live()).toEqual(['a:n-a', 'b:n-b', 'c:n-c']);
    // A copy each time: a caller sorting or emptying its list changes nothing for the next.
    (storage.liveDocuments('db', 'people', 0) as Person[]).length = 0;
    expect(live()).toEqual(['a:n-a', 'b:n-b', 'c:n-c']);

    const other = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    const [a, b] = await other.findDocumentsById(['a', 'b'], false);
    await other.bulkWrite([updateRow(a!, { name: 'Renamed elsewhere' }), updateRow(b!, {}, true), insertRow(person('d'))], 'other');
    await other.close();
    expect(live()).toEqual(['a:Renamed elsewhere', 'c:n-c', 'd:n-d']);

    const mine = await createInstance<Person>(storage, personSchema);
    const [c] = await mine.findDocumentsById(['c'], false);
    await mine.bulkWrite([updateRow(c!, { name: 'Renamed here' })], 'mine');
    expect(live()).toEqual(['a:Renamed elsewhere', 'c:Renamed here', 'd:n-d']);
    await mine.close();
    storage.closeAll();
  });

  it('finds a document another connection added while warming was under way', async () => {
    const { directory, storage } = await heldStore('held-warming', Array.from({ length: 2500 }, (_, i) => person(`p${String(i).padStart(4, '0')}`)));
    const other = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    const warming = storage.warm('db', { slice: 700 });
    // The first slice is read; this lands before the second, with an id the warming has already passed.
    await other.bulkWrite([insertRow(person('a-new'))], 'other');
    expect(await warming).toBeGreaterThanOrEqual(2500);
    const mine = await createInstance<Person>(storage, personSchema);
    const { documents } = await mine.query(allPeople());
    expect(documents).toHaveLength(2501);
    expect(documents[0]!.id).toBe('a-new');
    expect((await mine.count(allPeople())).count).toBe(2501);
    await mine.close();
    await other.close();
    storage.closeAll();
  });

  it('answers a small request while a big query waits for its table to be warmed, then answers that one whole', async () => {
    const { storage } = await heldStore('held-waiting', Array.from({ length: 2500 }, (_, i) => person(`p${String(i).padStart(4, '0')}`)));
    const mine = await createInstance<Person>(storage, personSchema);
    const warming = storage.warm('db', { slice: 100 });
    const answered: string[] = [];
    // Asked first: reading the rest of the table at once would hold the host's loop, and everyone behind it.
    const whole = mine.query(allPeople()).then((r) => (answered.push('whole table'), r));
    const one = mine.findDocumentsById(['p0042'], false).then((r) => (answered.push('one person'), r));
    expect((await one)[0]!.name).toBe('n-p0042');
    expect((await whole).documents).toHaveLength(2500);
    expect(answered).toEqual(['one person', 'whole table']);
    expect(await warming).toBe(2500);
    await mine.close();
    storage.closeAll();
  });

  it('stops warming quietly when the store is closed meanwhile', async () => {
    const { storage } = await heldStore('held-closed', Array.from({ length: 300 }, (_, i) => person(`q${i}`)));
    const warming = storage.warm('db', { slice: 50 });
    storage.closeAll();
    expect(await warming).toBeLessThan(300);
  });
});
