// Process: main or browser host (Node). The user's store file: opening it safely, schema upgrades, backups, restore.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RxStorage } from 'rxdb';
import { COLLECTIONS, DATABASE_NAME } from '../../shared/schemas/index.ts';
import { BackupNameSchema, isUpgradeBackup, type Backup, type StoreProblem, type StoreStatus, type StoreUpgrade } from '../../shared/app-api.ts';
import { openingPictureMaker } from './opening-picture.ts';
import type { SpherePicture } from '../../shared/graph/sphere-picture.ts';
import { getRxStorageSqlite, STORE_FORMAT_VERSION, StoreOpenError, type RxStorageSqlite } from './sqlite-storage.ts';
import { CommandRunner } from './command-runner.ts';
import { wrappedBoundedStorage } from './bounded-storage.ts';
import { makePrivate, PRIVATE_DIR, PRIVATE_FILE } from './private-files.ts';
import { reasonOf, upgradeStoreFile, UpgradeError, versionGaps, versionGapsOfFile, type CollectionSpecs, type VersionGap } from './schema-upgrade.ts';

const STORE_FILE = `${DATABASE_NAME}.db`;
const KEEP_BACKUPS = 10;
/**
 * Backups made before a schema upgrade are the only copies the previous version of Sphere can still open, so the
 * daily rotation never removes them; they come once per upgrading release, and the newest few are plenty.
 */
const KEEP_UPGRADE_BACKUPS = 3;
const DAY = 24 * 60 * 60 * 1000;

export type StoreServiceOptions = {
  /** Where progress and failures of an upgrade are told (the host's log). */
  log?: (line: string) => void;
  /** The collections this build declares; tests give other versions to see an upgrade happen. */
  collections?: CollectionSpecs;
  /** Documents per step of a migration (RxDB's default: 200). */
  batchSize?: number;
  /** Where the opening picture's worker script is (it then never blocks this thread); see opening-picture.ts. */
  pictureWorker?: URL | string;
  /** The wall clock commands and field stamps read (Date.now); tests set a device's clock wrong with it. */
  clock?: () => number;
};

/** One opened store; a restore replaces it with a new generation. */
export type StoreGeneration = {
  /** The storage the channel exposes: writes are checked against the schema and the size cap before they reach SQLite (bounded-storage.ts). */
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
  /** The domain commands the windows ask for, run against whichever store is current. */
  private author: { raw: RxStorageSqlite; id: string } | undefined;
  /** The signed-in team member, when there is one (set by the host core from sync). */
  private member: () => string | null = () => null;
  readonly commands: CommandRunner;
  private readonly options: StoreServiceOptions;
  private readonly collections: CollectionSpecs;
  /** A copy being upgraded; it replaces the store file only once it is whole. */
  private readonly workFile: string;
  private upgrade: StoreUpgrade | null = null;
  private upgrading: Promise<void>;
  /** Resolves once launch has read which collections are behind (quick), long before a migration ends. */
  private readonly checked: Promise<void>;
  private closed = false;
  /** Set once launch found the store at this build's versions or brought it there. */
  private serving = false;

  constructor(dataDir: string, options: StoreServiceOptions = {}) {
    this.dataDir = path.resolve(dataDir);
    this.file = path.join(this.dataDir, STORE_FILE);
    this.workFile = `${this.file}.upgrading`;
    this.backupDir = path.join(this.dataDir, 'backups');
    this.options = options;
    this.commands = new CommandRunner(() => this.generation.raw, () => this.member() ?? this.deviceId(), {
      device: () => this.deviceId(),
      clock: options.clock,
      ready: async () => {
        await this.ready();
        return this.refusal();
      },
    });
    this.collections = options.collections ?? COLLECTIONS;
    this.picture = openingPictureMaker(() => this.generation.raw, { worker: options.pictureWorker, file: this.file, log: options.log });
    fs.mkdirSync(this.backupDir, { recursive: true, mode: PRIVATE_DIR });
    this.generation = this.newGeneration();
    this.problem = this.holdReadableStore();
    // After opening, so the store file and its WAL (which SQLite makes with the file's own mode) are covered too.
    makePrivate(this.dataDir, options.log);
    let checked!: () => void;
    this.checked = new Promise((resolve) => (checked = resolve));
    this.upgrading = this.upgradeAtLaunch(checked);
  }

  /**
   * Resolves once the store is at this build's schema versions, or the upgrade has failed (see refusal()). Nothing
   * that reads the store for a window (the storage channel, warm, the opening picture) goes ahead before it.
   */
  ready(): Promise<void> {
    return this.upgrading;
  }

  /** Why windows cannot be given the store (a failed upgrade), or null when they can. */
  refusal(): string | null {
    return this.upgrade?.state === 'failed' ? `Your sphere could not be upgraded to this version: ${this.upgrade.reason}` : null;
  }

  /**
   * Reads the store's documents into memory in the background, so the first window finds them parsed.
   * Started by the hosts right after launch; safe to skip, and it stops by itself if the store is closed.
   */
  async warm(): Promise<number> {
    await this.upgrading;
    if (this.upgrade || this.closed) return 0;
    // In the order the window asks for them: the people first, the touches and deals that size them after.
    const read = await this.generation.raw.warm(DATABASE_NAME, { first: ['contacts', 'ties', 'touches', 'deals'] });
    // The window's first request: ready before it is asked for.
    await this.openingPicture();
    return read;
  }

  /** The sphere as it stands, ready to paint (see opening-picture.ts); null when it has no contacts. */
  async openingPicture(now = Date.now()): Promise<SpherePicture | null> {
    // Before an upgrade has finished the file holds older versions (or is about to be replaced): no picture yet.
    if (!this.serving || this.upgrade) return null;
    return this.picture.picture(now);
  }

  /**
   * Who this device's edits are by, in every document's updatedBy: made once and kept in the store file, so
   * every change can be traced to a device (and, with sync, to the signed-in member).
   */
  deviceId(): string {
    const raw = this.generation.raw;
    if (this.author?.raw !== raw) this.author = { raw, id: raw.storedValue(DATABASE_NAME, 'deviceId', () => `device-${crypto.randomUUID()}`) };
    return this.author.id;
  }

  /** Edits are by this member from now on (signed in to a team), or by this device (null). */
  authorAs(member: () => string | null): void {
    this.member = member;
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
    return { file: this.file, dataDir: this.dataDir, problem: this.problem, upgrade: this.upgrade };
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
    // Not while an upgrade may swap the file.
    await this.upgrading;
    return this.backup('');
  }

  private async backup(suffix: '' | '-before-upgrade'): Promise<Backup> {
    const name = `sphere-${new Date().toISOString().replace(/:/g, '-')}${suffix}.db`;
    const target = path.join(this.backupDir, name);
    // Made under another name and renamed when whole: a crash mid-copy must not leave a listed, truncated backup.
    const partial = `${target}.partial`;
    const source = new Database(this.file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(partial);
    } finally {
      source.close();
    }
    fs.chmodSync(partial, PRIVATE_FILE);
    // On disk and sound before it gets a name that offers it for restoring: a crash or a bad copy never does.
    syncFile(partial);
    checkSound(partial);
    fs.renameSync(partial, target);
    syncFile(this.backupDir);
    this.pruneBackups();
    const stat = fs.statSync(target);
    return { name, at: stat.mtimeMs, bytes: stat.size };
  }

  /** At launch: one backup a day is enough to undo a bad day without filling the disk. */
  async backupIfDue(now = Date.now()): Promise<Backup | null> {
    // Hosts await this before serving: it must not wait behind an upgrade, which makes its own backup first.
    await this.checked;
    if (this.upgrade) return null;
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
    await this.upgrading;
    // A backup from before an upgrade holds older versions: it is upgraded as a copy first, and the current store
    // is only replaced once that worked.
    removeStoreFile(this.workFile);
    fs.copyFileSync(backup, this.workFile);
    const restoring = (async () => {
      const gaps = await versionGapsOfFile(this.workFile, DATABASE_NAME, this.collections);
      if (gaps.length > 0) await this.migrateWorkFile(gaps);
    })();
    this.upgrading = restoring.catch(() => {});
    // A failed restore leaves the store, and what is known of it, as they were.
    const upgradeBefore = this.upgrade;
    try {
      await restoring;
    } catch (err) {
      removeStoreFile(this.workFile);
      this.upgrade = upgradeBefore;
      throw new Error(`backup ${parsed} cannot be upgraded to this version: ${err instanceof UpgradeError ? err.message : reasonOf(err)}`, { cause: err });
    }
    this.generation.raw.closeAll();
    if (fs.existsSync(this.file)) setAside(this.file, 'before-restore');
    fs.renameSync(this.workFile, this.file);
    syncFolder(this.dataDir);
    this.problem = null;
    this.upgrade = null;
    this.serving = true;
    this.generation = this.newGeneration();
    this.generation.raw.hold(DATABASE_NAME);
    this.commands.reset();
    for (const listener of this.listeners) listener(this.generation);
    return this.status();
  }

  close(): void {
    this.closed = true;
    this.picture.close();
    this.generation.raw.closeAll();
  }

  /**
   * At launch, before any window is served: when a collection is stored at an older schema version, a backup is
   * made, a copy of the store is migrated and checked, and the copy then takes the store's place in one rename. A
   * failure or a crash at any point leaves the store file as it was; the next launch starts over from it.
   */
  private async upgradeAtLaunch(checked: () => void): Promise<void> {
    const log = this.options.log ?? (() => {});
    let backup: string | null = null;
    try {
      // What an interrupted attempt left behind is only ever a copy: an unfinished upgrade or backup.
      removeStoreFile(this.workFile);
      for (const name of fs.readdirSync(this.backupDir)) if (name.endsWith('.partial')) fs.rmSync(path.join(this.backupDir, name), { force: true });
      const gaps = await versionGaps(this.generation.raw, DATABASE_NAME, this.collections);
      if (gaps.length === 0 || this.closed) {
        this.serving = true;
        return;
      }
      const what = gaps.map((g) => `${g.collection} ${g.stored} -> ${g.current}`).join(', ');
      log(`schema upgrade: ${what}`);
      this.upgrade = { state: 'running', done: 0, total: 0 };
      checked();
      backup = (await this.backup('-before-upgrade')).name;
      log(`schema upgrade: backup ${backup} made`);
      fs.copyFileSync(path.join(this.backupDir, backup), this.workFile);
      await this.migrateWorkFile(gaps, log);
      if (this.closed) return removeStoreFile(this.workFile);
      this.swapInWorkFile();
      this.upgrade = null;
      this.serving = true;
      log(`schema upgrade: done (${what})`);
    } catch (err) {
      removeStoreFile(this.workFile);
      if (this.closed) return;
      const reason = err instanceof UpgradeError ? err.message : reasonOf(err);
      this.upgrade = { state: 'failed', reason, backup };
      log(`schema upgrade failed, the store is unchanged: ${reason}`);
    } finally {
      checked();
    }
  }

  /** Migrates the work file, telling status() (and the log, a line per tenth) how far it has got. */
  private async migrateWorkFile(gaps: VersionGap[], log: (line: string) => void = () => {}): Promise<void> {
    this.upgrade = { state: 'running', done: 0, total: 0 };
    let logged = 0;
    await upgradeStoreFile(this.workFile, DATABASE_NAME, this.collections, gaps, {
      batchSize: this.options.batchSize,
      onProgress: (progress) => {
        this.upgrade = { state: 'running', ...progress };
        if (progress.done === progress.total || progress.done - logged >= Math.max(1, progress.total / 10)) {
          logged = progress.done;
          log(`schema upgrade: ${progress.done} of ${progress.total} documents`);
        }
      },
    });
  }

  /** The upgraded copy replaces the store file; the held connection is closed first and reopened on the new file. */
  private swapInWorkFile(): void {
    this.generation.raw.closeAll();
    try {
      // A write-ahead log left beside the old file would be replayed into the new one.
      if (fs.existsSync(`${this.file}-wal`) && fs.statSync(`${this.file}-wal`).size > 0) {
        throw new UpgradeError(`${path.basename(this.file)} is open in another program`);
      }
      fs.rmSync(`${this.file}-shm`, { force: true });
      fs.renameSync(this.workFile, this.file);
      syncFolder(this.dataDir);
    } finally {
      this.generation.raw.hold(DATABASE_NAME);
    }
  }

  private newGeneration(): StoreGeneration {
    // Watched whatever the windows' RxDatabase says (multiInstance: false there means one window per database,
    // not one writer per file): the import command, a second host and sync commit to the same file.
    const raw = getRxStorageSqlite({ directory: this.dataDir, fileFor: () => this.file, watchOtherConnections: true });
    const validated = wrappedBoundedStorage({ storage: raw }) as RxStorage<unknown, unknown>;
    // Whoever opens the store through this storage (the channel, sync) gets it at this build's versions or not at all.
    const storage: RxStorage<unknown, unknown> = {
      name: validated.name,
      rxdbVersion: validated.rxdbVersion,
      createStorageInstance: async (params) => {
        await this.upgrading;
        const refusal = this.refusal();
        if (refusal) throw new Error(refusal);
        return validated.createStorageInstance(params);
      },
    };
    return { raw, storage };
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
    const backups = this.listBackups();
    const daily = backups.filter((b) => !isUpgradeBackup(b.name)).slice(KEEP_BACKUPS);
    const upgrades = backups.filter((b) => isUpgradeBackup(b.name)).slice(KEEP_UPGRADE_BACKUPS);
    for (const old of [...daily, ...upgrades]) fs.rmSync(path.join(this.backupDir, old.name));
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

/** Removes a store file and its WAL companions, if there. */
function removeStoreFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** Makes a rename in the folder durable (a power cut could otherwise bring the old name back). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not every platform can sync a folder (Windows); the rename itself is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Flushes a file (or a folder's entries, after a rename) to the disk. */
function syncFile(at: string): void {
  const fd = fs.openSync(at, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A copy SQLite reads without fault: what a backup must be before it is offered. */
function checkSound(file: string): void {
  checkReadable(file, false);
}

/** A backup worth restoring: SQLite's integrity check passes and it is a Sphere store this version can read. */
function checkReadable(file: string, mustBeSphere = true): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    if (!mustBeSphere) return;
    // Sphere marks its files with its store format; a foreign SQLite file (user_version 0) is not a sphere.
    const format = db.pragma('user_version', { simple: true }) as number;
    if (format < 1) throw new Error('it is not a Sphere store');
    if (format > STORE_FORMAT_VERSION) throw new Error(`it was written by a newer Sphere (store format ${format})`);
  } catch (err) {
    throw new Error(`backup ${path.basename(file)} cannot be used: ${(err as Error).message}`, { cause: err });
  } finally {
    db?.close();
  }
}
