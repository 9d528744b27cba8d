// Process: test (Node). Same random writes and Mango queries on RxDB's memory storage and ours: results must match.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeMangoQuery, prepareQuery } from 'rxdb';
import type { BulkWriteRow, MangoQuery, RxDocumentData, RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import { createInstance, insertRow, personSchema, tempDir, updateRow, type Person } from './storage-fixtures.ts';

// Strings include characters beyond the Basic Multilingual Plane on purpose: their sort order is where
// a naive TEXT index would disagree with RxDB's JavaScript comparisons.
const nameArb = fc.constantFrom('Ada', 'ada', 'Bea', 'Ça', 'Zoë', '', 'Ω', '𝒜lpha', 'a b', 'Émile', '\u{1F600}x', 'zz');
const idArb = fc.constantFrom(...Array.from({ length: 14 }, (_, i) => `id${i}`), '𝒳9', 'Ä1');
const personArb: fc.Arbitrary<Person> = fc.record({
  id: idArb,
  name: nameArb,
  age: fc.integer({ min: 0, max: 120 }),
  tags: fc.array(fc.constantFrom('vip', 'golf', 'school', 'church'), { maxLength: 3 }),
  ring: fc.constantFrom('trust', 'like', 'know', 'prospect'),
  active: fc.boolean(),
});

type Command =
  | { op: 'put'; person: Person }
  | { op: 'delete'; id: string }
  | { op: 'stale'; id: string; name: string };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: personArb.map((person) => ({ op: 'put' as const, person })) },
  { weight: 1, arbitrary: idArb.map((id) => ({ op: 'delete' as const, id })) },
  { weight: 1, arbitrary: fc.tuple(idArb, nameArb).map(([id, name]) => ({ op: 'stale' as const, id, name })) },
);

const fieldSelectorArb = fc.oneof(
  fc.record({ name: fc.oneof(nameArb.map((v) => ({ $eq: v })), nameArb.map((v) => ({ $gt: v })), nameArb.map((v) => ({ $lte: v }))) }),
  fc.record({ age: fc.oneof(fc.integer({ min: 0, max: 120 }).map((v) => ({ $gte: v })), fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 60, max: 120 })).map(([a, b]) => ({ $gt: a, $lt: b }))) }),
  fc.record({ ring: fc.oneof(fc.constantFrom('trust', 'know').map((v) => ({ $eq: v })), fc.subarray(['trust', 'like', 'know', 'prospect'], { minLength: 1 }).map((v) => ({ $in: v }))) }),
  fc.record({ active: fc.boolean().map((v) => ({ $eq: v })) }),
  fc.record({ tags: fc.constantFrom('vip', 'golf').map((v) => ({ $elemMatch: { $eq: v } })) }),
  fc.record({ name: fc.constantFrom('^a', 'e', 'Z').map((v) => ({ $regex: v })) }),
);

const queryArb: fc.Arbitrary<MangoQuery<Person>> = fc.record({
  selector: fc.array(fieldSelectorArb, { maxLength: 2 }).map((parts) => Object.assign({}, ...parts)),
  sort: fc.option(fc.constantFrom<MangoQuery<Person>['sort']>([{ name: 'asc' }], [{ age: 'desc' }], [{ ring: 'asc' }, { age: 'asc' }], [{ id: 'desc' }]), { nil: undefined }),
  skip: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  limit: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
}).map((q) => {
  const out: MangoQuery<Person> = { selector: { ...q.selector, _deleted: { $eq: false } } as MangoQuery<Person>['selector'] };
  if (q.sort) out.sort = q.sort;
  if (q.skip !== undefined) out.skip = q.skip;
  if (q.limit !== undefined) out.limit = q.limit;
  return out;
});

type Instance = RxStorageInstance<Person, unknown, unknown>;

async function applyCommand(instances: Instance[], command: Command): Promise<unknown[]> {
  const [reference] = instances as [Instance];
  const current = command.op === 'put' ? command.person.id : command.id;
  const [existing] = await reference.findDocumentsById([current], true);
  let rows: BulkWriteRow<Person>[];
  if (command.op === 'put') {
    rows = [existing ? updateRow(existing, command.person) : insertRow(command.person)];
  } else if (command.op === 'delete') {
    if (!existing || existing._deleted) return [];
    rows = [updateRow(existing, {}, true)];
  } else {
    // A writer that read an older revision: both storages must report the same conflict.
    if (!existing) return [];
    const stale = { ...existing, _rev: '0-stale' } as RxDocumentData<Person>;
    rows = [updateRow(stale, { name: command.name })];
  }
  const results = await Promise.all(instances.map((instance) => instance.bulkWrite(rows, 'differential')));
  return results.map((r) => r.error.map((e) => ({ status: e.status, id: e.documentId })));
}

describe('SQLite storage behaves like RxDB memory storage', () => {
  it('returns identical results for random writes and queries', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 40 }), fc.array(queryArb, { minLength: 1, maxLength: 8 }), async (commands, queries) => {
        run++;
        const memory = await createInstance<Person>(getRxStorageMemory(), personSchema, 'people', `mem${run}`);
        const sqlite = await createInstance<Person>(getRxStorageSqlite({ directory: tempDir('diff') }), personSchema);
        try {
          for (const command of commands) {
            const [a, b] = await applyCommand([memory, sqlite], command);
            expect(b).toEqual(a);
          }
          for (const mango of queries) {
            const prepared = prepareQuery(personSchema, normalizeMangoQuery(personSchema, mango));
            const [a, b] = await Promise.all([memory.query(prepared), sqlite.query(prepared)]);
            expect(b.documents.map((d) => d.id)).toEqual(a.documents.map((d) => d.id));
            expect(b.documents).toEqual(a.documents);
            const countQuery = prepareQuery(personSchema, normalizeMangoQuery(personSchema, { selector: mango.selector }));
            const [ca, cb] = await Promise.all([memory.count(countQuery), sqlite.count(countQuery)]);
            expect(cb.count).toBe(ca.count);
          }
          const ids = ['id0', 'id3', 'id7', '𝒳9', 'missing'];
          for (const withDeleted of [true, false]) {
            const [a, b] = await Promise.all([memory.findDocumentsById(ids, withDeleted), sqlite.findDocumentsById(ids, withDeleted)]);
            expect(b).toEqual(a);
          }
        } finally {
          await memory.remove();
          await sqlite.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
