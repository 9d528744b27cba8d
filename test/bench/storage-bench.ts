// Process: benchmark (Node). Our SQLite RxStorage against RxDB's memory storage (and raw better-sqlite3),
// measured in the same process on the same 10,000 generated contacts. Prints ratios, never pass/fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createRevision, createRxSchema, defaultHashSha256, getChangedDocumentsSince, normalizeMangoQuery, prepareQuery, randomToken } from 'rxdb';
import type { MangoQuery, RxDocumentData, RxJsonSchema, RxStorage, RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { COLLECTIONS, type ContactDoc } from '../../shared/schemas/index.ts';
import { CATEGORIES, RINGS } from '../../shared/domain/sphere.ts';

export type Figure = { name: string; ours: number; peer: number; peerName: string; ratio: number; reference?: number };

const schema = createRxSchema(COLLECTIONS.contacts.schema as RxJsonSchema<unknown>, defaultHashSha256, false).jsonSchema as RxJsonSchema<RxDocumentData<ContactDoc>>;

function withMeta(docs: ContactDoc[]): RxDocumentData<ContactDoc>[] {
  let lwt = Date.now();
  return docs.map((doc) => ({ ...doc, _deleted: false, _attachments: {}, _meta: { lwt: (lwt += 0.01) }, _rev: createRevision('bench') }));
}

async function open(storage: RxStorage<unknown, unknown>, name: string): Promise<RxStorageInstance<ContactDoc, unknown, unknown>> {
  return (await storage.createStorageInstance<ContactDoc>({
    databaseInstanceToken: randomToken(10), databaseName: name, collectionName: 'contacts', schema, options: {}, multiInstance: false, devMode: false,
  })) as RxStorageInstance<ContactDoc, unknown, unknown>;
}

/**
 * Median of several runs: one slow run (GC, disk) should not decide a figure. Each run repeats the work
 * `repeat` times and reports one repetition's share, so sub-millisecond figures are not timer noise.
 */
async function time(runs: number, fn: () => Promise<unknown> | unknown, repeat = 1): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    for (let r = 0; r < repeat; r++) await fn();
    samples.push((performance.now() - start) / repeat);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/**
 * RxDB's published storage ratios come from its own benchmark: one find of 3,000 ids, one query that returns
 * every document in index order, and four counts at once. The same workload is run here, so our ratios sit
 * beside the published ones like for like; the app's own pattern (many single-id finds, narrow ring × sector
 * queries) is measured too, without a published figure to compare against.
 */
const RXDB_FIND_BATCH = 3000;
const everyoneByName: MangoQuery<ContactDoc> = { selector: { name: { $gt: '' } }, sort: [{ name: 'asc' }] };
const fourCounts: MangoQuery<ContactDoc>[] = (['family', 'business', 'friends', 'servicers'] as const).map((category) => ({ selector: { category } }));

const queries: MangoQuery<ContactDoc>[] = RINGS.flatMap((ring) => CATEGORIES.map((category) => ({ selector: { ring, category }, sort: [{ ring: 'asc' }, { category: 'asc' }, { id: 'asc' }] }) as MangoQuery<ContactDoc>));

export async function runStorageBench(options: { contacts?: number; log?: (line: string) => void } = {}): Promise<Figure[]> {
  const count = options.contacts ?? 10_000;
  const log = options.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-bench-'));
  const { contacts } = generateSphere({ seed: 7, contacts: count });
  const docs = withMeta(contacts);
  const ids = contacts.map((c) => c.id);
  const prepare = (q: MangoQuery<ContactDoc>) => prepareQuery(schema, normalizeMangoQuery(schema, { ...q, selector: { ...q.selector, _deleted: { $eq: false } } as MangoQuery<ContactDoc>['selector'] }));
  const prepared = queries.map(prepare);
  const queryAll = prepare(everyoneByName);
  const counts = fourCounts.map(prepare);
  const batchIds = Array.from({ length: Math.min(RXDB_FIND_BATCH, ids.length) }, (_, i) => ids[(i * 7919) % ids.length]!);
  log(`storage: ${count} contacts, ${prepared.length} ring × category queries`);

  let round = 0;
  const measure = async (storage: () => RxStorage<unknown, unknown>) => {
    const figures: Record<string, number> = {};
    // A fresh instance per run, so every insert lands in an empty collection.
    figures.insert = await time(5, async () => {
      const instance = await open(storage(), `bench${round++}`);
      await instance.bulkWrite(docs.map((document) => ({ document })), 'bench');
      // The memory storage defers its index work to the next read: count it, as a user's first query would.
      await instance.count(prepared[0]!);
      await instance.close();
    });
    const instance = await open(storage(), `bench${round++}`);
    await instance.bulkWrite(docs.map((document) => ({ document })), 'bench');
    figures.findByIds = await time(9, async () => {
      const found = await instance.findDocumentsById(batchIds, false);
      if (found.length !== new Set(batchIds).size) throw new Error(`found ${found.length} of ${batchIds.length} ids`);
    }, 5);
    figures.queryAll = await time(9, async () => {
      const { documents } = await instance.query(queryAll);
      if (documents.length !== count) throw new Error(`query returned ${documents.length} of ${count} contacts`);
    }, 3);
    figures.count4 = await time(9, () => Promise.all(counts.map((q) => instance.count(q))), 20);
    const picks = Array.from({ length: 1000 }, (_, i) => ids[(i * 7919) % ids.length]!);
    figures.findById = await time(7, async () => {
      for (const id of picks) await instance.findDocumentsById([id], false);
    }, 10);
    figures.query = await time(7, async () => {
      for (const q of prepared) await instance.query(q);
    }, 20);
    figures.count = await time(7, async () => {
      for (const q of prepared) await instance.count(q);
    }, 100);
    figures.changesSince = await time(5, async () => {
      let checkpoint: unknown;
      for (;;) {
        // RxDB's helper: our storage answers natively, the memory storage through a query.
        const page = await getChangedDocumentsSince(instance, 500, checkpoint);
        if (page.documents.length === 0) break;
        checkpoint = page.checkpoint;
      }
    });
    await instance.close();
    return figures;
  };

  const memory = getRxStorageMemory();
  const peer = await measure(() => memory as RxStorage<unknown, unknown>);
  const ours = await measure(() => getRxStorageSqlite({ directory: dir }) as RxStorage<unknown, unknown>);

  // Raw better-sqlite3: the same JSON into a bare table in one transaction, with the same durability settings.
  let rawRound = 0;
  const raw = await time(5, () => {
    const db = new Database(path.join(dir, `raw${rawRound++}.db`));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE docs (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO docs (id, data) VALUES (?, ?)');
    db.transaction(() => {
      for (const doc of docs) insert.run(doc.id, JSON.stringify(doc));
    })();
    db.close();
  });
  fs.rmSync(dir, { recursive: true, force: true });

  // RxDB's published figures for its premium SQLite storage, as multiples of its memory storage.
  // They belong to RxDB's workload (above), so they stand beside those rows only.
  const reference: Record<string, number> = { insert: 28, findByIds: 5, queryAll: 7, count4: 7 };
  const labels: Record<string, string> = {
    insert: `bulk insert ${count}`,
    findByIds: `find ${batchIds.length} ids at once`,
    queryAll: `query all, by name index`,
    count4: 'count ×4 at once',
    findById: 'app: find by id ×1000', query: `app: ring×sector query ×${prepared.length}`, count: `app: count ×${prepared.length}`,
    changesSince: `changes since (pages of 500)`,
  };
  const figures: Figure[] = Object.keys(labels).map((key) => ({
    name: labels[key]!, ours: ours[key]!, peer: peer[key]!, peerName: 'rxdb memory', ratio: ours[key]! / peer[key]!, reference: reference[key],
  }));
  figures.push({ name: `bulk insert ${count}`, ours: ours.insert!, peer: raw, peerName: 'raw better-sqlite3', ratio: ours.insert! / raw });
  return figures;
}
