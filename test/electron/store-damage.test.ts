// Process: test (Node). A damaged, foreign-versioned, read-only or locked store never costs data: real SQLite files,
// with their write-ahead logs as a crash leaves them, opened by the store service as a host opens them at launch.
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fillWithDefaultSettings } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { StoreService } from '../../electron/store/store-service.ts';
import { tableNameFor } from '../../electron/store/sqlite-keys.ts';
import { COLLECTIONS, type ContactDoc } from '../../shared/schemas/index.ts';
import type { StoreStatus } from '../../shared/app-api.ts';
import { createInstance, insertRow, tempDir } from './storage-fixtures.ts';
import { contact } from '../support/contact-fixture.ts';

const contactSchema = fillWithDefaultSettings(COLLECTIONS.contacts.schema);
const CONTACTS = tableNameFor('contacts', COLLECTIONS.contacts.schema.version);
const COMPANIONS = ['', '-wal', '-shm'];

async function writeContacts(store: StoreService, docs: ContactDoc[]): Promise<void> {
  const instance = await createInstance<ContactDoc>(store.current.raw, contactSchema, 'contacts', 'sphere');
  await instance.bulkWrite(docs.map((doc) => insertRow(doc)), 'test');
  await instance.close();
}

async function readContacts(store: StoreService): Promise<{ changed: string[]; queried: string[] }> {
  const instance = await createInstance<ContactDoc>(store.current.storage, contactSchema, 'contacts', 'sphere');
  const changed = (await instance.getChangedDocumentsSince!(10_000)).documents.map((d) => d.id).sort();
  const query = { selector: {}, sort: [{ id: 'asc' as const }], skip: 0 };
  const { queryPlan } = await import('rxdb').then(({ getQueryPlan }) => ({ queryPlan: getQueryPlan(contactSchema, query) }));
  const queried = (await instance.query({ query, queryPlan })).documents.map((d) => d.id);
  await instance.close();
  return { changed, queried };
}

const people = (n: number) => Array.from({ length: n }, (_, i) => contact(`c${String(i).padStart(4, '0')}`, { name: `Person ${i}` }));

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * A data folder as a crash leaves it: the store's last writes still in its write-ahead log. The files are copied
 * while the writer holds them open between two writes (what a SIGKILL would leave on disk), with automatic
 * checkpoints off so the log keeps everything written after the first open.
 */
async function crashedStore(name: string, count: number, before?: (db: Database.Database) => void): Promise<string> {
  const live = tempDir(`${name}-live`);
  const store = new StoreService(live);
  await store.ready();
  const db = new Database(store.file);
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
  await writeContacts(store, people(count));
  before?.(db);
  const crashed = tempDir(name);
  for (const suffix of COMPANIONS) if (fs.existsSync(store.file + suffix)) fs.copyFileSync(store.file + suffix, path.join(crashed, `sphere.db${suffix}`));
  db.close();
  store.close();
  return crashed;
}

function hashes(dataDir: string, base: string): Record<string, string | null> {
  return Object.fromEntries(COMPANIONS.map((s) => [s || 'db', fs.existsSync(path.join(dataDir, base + s)) ? sha256(path.join(dataDir, base + s)) : null]));
}

describe('a damaged store never costs data', () => {
  it('sets an empty sphere.db aside together with the log that holds its data, byte for byte', async () => {
    const dataDir = await crashedStore('empty-db', 350);
    const wal = path.join(dataDir, 'sphere.db-wal');
    expect(fs.statSync(wal).size).toBeGreaterThan(100_000);
    fs.truncateSync(path.join(dataDir, 'sphere.db'), 0);
    const found = hashes(dataDir, 'sphere.db');

    const store = new StoreService(dataDir);
    await store.ready();
    const { problem } = store.status();
    expect(problem?.reason).toMatch(/sphere\.db is empty, but its write-ahead log holds \d+ bytes/);
    expect(problem?.setAsideAs).toMatch(/^sphere\.db\.unreadable-/);
    // The log went with its file, unchanged: nothing was deleted or replayed into a fresh store.
    expect(hashes(dataDir, problem!.setAsideAs)).toEqual(found);
    // The data really is in what was kept: every contact's stored JSON is in the log's pages.
    const log = fs.readFileSync(path.join(dataDir, `${problem!.setAsideAs}-wal`), 'latin1');
    expect(people(350).filter((p) => log.includes(`"name":"${p.name}"`)).length).toBe(350);
    // And the fresh store starts empty beside it.
    expect((await readContacts(store)).changed).toEqual([]);
    store.close();
  });

  it('sets a store from a newer version aside without checkpointing its log first', async () => {
    const dataDir = await crashedStore('newer', 200, (db) => db.pragma('user_version = 99'));
    expect(fs.statSync(path.join(dataDir, 'sphere.db-wal')).size).toBeGreaterThan(0);
    const found = hashes(dataDir, 'sphere.db');
    expect(found['-shm']).not.toBeNull();

    const store = new StoreService(dataDir);
    await store.ready();
    const { problem } = store.status();
    expect(problem?.reason).toMatch(/newer Sphere \(store format 99/);
    // Each of the three files as it was found: the version's data is still in the log, not folded into the file.
    expect(hashes(dataDir, problem!.setAsideAs)).toEqual(found);
    store.close();
  });

  it('skips one contact whose JSON is damaged, shows every other one, reports it and keeps it untouched', async () => {
    const dataDir = tempDir('damaged-json');
    const first = new StoreService(dataDir);
    await first.ready();
    await writeContacts(first, people(5));
    first.close();
    const db = new Database(path.join(dataDir, 'sphere.db'));
    db.prepare(`UPDATE "${CONTACTS}" SET data = substr(data, 1, 20) WHERE id = 'c0002'`).run();
    // It passes SQLite's own check: only the document is damaged, not the file.
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    const damaged = db.prepare(`SELECT data FROM "${CONTACTS}" WHERE id = 'c0002'`).pluck().get() as string;
    db.close();

    const store = new StoreService(dataDir);
    await store.ready();
    expect(store.status().problem).toBeNull();
    expect(store.status().unreadable).toEqual([{ collection: 'contacts', count: 1 }]);
    expect(await readContacts(store)).toEqual({ changed: ['c0000', 'c0001', 'c0003', 'c0004'], queried: ['c0000', 'c0001', 'c0003', 'c0004'] });
    // The opening picture (its own reader) leaves it out too rather than failing.
    expect((await store.openingPicture())?.size.length ?? 0).toBe(4);
    store.close();
    const after = new Database(path.join(dataDir, 'sphere.db'), { readonly: true });
    expect(after.prepare(`SELECT data FROM "${CONTACTS}" WHERE id = 'c0002'`).pluck().get()).toBe(damaged);
    after.close();
  });

  it('keeps the "store was set aside" problem across launches until the user dismisses it', async () => {
    const dataDir = tempDir('problem-kept');
    fs.writeFileSync(path.join(dataDir, 'sphere.db'), Buffer.from('SQLite format 3\0'.padEnd(4096, '\u0001')));
    const first = new StoreService(dataDir);
    const problem = first.status().problem;
    expect(problem?.setAsideAs).toMatch(/^sphere\.db\.unreadable-/);
    first.close();

    const second = new StoreService(dataDir);
    expect(second.status().problem).toEqual(problem);
    expect(fs.statSync(path.join(dataDir, 'store-problem.json')).mode & 0o777).toBe(0o600);
    expect(second.dismissProblem().problem).toBeNull();
    second.close();

    const third = new StoreService(dataDir);
    expect(third.status().problem).toBeNull();
    third.close();
  });

  it('leaves a locked store where it is, opens a copy read-only, says why, and refuses to write', async () => {
    const dataDir = tempDir('locked');
    const first = new StoreService(dataDir);
    await first.ready();
    await writeContacts(first, people(3));
    first.close();
    // Another program holds the file exclusively (SQLite's exclusive locking mode, after a write).
    const other = new Database(path.join(dataDir, 'sphere.db'));
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE; CREATE TABLE other_program (x); COMMIT;');
    const found = hashes(dataDir, 'sphere.db');
    try {
      const store = new StoreService(dataDir);
      await store.ready();
      expect(store.status().problem).toBeNull();
      expect(store.status().readOnly).toMatch(/sphere\.db is locked by another program/);
      expect((await readContacts(store)).changed).toEqual(['c0000', 'c0001', 'c0002']);
      await expect(store.commands.run({ type: 'contact.update', contactId: 'c0000', changes: { name: 'X' } })).rejects.toThrow(/locked by another program/);
      const instance = await createInstance<ContactDoc>(store.current.storage, contactSchema, 'contacts', 'sphere');
      await expect(instance.bulkWrite([insertRow(contact('new'))], 'test')).rejects.toThrow(/locked by another program/);
      await instance.close();
      store.close();
      expect(fs.readdirSync(dataDir).filter((n) => n.includes('unreadable'))).toEqual([]);
      expect(hashes(dataDir, 'sphere.db')).toEqual(found);
    } finally {
      other.close();
    }
  });
});

describe('a store Sphere may not write', () => {
  const root = process.getuid?.() === 0;
  /**
   * Root writes through any file mode, so as root the folder is made root's and readable by all, and the store
   * is opened by `nobody`; as anyone else, the modes alone make it read-only.
   */
  function openAs(dataDir: string): { status: StoreStatus; names: string[]; readError: string | null; writeError: string | null; commandError: string | null } {
    const child = spawnSync(process.execPath, [path.join(import.meta.dirname, 'store-as-user.ts'), dataDir], {
      encoding: 'utf8',
      ...(root ? { uid: 65534, gid: 65534 } : {}),
    });
    if (child.status !== 0) throw new Error(`store child failed (${child.status}): ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!);
  }

  async function storeWith(name: string, names: string[]): Promise<string> {
    const dataDir = tempDir(name);
    const store = new StoreService(dataDir);
    await store.ready();
    await writeContacts(store, names.map((n, i) => contact(i === 0 ? 'a' : `p${i}`, { name: n })));
    store.close();
    return dataDir;
  }

  it('opens a read-only data folder read-only, says why, refuses writes with that reason, and sets nothing aside', async () => {
    const dataDir = await storeWith('ro-folder', ['Ada', 'Grace']);
    const before = fs.readdirSync(dataDir).sort();
    const found = hashes(dataDir, 'sphere.db');
    if (root) {
      fs.chmodSync(dataDir, 0o755);
      for (const name of fs.readdirSync(dataDir)) fs.chmodSync(path.join(dataDir, name), fs.statSync(path.join(dataDir, name)).isDirectory() ? 0o755 : 0o644);
    } else fs.chmodSync(dataDir, 0o555);
    try {
      const seen = openAs(dataDir);
      expect(seen.status.readOnly).toMatch(/may not write sphere\.db or its folder/);
      expect(seen.status.problem).toBeNull();
      expect(seen.readError).toBeNull();
      expect(seen.names).toEqual(['Ada', 'Grace']);
      expect(seen.writeError).toMatch(/may not write sphere\.db/);
      expect(seen.commandError).toMatch(/may not write sphere\.db/);
      expect(fs.readdirSync(dataDir).sort()).toEqual(before);
      expect(hashes(dataDir, 'sphere.db')).toEqual(found);
    } finally {
      fs.chmodSync(dataDir, 0o700);
    }
  });

  it('opens a read-only sphere.db in a writable folder read-only, and sets nothing aside', async () => {
    const dataDir = await storeWith('ro-file', ['Ada']);
    const file = path.join(dataDir, 'sphere.db');
    const found = sha256(file);
    if (root) {
      // The folder is nobody's to write; the file stays root's, readable by all.
      fs.chownSync(dataDir, 65534, 65534);
      fs.chmodSync(dataDir, 0o755);
      fs.chmodSync(file, 0o644);
      if (fs.existsSync(path.join(dataDir, 'backups'))) fs.chownSync(path.join(dataDir, 'backups'), 65534, 65534);
    } else fs.chmodSync(file, 0o444);
    const seen = openAs(dataDir);
    expect(seen.status.readOnly).toMatch(/may not write sphere\.db/);
    expect(seen.names).toEqual(['Ada']);
    expect(seen.writeError).toMatch(/may not write sphere\.db/);
    expect(fs.readdirSync(dataDir).filter((n) => n.includes('unreadable'))).toEqual([]);
    expect(sha256(file)).toBe(found);
  });
});
