// Process: test (Node). A host killed (SIGKILL) at any moment while it moves a store from format 3 to format 4
// (keys rewritten in one transaction, then VACUUM) leaves a file that is whole: at format 3 or 4, never between,
// and every document and query there once it is opened again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { normalizeMangoQuery, prepareQuery, type MangoQuery } from 'rxdb';
import { expect, it } from 'vitest';
import { encodeFormat2Key } from '../../electron/store/sqlite-keys.ts';
import { getRxStorageSqlite, STORE_FORMAT_VERSION } from '../../electron/store/sqlite-storage.ts';
import { rewriteKeys } from './old-key-formats.ts';
import { createInstance, insertRow, personSchema, tempDir, type Person } from './storage-fixtures.ts';

const CHILD = path.join(import.meta.dirname, 'open-store-child.ts');
const PEOPLE = 20_000;
const people: Person[] = Array.from({ length: PEOPLE }, (_, i) => ({ id: `p${String(i).padStart(5, '0')}`, name: `Person ${i % 997}`, age: i % 100, tags: [], ring: ['trust', 'like', 'know'][i % 3]!, active: i % 2 === 0 }));
const middleAged = prepareQuery(personSchema, normalizeMangoQuery(personSchema, { selector: { age: { $gte: 40, $lt: 60 } }, sort: [{ age: 'asc' }, { id: 'asc' }] } as MangoQuery<Person>));
const expectedMiddleAged = people.filter((p) => p.age >= 40 && p.age < 60).sort((a, b) => a.age - b.age || (a.id < b.id ? -1 : 1)).map((p) => p.id);
// Names with a space inside, so the name index's keys hold a run of spaces mid-key as well as the padding.
const namedBetween = prepareQuery(personSchema, normalizeMangoQuery(personSchema, { selector: { name: { $gte: 'Person 5', $lt: 'Person 6' } }, sort: [{ name: 'asc' }, { id: 'asc' }] } as MangoQuery<Person>));
const expectedNamedBetween = people.filter((p) => p.name >= 'Person 5' && p.name < 'Person 6').sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1)).map((p) => p.id);

/** Starts the child on `directory`; `killAfterMs` after it says "opening", SIGKILL. Resolves with how it ended. */
function openInChild(directory: string, killAfterMs?: number): Promise<{ killed: boolean; moveMs: number }> {
  const child = spawn(process.execPath, [CHILD, directory], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let started = 0;
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (!started && out.includes('opening')) {
      started = performance.now();
      if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    }
  });
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, moveMs: performance.now() - started });
      else if (code === 0 && out.includes('opened')) resolve({ killed: false, moveMs: performance.now() - started });
      else reject(new Error(`the child failed (${code}): ${err}`));
    });
  });
}

it('a host killed at any moment of the move to format 4 leaves a whole store, and nothing is lost', { timeout: 120_000 }, async () => {
  // A format 3 store: today's file with its keys rewritten in format 3's code.
  const template = tempDir('format3-template');
  const seed = await createInstance<Person>(getRxStorageSqlite({ directory: template }), personSchema);
  for (let i = 0; i < PEOPLE; i += 5000) await seed.bulkWrite(people.slice(i, i + 5000).map((p) => insertRow(p)), 'seed');
  await seed.close();
  const raw = new Database(path.join(template, 'db.db'));
  rewriteKeys(raw, encodeFormat2Key);
  raw.pragma('user_version = 3');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  const copy = (name: string) => {
    const dir = tempDir(name);
    for (const file of fs.readdirSync(template)) fs.cpSync(path.join(template, file), path.join(dir, file), { recursive: true });
    return dir;
  };

  // How long a whole move takes here, so that the kills fall across it.
  const whole = await openInChild(copy('format-move-whole'));
  expect(whole.killed).toBe(false);
  const versions: number[] = [];
  let killed = 0;
  // Sixteen moments spread over the whole move: opening, dropping indexes, rewriting, indexing, VACUUM.
  const fractions = Array.from({ length: 16 }, (_, i) => (i + 0.5) / 16);
  for (const fraction of fractions) {
    const dir = copy('format-move-kill');
    const run = await openInChild(dir, fraction * whole.moveMs);
    if (run.killed) killed++;
    // What the killed host left: sound, and at one format or the other.
    const left = new Database(path.join(dir, 'db.db'), { readonly: true });
    expect(left.pragma('integrity_check', { simple: true })).toBe('ok');
    const version = left.pragma('user_version', { simple: true }) as number;
    left.close();
    expect([3, STORE_FORMAT_VERSION]).toContain(version);
    versions.push(version);
    // Opened again (moved now if it was not yet): every person, and a range query over the moved keys. A cache of
    // ten documents sends the query to SQLite's indexes rather than to lists kept in memory.
    const again = await createInstance<Person>(getRxStorageSqlite({ directory: dir, heldDocuments: 10 }), personSchema);
    expect((await again.count(prepareQuery(personSchema, normalizeMangoQuery(personSchema, { selector: {} } as MangoQuery<Person>)))).count).toBe(PEOPLE);
    expect((await again.query(middleAged)).documents.map((d) => d.id)).toEqual(expectedMiddleAged);
    expect((await again.query(namedBetween)).documents.map((d) => d.id)).toEqual(expectedNamedBetween);
    await again.close();
    const check = new Database(path.join(dir, 'db.db'), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(STORE_FORMAT_VERSION);
    check.close();
  }
  // The kills did fall inside the move, not after it.
  expect(killed).toBeGreaterThan(0);
  console.log(`format move kills: ${killed} of ${fractions.length} killed mid-move (whole move ${whole.moveMs.toFixed(0)} ms); formats left: ${versions.join(', ')}`);
});
