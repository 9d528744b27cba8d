// Process: main or browser host (Node). The user's store file: opening it safely, schema upgrades, backups, restore.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RxStorage } from 'rxdb';
import { COLLECTIONS, DATABASE_NAME } from '../../shared/schemas/index.ts';
import { BackupNameSchema, StoreProblemSchema, type Backup, type StoreProblem, type StoreStatus, type StoreUpgrade } from '../../shared/app-api.ts';
import { BackupShelf, checkRestorable, checkSound } from './backups.ts';
import { openingPictureMaker } from './opening-picture.ts';
import { insightsService, type InsightsRequest, type InsightsService } from './sphere-insights.ts';
import type { Insights } from '../../shared/insights/insights.ts';
import type { SpherePicture } from '../../shared/graph/sphere-picture.ts';
import { getRxStorageSqlite, hasForeignTables, STORE_FORMAT_VERSION, StoreAccessError, StoreOpenError, type RxStorageSqlite } from './sqlite-storage.ts';
import { accessReason, isAccessProblem, preflightStore, setAsideTogether } from './store-preflight.ts';
import { tableNameFor } from './sqlite-keys.ts';
import { CommandRunner } from './command-runner.ts';
import { wrappedBoundedStorage } from './bounded-storage.ts';
import { makePrivate, PRIVATE_DIR, PRIVATE_FILE } from './private-files.ts';
import { reasonOf, upgradeStoreFile, UpgradeError, versionGaps, versionGapsOfFile, type CollectionSpecs, type VersionGap } from './schema-upgrade.ts';

const STORE_FILE = `${DATABASE_NAME}.db`;
/** The "store was set aside" problem, kept until the user dismisses it: a relaunch must not forget it. */
const PROBLEM_FILE = 'store-problem.json';
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
  /** Where the insights' worker script is (they are then worked out off this thread); see sphere-insights.ts. */
  insightsWorker?: URL | string;
  /**
   * Milliseconds after warm() before the insights are worked out ahead (0: at once). The hosts wait a few seconds:
   * a window opening a big sphere meanwhile needs the machine's cores for itself more than the panel not yet opened.
   */
  insightsAheadAfterMs?: number;
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
  private readonly shelf: BackupShelf;
  private problem: StoreProblem | null = null;
  private generation: StoreGeneration;
  private readonly listeners = new Set<(generation: StoreGeneration) => void>();
  private readonly picture: ReturnType<typeof openingPictureMaker>;
  private insightsFor: InsightsService | undefined;
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
  /** Why the store may only be read (writes are refused with it), or null. */
  private readOnly: string | null = null;
  /** Why the store cannot be opened at all (locked, unreadable, nowhere to keep a damaged one), or null. */
  private unavailable: string | null = null;
  /** The file the store is read from: the store file, or a private copy of one that cannot be read in place. */
  private readPath: string;
  /** Live documents whose JSON is damaged, per collection, counted at launch and after a restore. */
  private unreadable: { collection: string; count: number }[] = [];

  constructor(dataDir: string, options: StoreServiceOptions = {}) {
    this.dataDir = path.resolve(dataDir);
    this.file = path.join(this.dataDir, STORE_FILE);
    this.workFile = `${this.file}.upgrading`;
    this.readPath = this.file;
    this.backupDir = path.join(this.dataDir, 'backups');
    this.options = options;
    this.commands = new CommandRunner(() => this.generation.raw, () => this.member() ?? this.deviceId(), {
      device: () => this.deviceId(),
      clock: options.clock,
      ready: async () => {
        await this.ready();
        return this.writeRefusal();
      },
    });
    this.collections = options.collections ?? COLLECTIONS;
    this.picture = openingPictureMaker(() => this.generation.raw, { worker: options.pictureWorker, file: this.file, log: options.log });
    try {
      fs.mkdirSync(this.backupDir, { recursive: true, mode: PRIVATE_DIR });
    } catch (err) {
      // A read-only data folder: the store may still be read (holdReadableStore finds out).
      options.log?.(`cannot make ${this.backupDir}: ${(err as Error).message}`);
    }
    this.shelf = new BackupShelf(this.backupDir);
    this.generation = this.newGeneration();
    const problem = this.holdReadableStore();
    if (problem) this.keepProblem(problem);
    this.problem = problem ?? this.keptProblem();
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

  /** Why windows cannot be given the store (it cannot be opened at all, or its upgrade failed), or null when they can. */
  refusal(): string | null {
    if (this.unavailable) return `${this.unavailable}. Nothing was changed.`;
    return this.upgrade?.state === 'failed' ? `Your sphere could not be upgraded to this version: ${this.upgrade.reason}` : null;
  }

  /** Why nothing may be written (the windows' refusal, or a read-only store), or null. */
  writeRefusal(): string | null {
    return this.refusal() ?? this.readOnly;
  }

  /**
   * Reads the store's documents into memory in the background, so the first window finds them parsed.
   * Started by the hosts right after launch; safe to skip, and it stops by itself if the store is closed.
   */
  async warm(): Promise<number> {
    await this.upgrading;
    if (this.upgrade || this.closed || this.unavailable) return 0;
    // In the order the window asks for them: the people first, the touches and deals that size them after.
    const read = await this.generation.raw.warm(DATABASE_NAME, { first: ['contacts', 'ties', 'touches', 'deals'] });
    // The window's first request: ready before it is asked for.
    await this.openingPicture();
    // And the Insights panel's first question, in the worker, which then has its code compiled and the ties'
    // centrality at hand for the next one.
    const ahead = () => {
      if (!this.closed) this.insightsServing().prepare(this.options.clock?.());
    };
    if (this.options.insightsAheadAfterMs) setTimeout(ahead, this.options.insightsAheadAfterMs).unref?.();
    else ahead();
    return read;
  }

  /** Every insight for a period, from the store; kept until the store changes. */
  async insights(request: InsightsRequest): Promise<Insights> {
    // Before an upgrade has finished the file holds older versions (or is about to be replaced).
    await this.upgrading;
    const refusal = this.refusal();
    if (refusal) throw new Error(refusal);
    return this.insightsServing().insights(request);
  }

  /** How many times the insights were worked out rather than answered from the last answer (tests). */
  get computedInsights(): number {
    return this.insightsFor?.computed ?? 0;
  }

  /** Made on first use, once launch has settled which file the store is read from. */
  private insightsServing(): InsightsService {
    return (this.insightsFor ??= insightsService(() => this.generation.raw, { worker: this.options.insightsWorker, file: this.readPath, log: this.options.log }));
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
    return { file: this.file, dataDir: this.dataDir, problem: this.problem, upgrade: this.upgrade, readOnly: this.readOnly, unreadable: this.unreadable };
  }

  dismissProblem(): StoreStatus {
    this.problem = null;
    this.forgetProblem();
    return this.status();
  }

  /** Newest first, each with what it holds (see backups.ts); only whole, checked backups carry a backup's name. */
  listBackups(): Backup[] {
    return this.shelf.list();
  }

  /** A consistent copy made with SQLite's online backup, safe while the app keeps writing. */
  async backupNow(): Promise<Backup> {
    const refusal = this.unavailable ?? this.readOnly;
    if (refusal) throw new Error(`No backup can be made now: ${refusal}`);
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
    this.shelf.countMade(partial, name);
    fs.renameSync(partial, target);
    syncFile(this.backupDir);
    this.shelf.prune({ keep: KEEP_BACKUPS, keepUpgrades: KEEP_UPGRADE_BACKUPS });
    const made = this.shelf.list().find((b) => b.name === name);
    if (!made) throw new Error(`backup ${name} vanished as it was made`);
    return made;
  }

  /** At launch: one backup a day is enough to undo a bad day without filling the disk. */
  async backupIfDue(now = Date.now()): Promise<Backup | null> {
    // Hosts await this before serving: it must not wait behind an upgrade, which makes its own backup first.
    await this.checked;
    // A store Sphere may not write, or cannot read, has no place to put a backup or nothing to copy.
    if (this.upgrade || this.readOnly || this.unavailable) return null;
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
    const refusal = this.unavailable ?? this.readOnly;
    if (refusal) throw new Error(`A backup cannot be restored now: ${refusal}`);
    const backup = path.join(this.backupDir, parsed);
    if (!fs.existsSync(backup)) throw new Error(`no backup named ${parsed}`);
    checkRestorable(backup);
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
    if (fs.existsSync(this.file)) setAsideTogether(this.file, 'before-restore');
    fs.renameSync(this.workFile, this.file);
    syncFolder(this.dataDir);
    this.problem = null;
    this.forgetProblem();
    this.upgrade = null;
    this.serving = true;
    this.generation = this.newGeneration();
    this.generation.raw.hold(DATABASE_NAME);
    this.unreadable = this.countUnreadable();
    this.commands.reset();
    for (const listener of this.listeners) listener(this.generation);
    this.insightsFor?.prepare(this.options.clock?.());
    return this.status();
  }

  close(): void {
    this.closed = true;
    this.picture.close();
    this.insightsFor?.close();
    this.generation.raw.closeAll();
    // A private copy read in place of a store in a read-only folder (store-preflight.ts) goes with the host.
    if (this.readPath !== this.file) fs.rmSync(path.dirname(this.readPath), { recursive: true, force: true });
  }

  /**
   * At launch, before any window is served: when a collection is stored at an older schema version, a backup is
   * made, a copy of the store is migrated and checked, and the copy then takes the store's place in one rename. A
   * failure or a crash at any point leaves the store file as it was; the next launch starts over from it.
   */
  private async upgradeAtLaunch(checked: () => void): Promise<void> {
    const log = this.options.log ?? (() => {});
    let backup: string | null = null;
    // Nothing to upgrade or serve: refusal() tells the windows why.
    if (this.unavailable) return checked();
    try {
      // What an interrupted attempt left behind is only ever a copy: an unfinished upgrade or backup. A read-only
      // folder keeps them (they cannot be removed, and are never offered).
      if (!this.readOnly) {
        removeStoreFile(this.workFile);
        this.shelf.removeUnfinished();
      }
      const gaps = await versionGaps(this.generation.raw, DATABASE_NAME, this.collections);
      if (gaps.length === 0 || this.closed) {
        if (!this.closed) this.unreadable = this.countUnreadable();
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
      this.unreadable = this.countUnreadable();
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
    // `checked`: every file this service opens was checked first (preflightStore, a restored backup's check, the
    // upgrade's own), and quick_check twice would double the cost of a launch.
    // Watched whatever the windows' RxDatabase says (multiInstance: false there means one window per database,
    // not one writer per file): the import command, a second host and sync commit to the same file.
    const raw = getRxStorageSqlite({ directory: this.dataDir, fileFor: () => this.readPath, watchOtherConnections: true, readOnly: this.readOnly ?? undefined, checked: true });
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
   * Opens the store once, checked, and keeps it open for the host's lifetime. Only real damage (a file SQLite
   * cannot read, a foreign or newer store, a log without its store) sets the file aside, byte for byte, with its
   * log, and starts a fresh one; a file Sphere may not write is opened read-only, and one it cannot reach at all
   * (a lock, permissions) is left alone and refused with the reason. Returns the problem to tell the user, if any.
   */
  private holdReadableStore(): StoreProblem | null {
    const found = preflightStore(this.file, { formatVersion: STORE_FORMAT_VERSION, isForeign: hasForeignTables });
    if (found.state === 'unavailable') {
      this.unavailable = found.reason;
      return null;
    }
    if (found.state === 'setAside') return this.setAsideAndStartFresh(found.reason, found.shm);
    if (found.state === 'readOnly') {
      if (found.snapshot) this.readPath = found.snapshot;
      return this.holdReadOnly(found.reason);
    }
    try {
      this.generation.raw.hold(DATABASE_NAME);
      return null;
    } catch (err) {
      this.generation.raw.closeAll();
      if (err instanceof StoreAccessError) return this.holdReadOnly(err.message);
      if (!(err instanceof StoreOpenError)) throw err;
      return this.setAsideAndStartFresh(err.message, null);
    }
  }

  private holdReadOnly(reason: string): null {
    this.readOnly = reason;
    this.options.log?.(`store opened read-only: ${reason}`);
    this.generation = this.newGeneration();
    try {
      this.generation.raw.hold(DATABASE_NAME);
    } catch (err) {
      this.generation.raw.closeAll();
      this.readOnly = null;
      this.unavailable = err instanceof Error ? err.message : String(err);
    }
    return null;
  }

  private setAsideAndStartFresh(reason: string, shm: Buffer | null): StoreProblem | null {
    let setAsideAs: string;
    try {
      setAsideAs = setAsideTogether(this.file, 'unreadable', shm);
    } catch (err) {
      // Nowhere to keep it (a read-only folder): the file stays where it is, untouched, and nothing opens.
      this.unavailable = `${reason}, and it could not be kept aside to start afresh (${isAccessProblem(err) ? accessReason(this.file, err) : (err as Error).message})`;
      return null;
    }
    this.options.log?.(`store set aside as ${path.basename(setAsideAs)}: ${reason}`);
    syncFolder(this.dataDir);
    this.generation = this.newGeneration();
    this.generation.raw.hold(DATABASE_NAME);
    return { reason, setAsideAs: path.basename(setAsideAs), at: Date.now() };
  }

  /** Writes the problem beside the store, readable by the user only, so that the next launch still shows it. */
  private keepProblem(problem: StoreProblem): void {
    const file = path.join(this.dataDir, PROBLEM_FILE);
    try {
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(problem), { mode: PRIVATE_FILE });
      fs.renameSync(temp, file);
    } catch (err) {
      this.options.log?.(`could not keep the store problem in ${PROBLEM_FILE}: ${(err as Error).message}`);
    }
  }

  /** The problem an earlier launch kept and the user has not dismissed, or null. */
  private keptProblem(): StoreProblem | null {
    let text: string;
    try {
      text = fs.readFileSync(path.join(this.dataDir, PROBLEM_FILE), 'utf8');
    } catch {
      return null;
    }
    try {
      const parsed = StoreProblemSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private forgetProblem(): void {
    try {
      fs.rmSync(path.join(this.dataDir, PROBLEM_FILE), { force: true });
    } catch (err) {
      this.options.log?.(`could not remove ${PROBLEM_FILE}: ${(err as Error).message}`);
    }
  }

  /**
   * Live documents whose JSON SQLite finds invalid, per collection of this build. Every read skips them
   * (doc-cache.ts); the window says how many, and they stay in the file, untouched, for repair.
   */
  private countUnreadable(): { collection: string; count: number }[] {
    const db = new Database(this.readPath, { readonly: true, fileMustExist: true });
    try {
      const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
      const found: { collection: string; count: number }[] = [];
      for (const [collection, spec] of Object.entries(this.collections)) {
        const table = tableNameFor(collection, spec.schema.version);
        if (!tables.has(table)) continue;
        // json_valid only: asking json_type as well parses every document a second time (about 130 ms instead of
        // 50 for 20,000 contacts). Valid JSON that is not an object is still skipped by reads, just not counted.
        const count = db.prepare(`SELECT count(*) FROM "${table}" WHERE deleted = 0 AND NOT json_valid(data)`).pluck().get() as number;
        if (count > 0) found.push({ collection, count });
      }
      if (found.length > 0) this.options.log?.(`documents that could not be read, kept for repair: ${found.map((f) => `${f.count} ${f.collection}`).join(', ')}`);
      return found;
    } catch (err) {
      this.options.log?.(`could not count unreadable documents: ${(err as Error).message}`);
      return [];
    } finally {
      db.close();
    }
  }

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
