// Process: test (Node). Commits made through another connection to the same file (another storage in this
// process, or another process) reach this connection's change stream and RxDB's live queries without a re-query.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { firstValueFrom, type Observable } from 'rxjs';
import { filter, map } from 'rxjs/operators';
import { createRxDatabase, normalizeMangoQuery, prepareQuery } from 'rxdb';
import type { EventBulk, MangoQuery, RxStorageChangeEvent, RxJsonSchema, RxStorageInstance } from 'rxdb';
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import { createInstance, insertRow, personSchema, tempDir, updateRow, type Person } from './storage-fixtures.ts';

const person = (id: string, extra: Partial<Person> = {}): Person => ({ id, name: `n-${id}`, age: 30, tags: [], ring: 'know', active: true, ...extra });
type Bulk = EventBulk<RxStorageChangeEvent<Person>, unknown>;

/** Resolves with the first event on `stream` for document `id` (subscribe before the write that causes it). */
function nextEventFor(stream: Observable<Bulk>, id: string): Promise<RxStorageChangeEvent<Person>> {
  return firstValueFrom(stream.pipe(map((bulk) => bulk.events.find((e) => e.documentId === id)), filter((e) => e !== undefined)));
}

/** Everything a stream emits, kept for later assertions. */
function record(stream: Observable<Bulk>): RxStorageChangeEvent<Person>[] {
  const seen: RxStorageChangeEvent<Person>[] = [];
  stream.subscribe((bulk) => seen.push(...bulk.events));
  return seen;
}

const allPeople = () => prepareQuery(personSchema, normalizeMangoQuery(personSchema, { selector: { _deleted: { $eq: false } } as MangoQuery<Person>['selector'], sort: [{ id: 'asc' }] }));

describe('commits of other connections', () => {
  it('reach a multiInstance instance as INSERT, UPDATE and DELETE events, with the data before and after', async () => {
    const directory = tempDir('others-stream');
    const writer = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    const reader = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema, 'people', 'db', true);
    const stream = reader.changeStream() as Observable<Bulk>;
    const seen = record(stream);

    let event = nextEventFor(stream, 'p1');
    await writer.bulkWrite([insertRow(person('p1', { name: 'Ann' }))], 'elsewhere');
    expect(await event).toMatchObject({ operation: 'INSERT', documentData: { id: 'p1', name: 'Ann', _deleted: false } });

    const [p1] = await writer.findDocumentsById(['p1'], false);
    event = nextEventFor(stream, 'p1');
    await writer.bulkWrite([updateRow(p1!, { name: 'Ann Lee' })], 'elsewhere');
    expect(await event).toMatchObject({ operation: 'UPDATE', documentData: { name: 'Ann Lee' }, previousDocumentData: { name: 'Ann', _rev: p1!._rev } });

    const [renamed] = await writer.findDocumentsById(['p1'], false);
    event = nextEventFor(stream, 'p1');
    await writer.bulkWrite([updateRow(renamed!, {}, true)], 'elsewhere');
    expect(await event).toMatchObject({ operation: 'DELETE', documentData: { _deleted: true }, previousDocumentData: { name: 'Ann Lee', _deleted: false } });

    // The reader's own write is announced once, not a second time when its log entry is read back.
    const own = nextEventFor(stream, 'mine');
    await reader.bulkWrite([insertRow(person('mine'))], 'here');
    await own;
    const later = nextEventFor(stream, 'p2');
    await writer.bulkWrite([insertRow(person('p2'))], 'elsewhere');
    await later;
    expect(seen.map((e) => [e.documentId, e.operation])).toEqual([['p1', 'INSERT'], ['p1', 'UPDATE'], ['p1', 'DELETE'], ['mine', 'INSERT'], ['p2', 'INSERT']]);
    // Its reads agree with the events.
    expect((await reader.query(allPeople())).documents.map((d) => d.id)).toEqual(['mine', 'p2']);
    await writer.close();
    await reader.close();
  });

  it('announces commits found at a read even when nobody watches, and refreshes when the log was pruned past it', async () => {
    const directory = tempDir('others-gap');
    const writer = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    await writer.bulkWrite([insertRow(person('a')), insertRow(person('b'))], 'seed');
    const reader = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    expect((await reader.query(allPeople())).documents.map((d) => d.name)).toEqual(['n-a', 'n-b']);
    const seen = record(reader.changeStream() as Observable<Bulk>);

    const [a] = await writer.findDocumentsById(['a'], false);
    await writer.bulkWrite([updateRow(a!, { name: 'seen at read' })], 'elsewhere');
    expect((await reader.query(allPeople())).documents.map((d) => d.name)).toEqual(['seen at read', 'n-b']);
    expect(seen.map((e) => [e.documentId, e.operation, e.documentData.name])).toEqual([['a', 'UPDATE', 'seen at read']]);

    // The reader falls behind the log: every entry it has not read is gone.
    const [b] = await writer.findDocumentsById(['b'], false);
    await writer.bulkWrite([updateRow(b!, { name: 'written while away' })], 'elsewhere');
    const raw = new Database(path.join(directory, 'db.db'));
    raw.exec('DELETE FROM sphere_commits');
    raw.close();
    expect((await reader.query(allPeople())).documents.map((d) => d.name)).toEqual(['seen at read', 'written while away']);
    expect(seen.filter((e) => e.documentId === 'b').map((e) => e.documentData.name)).toEqual(['written while away']);
    await writer.close();
    await reader.close();
  });

  it('forget a table another connection removed, and announce what is written to its successor', async () => {
    const directory = tempDir('others-removed');
    const writer = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    await writer.bulkWrite([insertRow(person('old'))], 'seed');
    const reader = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    expect((await reader.query(allPeople())).documents.map((d) => d.id)).toEqual(['old']);
    const seen = record(reader.changeStream() as Observable<Bulk>);
    await writer.remove();
    const successor = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    await successor.bulkWrite([insertRow(person('new'))], 'again');
    expect((await reader.query(allPeople())).documents.map((d) => d.id)).toEqual(['new']);
    expect(seen.map((e) => [e.documentId, e.operation])).toEqual([['new', 'INSERT']]);
    await successor.close();
    await reader.close();
  });

  it('keep the commit log bounded: entries older than ten minutes go at a later write', async () => {
    const directory = tempDir('others-prune');
    const file = path.join(directory, 'db.db');
    const entries = () => {
      const raw = new Database(file, { readonly: true });
      try {
        return raw.prepare('SELECT count(*) FROM sphere_commits').pluck().get() as number;
      } finally {
        raw.close();
      }
    };
    // Only the clock: the writes themselves run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const writer = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
      for (let i = 0; i < 5; i++) await writer.bulkWrite([insertRow(person(`early-${i}`))], 'seed');
      expect(entries()).toBe(5);
      vi.setSystemTime(Date.now() + 11 * 60 * 1000);
      await writer.bulkWrite([insertRow(person('late'))], 'later');
      expect(entries()).toBe(1);
      await writer.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reach a live RxDB query, inserts and deletes, without querying again', async () => {
    const directory = tempDir('others-rxdb');
    const schema: RxJsonSchema<{ id: string; name: string }> = {
      version: 0, primaryKey: 'id', type: 'object',
      properties: { id: { type: 'string', maxLength: 20 }, name: { type: 'string', maxLength: 50 } },
      required: ['id', 'name'],
    };
    const db = await createRxDatabase<{ people: never }>({ name: 'db', storage: getRxStorageSqlite({ directory }), multiInstance: true });
    const { people } = await db.addCollections({ people: { schema } });
    const names: string[][] = [];
    let changed: () => void = () => {};
    const subscription = people!.find({ sort: [{ id: 'asc' }] }).$.subscribe((docs) => {
      names.push(docs.map((d) => (d as unknown as { name: string }).name));
      changed();
    });
    const until = (check: (latest: string[]) => boolean) => new Promise<void>((resolve) => {
      changed = () => { if (check(names[names.length - 1]!)) resolve(); };
      changed();
    });
    await until((latest) => latest !== undefined && latest.length === 0);

    // A second connection: another host or the import writing the same collection's table.
    const other = await createInstance<{ id: string; name: string }>(getRxStorageSqlite({ directory }), people!.schema.jsonSchema as never, 'people', 'db');
    await other.bulkWrite([insertRow({ id: 'x', name: 'Written elsewhere' })], 'elsewhere');
    await until((latest) => latest.includes('Written elsewhere'));
    const [x] = await other.findDocumentsById(['x'], false);
    await other.bulkWrite([updateRow(x!, {}, true)], 'elsewhere');
    await until((latest) => latest.length === 0);
    expect(names.at(-2)).toEqual(['Written elsewhere']);
    subscription.unsubscribe();
    await other.close();
    await db.close();
  });

  it('reach this process from a writer in another process, which exits though it left a change stream open', async () => {
    const directory = tempDir('others-process');
    const reader = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema, 'people', 'db', true);
    const stream = reader.changeStream() as Observable<Bulk>;
    const run = (...args: string[]) => new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(import.meta.dirname, 'other-writer.ts'), directory, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`writer exited with ${code}: ${out}`))));
    });
    let event = nextEventFor(stream, 'from-child');
    expect(await run('insert', 'from-child')).toBe('committed\n');
    expect(await event).toMatchObject({ operation: 'INSERT', documentData: { id: 'from-child', tags: ['other-process'] } });
    event = nextEventFor(stream, 'from-child');
    await run('delete', 'from-child');
    expect(await event).toMatchObject({ operation: 'DELETE', previousDocumentData: { name: expect.stringMatching(/^written by process/) } });
    await reader.close();
  });

  // The multi-instance cases of RxDB's own storage suite (test/unit/rx-storage-implementations.test.ts in the rxdb
  // repository; not shipped in the npm package), with each instance on a storage object, hence a connection, of its own.
  it('pass the multi-instance cases of RxDB\'s storage suite with one connection per instance', async () => {
    const directory = tempDir('others-rxdb-suite');
    const [a, b] = [
      await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema, 'people', 'db', true),
      await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema, 'people', 'db', true),
    ];
    // Events both ways.
    const toB = nextEventFor(b.changeStream() as Observable<Bulk>, 'from-a');
    const toA = nextEventFor(a.changeStream() as Observable<Bulk>, 'from-b');
    await a.bulkWrite([insertRow(person('from-a'))], 'a');
    await b.bulkWrite([insertRow(person('from-b'))], 'b');
    expect((await toB).documentData.id).toBe('from-a');
    expect((await toA).documentData.id).toBe('from-b');
    // The other's write is found by id and by a query with a limit.
    expect((await b.findDocumentsById(['from-a'], false)).map((d) => d.id)).toEqual(['from-a']);
    const firstById = prepareQuery(personSchema, normalizeMangoQuery(personSchema, { selector: {}, sort: [{ id: 'asc' }], limit: 1 }));
    expect((await b.query(firstById)).documents.map((d) => d.id)).toEqual(['from-a']);
    // A query on one finishes though the other closes meanwhile.
    const pending = b.query(firstById);
    await a.close();
    expect((await pending).documents).toHaveLength(1);
    await b.close();
  });

  it('leave a multiInstance: false instance unwatched until it reads', async () => {
    const directory = tempDir('others-single');
    const writer = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    const reader: RxStorageInstance<Person, unknown, unknown> = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    const stream = reader.changeStream() as Observable<Bulk>;
    const seen = record(stream);
    // A watched instance on another file proves time passes for the poll without this one hearing anything.
    const elsewhere = tempDir('others-single-2');
    const watchedWriter = await createInstance<Person>(getRxStorageSqlite({ directory: elsewhere }), personSchema);
    const watched = await createInstance<Person>(getRxStorageSqlite({ directory: elsewhere }), personSchema, 'people', 'db', true);
    const heard = nextEventFor(watched.changeStream() as Observable<Bulk>, 'w');
    await writer.bulkWrite([insertRow(person('q'))], 'elsewhere');
    await watchedWriter.bulkWrite([insertRow(person('w'))], 'elsewhere');
    await heard;
    expect(seen).toEqual([]);
    await reader.findDocumentsById(['q'], false);
    expect(seen.map((e) => e.documentId)).toEqual(['q']);
    for (const instance of [writer, reader, watchedWriter, watched]) await instance.close();
  });
});
