// Process: test and dev tool (Node). Issue 12's proof, repeatable: processes that write through the store code are
// SIGKILLed at random moments, and what they acknowledged must all be there, in files that pass SQLite's integrity
// check; processes killed while backing up must never leave a backup that is listed or offered and not whole.
// `npm run test:kills` runs the full counts (scripts/kill-trials.ts); test/electron/kill-trials.test.ts a few.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { BackupShelf, checkRestorable, readBackupCounts } from '../../electron/store/backups.ts';
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import { tableNameFor } from '../../electron/store/sqlite-keys.ts';
import { StoreService } from '../../electron/store/store-service.ts';
import { HOST_SECRET_FILE } from '../../electron/host/host-secret.ts';
import { COLLECTIONS } from '../../shared/schemas/index.ts';
import type { BackupCounts } from '../../shared/app-api.ts';
import { createInstance, personSchema, type Person } from '../electron/storage-fixtures.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const WRITER = path.join(root, 'test', 'electron', 'crash-writer.ts');
const BACKUP_RUNNER = path.join(root, 'test', 'electron', 'backup-runner.ts');
const HOST = path.join(root, 'scripts', 'host.ts');
/** Requests kept in flight on the host's socket, so that a kill finds writes under way, not an idle host. */
const IN_FLIGHT = 8;

export type WriteFigures = {
  kills: number;
  /** Documents whose write was acknowledged before a kill (to the writer's caller, or over the host's socket). */
  acknowledged: number;
  /** Acknowledged documents missing from the store after all the kills. */
  lost: number;
  /** Kills after which SQLite's integrity check did not answer "ok". */
  integrityFailures: number;
};

export type BackupFigures = {
  kills: number;
  /** Kills that landed while a backup was being copied (its unfinished file was left behind). */
  midBackup: number;
  /** Backups listed after the kills, each checked: integrity, Sphere's tables, and the store's exact counts. */
  listedChecked: number;
  /** Listed backups that were not whole: offered to the user and unfit to restore. Must be 0. */
  partialListed: number;
};

export type TrialOptions = { dir?: string; random?: () => number; log?: (line: string) => void };

export function trialDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `sphere-kills-${name}-`));
}

/**
 * (a) A child writes batches of 20 documents through the SQLite storage and prints each batch once bulkWrite has
 * resolved; it is killed after a random number of batches (plus a moment, so most kills land mid-batch). All runs
 * share one file, so each run also opens a store the previous one left killed.
 */
export async function writerTrials(kills: number, options: TrialOptions = {}): Promise<WriteFigures> {
  const dir = options.dir ?? trialDir('writer');
  const random = options.random ?? Math.random;
  const acknowledged: string[] = [];
  let integrityFailures = 0;
  for (let trial = 0; trial < kills; trial++) {
    const prefix = `t${trial}-`;
    const killAfter = 1 + Math.floor(random() * 40);
    const child = spawn(process.execPath, [WRITER, dir, prefix], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = -1;
    onLines(child, (line) => {
      const match = /^ack (\d+)$/.exec(line);
      if (!match) return;
      acked = Math.max(acked, Number(match[1]));
      if (acked + 1 === killAfter) setTimeout(() => child.kill('SIGKILL'), random() * 5);
    });
    await killedOrThrow(child, 'writer');
    for (let batch = 0; batch <= acked; batch++) for (let i = 0; i < 20; i++) acknowledged.push(`${prefix}w${batch}-${i}`);
    if (!integrityOk(path.join(dir, 'db.db'))) integrityFailures++;
    options.log?.(`writer kill ${trial + 1}/${kills}: ${(acked + 1) * 20} acknowledged`);
  }
  const instance = await createInstance<Person>(getRxStorageSqlite({ directory: dir }), personSchema);
  const found = await instance.findDocumentsById(acknowledged, false);
  await instance.close();
  return { kills, acknowledged: acknowledged.length, lost: acknowledged.length - found.length, integrityFailures };
}

/**
 * (b) The browser host (scripts/host.ts, as users run it) is started on one data folder, sent "add a contact"
 * commands over its WebSocket front door with several in flight, and killed after a random number of answers.
 * It is started again on the same folder for the next kill.
 */
export async function hostTrials(kills: number, options: TrialOptions = {}): Promise<WriteFigures> {
  const dir = options.dir ?? trialDir('host');
  const random = options.random ?? Math.random;
  const acknowledged: string[] = [];
  let integrityFailures = 0;
  for (let trial = 0; trial < kills; trial++) {
    const child = spawn(process.execPath, [HOST, '--port', '0', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = killedOrThrow(child, 'browser host');
    const url = await new Promise<string>((resolve, reject) => {
      onLines(child, (line) => {
        const match = /Sphere is running at (\S+)/.exec(line);
        if (match) resolve(match[1]!);
      });
      closed.then(() => reject(new Error('the browser host ended before it served')), reject);
    });
    const ws = await frontDoor(Number(new URL(url).port), dir);
    const killAfter = 1 + Math.floor(random() * 120);
    let answers = 0;
    let next = 0;
    let failure: string | null = null;
    const send = () => {
      const id = next++;
      const contact = { name: `Killed ${trial}-${id}`, category: 'friends', ring: 'know', emails: [], phones: [] };
      ws.send(JSON.stringify({ t: 'api', id, name: 'command.run', args: { type: 'contact.add', contact } }));
    };
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { t: string; ok?: boolean; result?: { createdId?: string }; error?: string };
      if (frame.t !== 'api') return;
      if (!frame.ok || !frame.result?.createdId) {
        failure ??= frame.error ?? 'an answer without the created contact';
        child.kill('SIGKILL');
        return;
      }
      acknowledged.push(frame.result.createdId);
      answers++;
      if (answers === killAfter) child.kill('SIGKILL');
      else if (answers < killAfter) send();
    });
    // The host's death closes the socket under us; that is the point.
    ws.on('error', () => {});
    for (let i = 0; i < IN_FLIGHT; i++) send();
    await closed;
    ws.terminate();
    if (failure) throw new Error(`the browser host refused a write: ${failure}`);
    if (!integrityOk(path.join(dir, 'sphere.db'))) integrityFailures++;
    options.log?.(`host kill ${trial + 1}/${kills}: ${answers} acknowledged`);
  }
  const db = new Database(path.join(dir, 'sphere.db'), { readonly: true });
  const table = tableNameFor('contacts', COLLECTIONS.contacts.schema.version);
  const stored = new Set(db.prepare(`SELECT id FROM "${table}" WHERE deleted = 0`).pluck().all() as string[]);
  db.close();
  const lost = acknowledged.filter((id) => !stored.has(id)).length;
  return { kills, acknowledged: acknowledged.length, lost, integrityFailures };
}

/**
 * (c) A child opens a store holding a sample sphere and backs it up in a loop; it is killed at a random moment
 * within a random backup (a random share of the time backups have taken so far). After each kill, every backup
 * the folder lists is checked as a restore would check it, and must hold exactly the store's counts.
 */
export async function backupTrials(kills: number, options: TrialOptions & { contacts?: number } = {}): Promise<BackupFigures> {
  const dir = options.dir ?? trialDir('backup');
  const random = options.random ?? Math.random;
  const expected = await sampleStore(dir, options.contacts ?? 1500);
  const shelf = new BackupShelf(path.join(dir, 'backups'));
  const durations: number[] = [];
  let midBackup = 0;
  let listedChecked = 0;
  let partialListed = 0;
  for (let trial = 0; trial < kills; trial++) {
    const child = spawn(process.execPath, [BACKUP_RUNNER, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const killAtStart = 1 + Math.floor(random() * 3);
    let starts = 0;
    let startedAt = 0;
    onLines(child, (line) => {
      if (line === 'start') {
        starts++;
        startedAt = performance.now();
        const typical = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : 50;
        if (starts === killAtStart) setTimeout(() => child.kill('SIGKILL'), random() * typical * 1.2);
      } else if (line.startsWith('done ')) durations.push(performance.now() - startedAt);
    });
    await killedOrThrow(child, 'backup runner');
    if (fs.readdirSync(shelf.dir).some((name) => name.endsWith('.partial'))) midBackup++;
    for (const backup of shelf.list()) {
      listedChecked++;
      let counts: BackupCounts | null;
      try {
        counts = checkRestorable(path.join(shelf.dir, backup.name));
      } catch {
        counts = null;
      }
      if (!counts || JSON.stringify(counts) !== JSON.stringify(expected) || JSON.stringify(backup.counts) !== JSON.stringify(expected)) partialListed++;
    }
    options.log?.(`backup kill ${trial + 1}/${kills}: ${shelf.list().length} listed`);
  }
  return { kills, midBackup, listedChecked, partialListed };
}

/** A store holding the sample sphere, closed again; returns what a whole backup of it must hold. */
async function sampleStore(dir: string, contacts: number): Promise<BackupCounts> {
  const store = new StoreService(dir);
  try {
    await store.ready();
    await store.commands.run({ type: 'sample.load', size: contacts });
  } finally {
    store.close();
  }
  return readBackupCounts(path.join(dir, 'sphere.db'));
}

/**
 * A socket to the host as its own page has one. The credential is the folder's secret (a 0600 file the same user
 * can read), presented both ways the host has accepted it: as the channel's query parameter, and as the page's
 * session cookie (`sphere-session-PORT`), so the trials hold whichever the host expects.
 */
async function frontDoor(port: number, dataDir: string): Promise<WebSocket> {
  const secret = fs.readFileSync(path.join(dataDir, HOST_SECRET_FILE), 'utf8').trim();
  const ws = new WebSocket(`ws://127.0.0.1:${port}/channel?secret=${encodeURIComponent(secret)}`, {
    origin: `http://127.0.0.1:${port}`,
    headers: { Cookie: `sphere-session-${port}=${secret}` },
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`the host refused the socket: HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  return ws;
}

/** Read-only, so the check changes nothing the next launch will find (no checkpoint, no WAL removed). */
function integrityOk(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } finally {
    db.close();
  }
}

function onLines(child: ChildProcess, listener: (line: string) => void): void {
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) listener(line);
  });
}

/** Resolves once the child is gone and its output read; a child that ended any other way than our kill is a failure. */
function killedOrThrow(child: ChildProcess, what: string): Promise<void> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`the ${what} ended by itself (code ${code}): ${stderr}`));
    });
  });
}
