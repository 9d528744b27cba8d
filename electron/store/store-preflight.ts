// Process: main or browser host (Node). Looks at the store file before anything opens it for writing, and tells
// real damage (set the file aside, start fresh) from a store Sphere may not write (open it read-only) or cannot
// reach at all (say why, change nothing). It never writes to the store or its log: a read-only connection neither
// checkpoints nor deletes a write-ahead log. It may rebuild the -shm index, shared memory that a live writer could
// be using, so that is never written back; a file set aside gets its -shm as it was found instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Preflight =
  /** Nothing stands in the way of opening the file for writing (it may not exist yet). */
  | { state: 'writable' }
  /**
   * Readable, but this process may not write it or its folder. `snapshot`, when set, is a private copy to read
   * instead: SQLite cannot open a WAL store read-only in a folder where it may not make the -shm index.
   */
  | { state: 'readOnly'; reason: string; snapshot?: string }
  /** Damaged, foreign, from a newer Sphere, or a log without its store: to be set aside as it is. */
  | { state: 'setAside'; reason: string; shm: Buffer | null }
  /** Sphere cannot even read it (locked by another program, no permission): nothing is touched. */
  | { state: 'unavailable'; reason: string };

const LOCKED_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_SNAPSHOT', 'EBUSY']);
const PERMISSION_CODES = new Set(['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_AUTH', 'SQLITE_IOERR_SHMOPEN', 'SQLITE_READONLY_CANTINIT', 'SQLITE_READONLY_DIRECTORY', 'EACCES', 'EPERM', 'EROFS']);

/** The error code of a SQLite or file-system error, or '' (better-sqlite3 and node:fs both say `code`). */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** A failure that says nothing about the file's content: the file is locked, or this user may not use it. */
export function isAccessProblem(err: unknown): boolean {
  const code = errorCode(err);
  return LOCKED_CODES.has(code) || PERMISSION_CODES.has(code) || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_BUSY');
}

function isLocked(err: unknown): boolean {
  const code = errorCode(err);
  return LOCKED_CODES.has(code) || code.startsWith('SQLITE_BUSY');
}

/** Words for an access problem, naming the file and what the user can do. */
export function accessReason(file: string, err: unknown): string {
  const name = path.basename(file);
  const code = errorCode(err);
  if (isLocked(err)) return `${name} is locked by another program (${code}); close it and start Sphere again`;
  return `Sphere may not write ${name} or its folder (${code || (err as Error).message}); check the permissions of ${path.dirname(file)}`;
}

/**
 * `formatVersion` is the newest store format this build reads; `isForeign` says whether an open file's tables are
 * not Sphere's. Both are sqlite-storage's, passed in so that this module stays about files.
 */
export function preflightStore(file: string, checks: Checks, snapshotOf?: string): Preflight {
  const name = path.basename(file);
  const size = sizeOf(file);
  const walSize = sizeOf(`${file}-wal`);
  // -1: no file (yet).
  if (size <= 0 && walSize > 0) {
    // SQLite would take the empty file for a new store and throw the log away, and with it every write in it.
    return { state: 'setAside', reason: `${name} is empty, but its write-ahead log holds ${walSize} bytes of data`, shm: null };
  }
  if (size <= 0) return writable(file);
  const shm = readShm(file);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 2000 });
    // Reading the schema fails on a file that is not SQLite ("file is not a database").
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > checks.formatVersion) return { state: 'setAside', reason: `${name} was written by a newer Sphere (store format ${version}, this version reads up to ${checks.formatVersion})`, shm };
    if (version === 0 && checks.isForeign(db)) return { state: 'setAside', reason: `${name} is a SQLite file, but not a Sphere store`, shm };
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return { state: 'setAside', reason: `${name} is damaged (${String(check)})`, shm };
  } catch (err) {
    // Not readable in place (no -shm can be made beside it, or another program holds it locked): a copy is.
    if ((errorCode(err).startsWith('SQLITE_READONLY') || isLocked(err)) && !snapshotOf) return readFromSnapshot(file, checks, err);
    if (isAccessProblem(err)) return { state: 'unavailable', reason: accessReason(file, err) };
    return { state: 'setAside', reason: `${name} cannot be read: ${(err as Error).message}`, shm };
  } finally {
    db?.close();
  }
  return writable(file);
}

type Checks = { formatVersion: number; isForeign(db: Database.Database): boolean };

/**
 * A store that cannot be read in place (a folder this process may not write, or a file another program holds
 * locked; SQLite's locks are advisory, a copy is not stopped by them): copied, with its log, into a private
 * temporary folder, and checked there. A copy taken mid-write that fails the check is not used. The copy is what
 * the window reads (read-only); the user's files are only ever read.
 */
function readFromSnapshot(file: string, checks: Checks, err: unknown): Preflight {
  const reason = accessReason(file, err);
  let dir: string | undefined;
  try {
    // mkdtemp makes the folder 0700: the copy is as private as the user's own folder should be.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-read-only-'));
    const copy = path.join(dir, path.basename(file));
    for (const suffix of ['', '-wal']) if (sizeOf(file + suffix) > 0) fs.copyFileSync(file + suffix, copy + suffix);
    const found = preflightStore(copy, checks, file);
    if (found.state === 'writable' || found.state === 'readOnly') return { state: 'readOnly', reason, snapshot: copy };
    fs.rmSync(dir, { recursive: true, force: true });
    // Damaged, and nowhere to set it aside: nothing opens, and nothing is touched.
    return { state: 'unavailable', reason: `${found.reason.replace(path.basename(copy), path.basename(file))}, and ${reason}` };
  } catch (copyErr) {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    return { state: 'unavailable', reason: `${reason} (${(copyErr as Error).message})` };
  }
}

/** Readable and sound: whether this process may also write it (the file, and the folder its log lives in). */
function writable(file: string): Preflight {
  for (const at of [path.dirname(file), ...(fs.existsSync(file) ? [file] : [])]) {
    try {
      fs.accessSync(at, fs.constants.W_OK);
    } catch (err) {
      return { state: 'readOnly', reason: accessReason(at === file ? file : path.join(at, path.basename(file)), err) };
    }
  }
  return { state: 'writable' };
}

/**
 * Moves a store file and its companions to one new name, together, byte for byte: the log belongs to its file
 * and is worth nothing without it. `shm` is the -shm index as it was found. Returns the store file's new path.
 */
export function setAsideTogether(file: string, why: string, shm: Buffer | null = null): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.${why}-${stamp}`;
  // The log first: a crash between two renames must never leave a log beside a store it does not belong to.
  for (const suffix of ['-wal', '-journal', '']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  if (fs.existsSync(`${file}-shm`)) {
    fs.renameSync(`${file}-shm`, `${target}-shm`);
    if (shm) fs.writeFileSync(`${target}-shm`, shm);
  }
  return target;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}

function readShm(file: string): Buffer | null {
  try {
    return fs.readFileSync(`${file}-shm`);
  } catch {
    return null;
  }
}
