// Process: test (Node). Same random writes and Mango queries on RxDB's memory storage and ours: results must match,
// and so must what the change streams say, replayed, including the writes another connection made.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeMangoQuery, prepareQuery } from 'rxdb';
import type { BulkWriteRow, MangoQuery, RxDocumentData, RxStorageInstance } from 'rxdb';
import type { Subscription } from 'rxjs';
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
  // RxDB's own queries for changes (replication, the memory storage's checkpoints) include deleted documents.
  withDeleted: fc.boolean(),
}).map((q) => {
  const out: MangoQuery<Person> = { selector: q.withDeleted ? q.selector : ({ ...q.selector, _deleted: { $eq: false } } as MangoQuery<Person>['selector']) };
  if (q.sort) out.sort = q.sort;
  if (q.skip !== undefined) out.skip = q.skip;
  if (q.limit !== undefined) out.limit = q.limit;
  return out;
});

type Command =
  | { op: 'put'; person: Person; foreign?: boolean }
  | { op: 'delete'; id: string; foreign?: boolean }
  | { op: 'stale'; id: string; name: string }
  | { op: 'bulk'; age: number }
  | { op: 'cleanup' }
  | { op: 'query'; query: MangoQuery<Person> };

// `foreign`: the write goes through another connection to the same file, as a second process would make it.
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(personArb, fc.boolean()).map(([person, foreign]) => ({ op: 'put' as const, person, foreign: foreign && person.age % 4 === 0 })) },
  { weight: 1, arbitrary: fc.tuple(idArb, fc.boolean()).map(([id, foreign]) => ({ op: 'delete' as const, id, foreign })) },
  { weight: 1, arbitrary: fc.tuple(idArb, nameArb).map(([id, name]) => ({ op: 'stale' as const, id, name })) },
  // More rows in one write than the sorted indexes splice one by one.
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 120 }).map((age) => ({ op: 'bulk' as const, age })) },
  { weight: 1, arbitrary: fc.constant({ op: 'cleanup' as const }) },
  { weight: 3, arbitrary: queryArb.map((query) => ({ op: 'query' as const, query })) },
);

type Instance = RxStorageInstance<Person, unknown, unknown>;
/** The reference, then each storage under test with a second connection to its file. */
type Subjects = { memory: Instance; tested: { instance: Instance; other: Instance }[] };

async function write(subjects: Subjects, rows: (reference: Instance) => Promise<BulkWriteRow<Person>[]>, foreign = false): Promise<void> {
  const batch = await rows(subjects.memory);
  if (batch.length === 0) return;
  const expected = (await subjects.memory.bulkWrite(batch, 'differential')).error.map((e) => ({ status: e.status, id: e.documentId }));
  for (const { instance, other } of subjects.tested) {
    const result = await (foreign ? other : instance).bulkWrite(batch, 'differential');
    expect(result.error.map((e) => ({ status: e.status, id: e.documentId }))).toEqual(expected);
  }
}

async function compareQuery(subjects: Subjects, mango: MangoQuery<Person>): Promise<void> {
  const prepared = prepareQuery(personSchema, normalizeMangoQuery(personSchema, mango));
  const countQuery = prepareQuery(personSchema, normalizeMangoQuery(personSchema, { selector: mango.selector }));
  const expected = await subjects.memory.query(prepared);
  const expectedCount = await subjects.memory.count(countQuery);
  for (const { instance } of subjects.tested) {
    const got = await instance.query(prepared);
    expect(got.documents.map((d) => d.id)).toEqual(expected.documents.map((d) => d.id));
    expect(got.documents).toEqual(expected.documents);
    expect((await instance.count(countQuery)).count).toBe(expectedCount.count);
  }
}

async function compareFinds(subjects: Subjects): Promise<void> {
  const ids = ['id0', 'id3', 'id7', '𝒳9', 'missing', 'b3'];
  for (const withDeleted of [true, false]) {
    const expected = await subjects.memory.findDocumentsById(ids, withDeleted);
    for (const { instance } of subjects.tested) expect(await instance.findDocumentsById(ids, withDeleted)).toEqual(expected);
  }
}

async function apply(subjects: Subjects, command: Command): Promise<void> {
  const current = async (reference: Instance, id: string) => (await reference.findDocumentsById([id], true))[0];
  switch (command.op) {
    case 'put':
      return write(subjects, async (ref) => {
        const existing = await current(ref, command.person.id);
        return [existing ? updateRow(existing, command.person) : insertRow(command.person)];
      }, command.foreign);
    case 'delete':
      return write(subjects, async (ref) => {
        const existing = await current(ref, command.id);
        return !existing || existing._deleted ? [] : [updateRow(existing, {}, true)];
      }, command.foreign);
    case 'stale':
      // A writer that read an older revision: every storage must report the same conflict.
      return write(subjects, async (ref) => {
        const existing = await current(ref, command.id);
        return existing ? [updateRow({ ...existing, _rev: '0-stale' } as RxDocumentData<Person>, { name: command.name })] : [];
      });
    case 'bulk':
      return write(subjects, async (ref) => {
        const ids = Array.from({ length: 80 }, (_, i) => `b${i}`);
        const existing = new Map((await ref.findDocumentsById(ids, true)).map((d) => [d.id, d]));
        return ids.map((id, i) => {
          const person: Person = { id, name: `Bulk ${(i * 37) % 80}`, age: (command.age + i) % 121, tags: [], ring: i % 2 ? 'know' : 'like', active: i % 3 === 0 };
          const before = existing.get(id);
          return before ? updateRow(before, person, i % 5 === 0) : insertRow(person);
        });
      });
    case 'cleanup':
      // Far in the future: every deleted document goes, in every storage alike.
      await subjects.memory.cleanup(-1e6);
      for (const { instance } of subjects.tested) await instance.cleanup(-1e6);
      return;
    case 'query':
      return compareQuery(subjects, command.query);
  }
}

/**
 * The live documents a change stream's listener would believe in, replaying every event. Several commits of
 * another connection read at once become one event per document (the latest state), so only the outcome is
 * comparable, not the number of events; a deleted document and an absent one look alike to a live query.
 */
function replay(instance: Instance): { live: Map<string, unknown>; subscription: Subscription } {
  const live = new Map<string, unknown>();
  const subscription = instance.changeStream().subscribe((bulk) => {
    for (const event of bulk.events) {
      if (event.documentData._deleted) live.delete(event.documentId);
      else live.set(event.documentId, event.documentData);
    }
  });
  return { live, subscription };
}

describe('SQLite storage behaves like RxDB memory storage', () => {
  it('returns identical results and change streams for random writes and queries, held whole, held in part, and written by another connection', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 40 }), fc.array(queryArb, { minLength: 1, maxLength: 8 }), async (commands, queries) => {
        run++;
        const memory = await createInstance<Person>(getRxStorageMemory(), personSchema, 'people', `mem${run}`);
        // Held whole (queries answered from memory) and held in part (too big for its cache: SQLite answers).
        const tested = await Promise.all([undefined, 3].map(async (heldDocuments) => {
          const directory = tempDir('diff');
          return {
            instance: await createInstance<Person>(getRxStorageSqlite({ directory, heldDocuments }), personSchema),
            other: await createInstance<Person>(getRxStorageSqlite({ directory, heldDocuments }), personSchema),
          };
        }));
        const subjects: Subjects = { memory, tested };
        const replays = [memory, ...tested.map((t) => t.instance)].map(replay);
        try {
          for (const command of commands) await apply(subjects, command);
          for (const mango of queries) await compareQuery(subjects, mango);
          // Reads: the last commits of the other connection are found here at the latest.
          await compareFinds(subjects);
          for (const ours of replays.slice(1)) expect(ours.live).toEqual(replays[0]!.live);
        } finally {
          for (const { subscription } of replays) subscription.unsubscribe();
          await memory.remove();
          for (const { instance, other } of tested) {
            await instance.close();
            await other.close();
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
