// Process: main or browser host (Node). The backup folder: what a backup holds, which backups are offered, which are pruned.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BackupNameSchema, isUpgradeBackup, type Backup, type BackupCounts } from '../../shared/app-api.ts';
import { COMMIT_LOG_TABLE } from './commit-log.ts';
import { tablePrefixFor } from './sqlite-keys.ts';
import { STORE_FORMAT_VERSION } from './sqlite-storage.ts';

/** The collections a user recognises their sphere by: shown before a restore, so they know what they will get. */
const COUNTED = ['contacts', 'ties', 'touches', 'deals'] as const;

export type BackupRotation = {
  /** Daily and on-demand backups kept, newest first. */
  keep: number;
  /** Backups made before a schema upgrade kept (their own rotation: only they open in the previous version). */
  keepUpgrades: number;
};

/**
 * The live documents of each counted collection, read from the file read-only. A backup made before an upgrade
 * holds older schema versions, so the newest version's table of each collection is the one counted. Throws when
 * the file holds none of Sphere's tables.
 */
export function readBackupCounts(file: string): BackupCounts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    // Every Sphere store since format 3 has its commit log; older ones at least a documents table.
    if (!tables.some((t) => t === COMMIT_LOG_TABLE || t.startsWith('docs__'))) throw new Error('it holds none of Sphere\'s tables');
    const counts = {} as BackupCounts;
    // One read transaction: the four numbers describe the same moment.
    db.transaction(() => {
      for (const collection of COUNTED) {
        // A collection no window has opened yet has no table: none of it was ever stored.
        const table = newestTable(tables, collection);
        counts[collection] = table ? (db.prepare(`SELECT count(*) FROM "${table}" WHERE deleted = 0`).pluck().get() as number) : 0;
      }
    })();
    return counts;
  } finally {
    db.close();
  }
}

function newestTable(tables: string[], collection: string): string | undefined {
  const prefix = `${tablePrefixFor(collection)}v`;
  let best: { table: string; version: number } | undefined;
  for (const table of tables) {
    if (!table.startsWith(prefix)) continue;
    const version = Number(table.slice(prefix.length));
    if (Number.isInteger(version) && (!best || version > best.version)) best = { table, version };
  }
  return best?.table;
}

/**
 * A backup worth restoring: SQLite's integrity check passes, it is a Sphere store this version can read, and it
 * holds Sphere's tables. Throws with the reason, in words for the user.
 */
export function checkRestorable(file: string): BackupCounts {
  try {
    checkIntegrity(file, true);
    return readBackupCounts(file);
  } catch (err) {
    throw new Error(`backup ${path.basename(file)} cannot be used: ${(err as Error).message}`, { cause: err });
  }
}

/** A fresh copy SQLite reads without fault: what a backup must be before it gets a name that offers it. */
export function checkSound(file: string): void {
  try {
    checkIntegrity(file, false);
  } catch (err) {
    throw new Error(`backup ${path.basename(file)} cannot be used: ${(err as Error).message}`, { cause: err });
  }
}

function checkIntegrity(file: string, mustBeSphere: boolean): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    if (!mustBeSphere) return;
    // Sphere marks its files with its store format; a foreign SQLite file (user_version 0) is not a sphere.
    const format = db.pragma('user_version', { simple: true }) as number;
    if (format < 1) throw new Error('it is not a Sphere store');
    if (format > STORE_FORMAT_VERSION) throw new Error(`it was written by a newer Sphere (store format ${format})`);
  } finally {
    db.close();
  }
}

/**
 * The backups in one folder. Only files with a backup's name are offered: a backup is written under another
 * name and renamed once it is on disk and checked, so a crash mid-copy never leaves one. Counts are read once per
 * file (a backup never changes after its rename) and remembered.
 */
export class BackupShelf {
  readonly dir: string;
  /** By name: the size and time the counts were read at, so a file replaced under the same name is read again. */
  private readonly counted = new Map<string, { stamp: string; counts: BackupCounts | null }>();

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Newest first. A backup that cannot be read is listed with no counts, so the user sees it but cannot restore it. */
  list(): Backup[] {
    const backups: Backup[] = [];
    for (const name of this.names()) {
      if (!BackupNameSchema.safeParse(name).success) continue;
      let stat: fs.Stats;
      try {
        stat = fs.statSync(path.join(this.dir, name));
      } catch {
        continue; // Pruned by another host between the listing and here.
      }
      if (!stat.isFile()) continue;
      backups.push({ name, at: stat.mtimeMs, bytes: stat.size, counts: this.countsOf(name, stat) });
    }
    // Two backups in one millisecond keep their order by name, which carries the time to the millisecond.
    return backups.sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1));
  }

  /**
   * Removes backups past the rotation. The newest backup known to be good (it reads and holds contacts) is never
   * removed, whatever the rotation says: a sphere emptied by mistake (or by a compromised window) followed by a
   * run of backups must not push out the last copy that still held the people.
   */
  prune(rotation: BackupRotation): string[] {
    const backups = this.list();
    const newestGood = backups.find((b) => b.counts !== null && b.counts.contacts > 0);
    const daily = backups.filter((b) => !isUpgradeBackup(b.name)).slice(rotation.keep);
    const upgrades = backups.filter((b) => isUpgradeBackup(b.name)).slice(rotation.keepUpgrades);
    const removed: string[] = [];
    for (const old of [...daily, ...upgrades]) {
      if (old.name === newestGood?.name) continue;
      fs.rmSync(path.join(this.dir, old.name), { force: true });
      this.counted.delete(old.name);
      removed.push(old.name);
    }
    return removed;
  }

  /**
   * Counts a backup as it is made (from its unfinished copy, which is the same bytes), so a host that made it never
   * reads it again to list it: counting a 50 MB store takes a fifth of a second on the host's thread.
   */
  countMade(partial: string, name: string): void {
    let counts: BackupCounts | null;
    try {
      counts = readBackupCounts(partial);
    } catch {
      counts = null;
    }
    const stat = fs.statSync(partial);
    this.counted.set(name, { stamp: `${stat.size}:${stat.mtimeMs}`, counts });
  }

  /** What interrupted backups left: never named as backups, so never offered; removed at launch. */
  removeUnfinished(): void {
    for (const name of this.names()) {
      if (!name.endsWith('.partial')) continue;
      try {
        fs.rmSync(path.join(this.dir, name), { force: true });
      } catch {
        // A read-only data folder keeps it; it is never listed either way.
      }
    }
  }

  /** The folder's file names; none when it does not exist (a data folder Sphere could not write to make it). */
  private names(): string[] {
    try {
      return fs.readdirSync(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  private countsOf(name: string, stat: fs.Stats): BackupCounts | null {
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    const known = this.counted.get(name);
    if (known?.stamp === stamp) return known.counts;
    let counts: BackupCounts | null;
    try {
      counts = readBackupCounts(path.join(this.dir, name));
    } catch {
      counts = null;
    }
    this.counted.set(name, { stamp, counts });
    return counts;
  }
}
