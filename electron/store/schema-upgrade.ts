// Process: main or browser host (Node). Moves a store file's collections to this build's schema versions with
// RxDB's own migration, run here in the host: windows only ever see today's schemas (the storage channel accepts
// nothing else), and a migration runs once, in one place, whatever the number of windows.
import path from 'node:path';
import Database from 'better-sqlite3';
import { addRxPlugin, createRxDatabase, getAllCollectionDocuments, INTERNAL_STORAGE_NAME, INTERNAL_STORE_SCHEMA, randomToken } from 'rxdb';
import type { InternalStoreDocType, MigrationStrategies, RxJsonSchema, RxStorage, RxStorageInstance } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { tableNameFor } from './sqlite-keys.ts';
import { getRxStorageSqlite } from './sqlite-storage.ts';

/** The collections a build declares (COLLECTIONS in shared/schemas, or a test's own). */
export type CollectionSpecs = Record<string, { schema: RxJsonSchema<never>; migrationStrategies: MigrationStrategies }>;

/** A collection stored at an older schema version than this build's. */
export type VersionGap = { collection: string; stored: number; current: number };

export type UpgradeProgress = { done: number; total: number };

/** A store this build cannot bring to its versions; the message is for the user. */
export class UpgradeError extends Error {
  override name = 'UpgradeError';
}

/**
 * Reads RxDB's own record of the collections in a store (its internal store's collection documents, which is what
 * RxDB's migrationNeeded() reads too) and says which are behind. Only reads. A collection stored at a newer version
 * than this build knows is refused: opening it would show it empty, as RxDB keeps each version in its own table.
 */
export async function versionGaps(storage: RxStorage<unknown, unknown>, databaseName: string, specs: CollectionSpecs): Promise<VersionGap[]> {
  const internal = (await storage.createStorageInstance({
    databaseInstanceToken: randomToken(10),
    databaseName,
    collectionName: INTERNAL_STORAGE_NAME,
    schema: INTERNAL_STORE_SCHEMA,
    options: {},
    multiInstance: false,
    devMode: false,
  })) as RxStorageInstance<InternalStoreDocType, unknown, unknown>;
  let stored;
  try {
    stored = await getAllCollectionDocuments(internal);
  } finally {
    await internal.close();
  }
  const gaps: VersionGap[] = [];
  for (const { data } of stored) {
    const spec = specs[data.name];
    if (!spec) continue;
    const current = spec.schema.version;
    if (data.version > current) {
      throw new UpgradeError(`it was written by a newer version of Sphere (${data.name} at schema version ${data.version}; this version reads up to ${current})`);
    }
    // RxDB starts from the oldest version when several are recorded (an interrupted earlier migration).
    const known = gaps.find((g) => g.collection === data.name);
    if (data.version < current && (!known || data.version < known.stored)) {
      if (known) known.stored = data.version;
      else gaps.push({ collection: data.name, stored: data.version, current });
    }
  }
  return gaps;
}

/** versionGaps of a store file the host does not hold (a copy being upgraded, a backup being restored). */
export async function versionGapsOfFile(file: string, databaseName: string, specs: CollectionSpecs): Promise<VersionGap[]> {
  const storage = getRxStorageSqlite({ directory: path.dirname(file), fileFor: () => file });
  try {
    return await versionGaps(storage, databaseName, specs);
  } finally {
    storage.closeAll();
  }
}

/**
 * Migrates a store file (the host gives it a copy, so a failure leaves the user's file as it was), then checks it
 * from scratch as the next launch would: nothing may still be behind.
 */
export async function upgradeStoreFile(
  file: string,
  databaseName: string,
  specs: CollectionSpecs,
  gaps: VersionGap[],
  options: { batchSize?: number; onProgress?: (progress: UpgradeProgress) => void } = {},
): Promise<void> {
  await migrateStoreFile(file, databaseName, specs, gaps, options);
  const left = await versionGapsOfFile(file, databaseName, specs);
  if (left.length > 0) throw new UpgradeError(`${left.map((g) => g.collection).join(', ')} still at an older version after migrating`);
}

let pluginAdded = false;

/**
 * Runs RxDB's migration for each collection behind, one after another, on the store file `file`. Documents are
 * validated against the new schema as they are written. Throws UpgradeError naming the collection and what went wrong.
 */
async function migrateStoreFile(
  file: string,
  databaseName: string,
  specs: CollectionSpecs,
  gaps: VersionGap[],
  options: { batchSize?: number; onProgress?: (progress: UpgradeProgress) => void } = {},
): Promise<void> {
  if (!pluginAdded) {
    addRxPlugin(RxDBMigrationSchemaPlugin);
    pluginAdded = true;
  }
  const totals = countStored(file, gaps);
  const total = totals.reduce((sum, n) => sum + n, 0);
  const report = options.onProgress ?? (() => {});
  report({ done: 0, total });

  const storage = getRxStorageSqlite({ directory: path.dirname(file), fileFor: () => file });
  let db;
  try {
    // Under a name of its own: RxDB refuses two open databases of one name in a process, and the host may hold the
    // app's (sync). The file is given by fileFor, so the name changes nothing in it.
    db = await createRxDatabase({ name: `${databaseName}-upgrade`, storage: wrappedValidateAjvStorage({ storage }), multiInstance: false, eventReduce: false });
    const behind = Object.fromEntries(gaps.map((g) => [g.collection, { ...specs[g.collection]!, autoMigrate: false }]));
    await db.addCollections(behind as Parameters<typeof db.addCollections>[0]);
    let before = 0;
    for (const [i, gap] of gaps.entries()) {
      const state = db.collections[gap.collection]!.getMigrationState();
      const watch = state.$.subscribe((s) => report({ done: before + Math.min(s.count.handled, totals[i]!), total }));
      try {
        await state.migratePromise(options.batchSize);
      } catch (err) {
        throw new UpgradeError(`${gap.collection}: ${reasonOf(err)}`, { cause: err });
      } finally {
        watch.unsubscribe();
      }
      before += totals[i]!;
      report({ done: before, total });
    }
  } finally {
    await db?.close().catch(() => {});
    storage.closeAll();
  }
}

/** Documents to move, counted in the old versions' tables (this storage's own layout), for progress. */
function countStored(file: string, gaps: VersionGap[]): number[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    return gaps.map((g) => {
      const table = tableNameFor(g.collection, g.stored);
      return tables.has(table) ? (db.prepare(`SELECT COUNT(*) FROM "${table}" WHERE deleted = 0`).pluck().get() as number) : 0;
    });
  } finally {
    db.close();
  }
}

/**
 * A failure in words for the user. RxDB reports a failed migration as DM4 with the cause as plain JSON inside, sometimes several levels down
 * (a replication error around a write error around the strategy's own). The innermost message is the one that
 * says what was wrong.
 */
export function reasonOf(err: unknown): string {
  let reason = err instanceof Error ? err.message : String(err);
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (typeof record.message === 'string' && depth > 0) {
      // A schema validation error (ajv) says which field; its message alone does not.
      const field = typeof record.instancePath === 'string' ? record.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
      reason = field ? `${field} ${record.message}` : record.message;
    }
    for (const key of ['parameters', 'error', 'errors', 'writeError', 'validationErrors', 'cause']) {
      const inner = record[key];
      if (Array.isArray(inner)) inner.slice(0, 1).forEach((v) => visit(v, depth + 1));
      else visit(inner, depth + 1);
    }
  };
  visit(err, 0);
  // RxDB's messages start with a blank line and run on with hints: the first line that says something.
  const said = reason.split('\n').map((line) => line.trim()).find((line) => line.length > 0);
  return (said ?? 'unknown error').slice(0, 300);
}
