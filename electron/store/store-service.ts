// Process: main or browser host (Node). The user's store file: opening it safely, backups, restore.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { RxStorage } from 'rxdb';
import { DATABASE_NAME } from '../../shared/schemas/index.ts';
import { BackupNameSchema, type Backup, type StoreProblem, type StoreStatus } from '../../shared/app-api.ts';
import { openingPictureMaker } from './opening-picture.ts';
import type { SpherePicture } from '../../shared/graph/sphere-picture.ts';
import { getRxStorageSqlite, StoreOpenError, type RxStorageSqlite } from './sqlite-storage.ts';

const STORE_FILE = `${DATABASE_NAME}.db`;
const KEEP_BACKUPS = 10;
const DAY = 24 * 60 * 60 * 1000;

/** One opened store; a restore replaces it with a new generation. */
export type StoreGeneration = {
  /** The storage the channel exposes: writes are validated against the schema before they reach SQLite. */
  storage: RxStorage<unknown, unknown>;
  raw: RxStorageSqlite;
};

export class StoreService {
  readonly dataDir: string;
  readonly file: string;
  readonly backupDir: string;
  private problem: StoreProblem | null = null;
  private generation: StoreGeneration;
  private readonly listeners = new Set<(generation: StoreGeneration) => void>();
  private readonly picture: ReturnType<typeof openingPictureMaker>;

  /** `pictureWorker`: where the opening picture's worker script is (it then never blocks this thread); see opening-picture.ts. */
  constructor(dataDir: string, options: { pictureWorker?: URL | string; log?: (line: string) => void } = {}) {
    this.dataDir = path.resolve(dataDir);
    this.file = path.join(this.dataDir, STORE_FILE);
    this.backupDir = path.join(this.dataDir, 'backups');
    this.picture = openingPictureMaker(() => this.generation.raw, { worker: options.pictureWorker, file: this.file, log: options.log });
    fs.mkdirSync(this.backupDir, { recursive: true });
    this.generation = this.newGeneration();
    this.problem = this.holdReadableStore();
  }

  /**
   * Reads the store's documents into memory in the background, so the first window finds them parsed.
   * Started by the hosts right after launch; safe to skip, and it stops by itself if the store is closed.
   */
  async warm(): Promise<number> {
    // In the order the window asks for them: the people first, the touches and deals that size them after.
    const read = await this.generation.raw.warm(DATABASE_NAME, { first: ['contacts', 'ties', 'touches', 'deals'] });
    // The window's first request: ready before it is asked for.
    await this.openingPicture();
    return read;
  }

  /** The sphere as it stands, ready to paint (see opening-picture.ts); null when it has no contacts. */
  openingPicture(now = Date.now()): Promise<SpherePicture | null> {
    return this.picture.picture(now);
  }

  get current(): StoreGeneration {
    return this.generation;
  }

  /** Called with each new generation (after a restore), so transports can re-expose the storage. */
  onReplaced(listener: (generation: StoreGeneration) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): StoreStatus {
    return { file: this.file, dataDir: this.dataDir, problem: this.problem };
  }

  dismissProblem(): StoreStatus {
    this.problem = null;
    return this.status();
  }

  listBackups(): Backup[] {
    return fs
      .readdirSync(this.backupDir)
      .filter((name) => BackupNameSchema.safeParse(name).success)
      .map((name) => {
        const stat = fs.statSync(path.join(this.backupDir, name));
        return { name, at: stat.mtimeMs, bytes: stat.size };
      })
      .sort((a, b) => b.at - a.at);
  }

  /** A consistent copy made with SQLite's online backup, safe while the app keeps writing. */
  async backupNow(): Promise<Backup> {
    const name = `sphere-${new Date().toISOString().replace(/:/g, '-')}.db`;
    const target = path.join(this.backupDir, name);
    const source = new Database(this.file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
    this.pruneBackups();
    const stat = fs.statSync(target);
    return { name, at: stat.mtimeMs, bytes: stat.size };
  }

  /** At launch: one backup a day is enough to undo a bad day without filling the disk. */
  async backupIfDue(now = Date.now()): Promise<Backup | null> {
    const newest = this.listBackups()[0];
    if (newest && now - newest.at < DAY) return null;
    if (!fs.existsSync(this.file)) return null;
    return this.backupNow();
  }

  /**
   * Puts a backup in place of the current store. The current file is kept beside
   * it under a new name first, so a restore can itself be undone by hand.
   */
  async restoreBackup(name: string): Promise<StoreStatus> {
    const parsed = BackupNameSchema.parse(name);
    const backup = path.join(this.backupDir, parsed);
    if (!fs.existsSync(backup)) throw new Error(`no backup named ${parsed}`);
    checkReadable(backup);
    this.generation.raw.closeAll();
    if (fs.existsSync(this.file)) setAside(this.file, 'before-restore');
    fs.copyFileSync(backup, this.file);
    this.problem = null;
    this.generation = this.newGeneration();
    this.generation.raw.hold(DATABASE_NAME);
    for (const listener of this.listeners) listener(this.generation);
    return this.status();
  }

  close(): void {
    this.picture.close();
    this.generation.raw.closeAll();
  }

  private newGeneration(): StoreGeneration {
    const raw = getRxStorageSqlite({ directory: this.dataDir, fileFor: () => this.file });
    return { raw, storage: wrappedValidateAjvStorage({ storage: raw }) as RxStorage<unknown, unknown> };
  }

  /**
   * Opens the store once, checked, and keeps it open for the host's lifetime. Never deletes or overwrites an
   * unreadable file: it is moved aside and a fresh store starts.
   */
  private holdReadableStore(): StoreProblem | null {
    try {
      this.generation.raw.hold(DATABASE_NAME);
      return null;
    } catch (err) {
      if (!(err instanceof StoreOpenError)) throw err;
      const setAsideAs = setAside(this.file, 'unreadable');
      this.generation = this.newGeneration();
      this.generation.raw.hold(DATABASE_NAME);
      return { reason: err.message, setAsideAs: path.basename(setAsideAs), at: Date.now() };
    }
  }

  private pruneBackups(): void {
    for (const old of this.listBackups().slice(KEEP_BACKUPS)) fs.rmSync(path.join(this.backupDir, old.name));
  }
}

/** Moves a store file and its WAL companions to a new name that says why; returns the new path. */
function setAside(file: string, why: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.${why}-${stamp}`;
  fs.renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

function checkReadable(file: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (err) {
    throw new Error(`backup ${path.basename(file)} cannot be used: ${(err as Error).message}`, { cause: err });
  } finally {
    db?.close();
  }
}
