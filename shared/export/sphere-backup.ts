// Process: any (pure). The whole sphere as one versioned JSON file, and reading such a file back: every
// collection with the schema version its documents are at, so a later Sphere can migrate them and an older one
// knows to refuse them.
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { COLLECTIONS, type CollectionName } from '../schemas/index.ts';

export const BACKUP_FORMAT = 'sphere-backup';
/** The file's own layout; the documents' layout is each collection's schema version. */
export const BACKUP_FORMAT_VERSION = 1;

type Fields = Record<string, unknown>;

export type SphereBackup = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  exportedAt: number;
  collections: Record<string, { schemaVersion: number; docs: Fields[] }>;
};

/** A file that is not a backup this version can restore; the message says why, for the user. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** The collections a build declares (COLLECTIONS, or a test's own at other versions). */
export type BackupSpecs = Record<string, { schema: RxJsonSchema<never>; migrationStrategies: MigrationStrategies }>;

/**
 * Live documents of every collection, without RxDB's bookkeeping (`_rev`, `_meta`, `_deleted`), ordered by id so
 * two backups of the same sphere are the same file.
 */
export function makeBackup(docs: Partial<Record<CollectionName, readonly object[]>>, exportedAt: number, specs: BackupSpecs = COLLECTIONS as unknown as BackupSpecs): SphereBackup {
  const collections: SphereBackup['collections'] = {};
  for (const name of Object.keys(specs)) {
    const plain = (docs[name as CollectionName] ?? []).filter((doc) => (doc as Fields)._deleted !== true).map((doc) => withoutBookkeeping(doc as Fields));
    plain.sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
    collections[name] = { schemaVersion: specs[name]!.schema.version, docs: plain };
  }
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, exportedAt, collections };
}

export function backupText(backup: SphereBackup): string {
  return `${JSON.stringify(backup, null, 1)}\n`;
}

/**
 * The documents of a backup at this build's schema versions. Older collections are moved forward with the same
 * migration steps the store uses at launch (`migrationStrategies`, version by version; a step that returns null
 * drops the document, as RxDB's does). A backup from a newer Sphere is refused: this version would lose what it
 * does not know. Documents are checked against the schemas when they are written.
 */
export function readBackup(input: unknown, specs: BackupSpecs = COLLECTIONS as unknown as BackupSpecs): { exportedAt: number; docs: Record<string, Fields[]> } {
  if (!isRecord(input) || input.format !== BACKUP_FORMAT) throw new BackupError('This file is not a Sphere backup (its "format" is not "sphere-backup").');
  const formatVersion = input.formatVersion;
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) throw new BackupError('This backup has no valid format version.');
  if (formatVersion > BACKUP_FORMAT_VERSION) throw new BackupError(`This backup was made by a newer version of Sphere (backup format ${formatVersion}; this version reads up to ${BACKUP_FORMAT_VERSION}). Update Sphere to restore it.`);
  // A date only where it is one: the restore's label prints it, and an out-of-range time cannot be printed.
  const exportedAt = typeof input.exportedAt === 'number' && Number.isFinite(input.exportedAt) && input.exportedAt >= 0 && input.exportedAt <= 8.64e15 ? input.exportedAt : 0;
  if (!isRecord(input.collections)) throw new BackupError('This backup holds no collections.');
  const docs: Record<string, Fields[]> = {};
  for (const name of Object.keys(specs)) docs[name] = [];
  for (const [name, stored] of Object.entries(input.collections)) {
    const spec = specs[name];
    if (!spec) throw new BackupError(`This backup holds a collection this version does not know ("${name.slice(0, 40)}"): it was made by a newer version of Sphere.`);
    if (!isRecord(stored) || !Array.isArray(stored.docs)) throw new BackupError(`The ${name} in this backup are not a list of documents.`);
    const version = stored.schemaVersion;
    const current = spec.schema.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) throw new BackupError(`The ${name} in this backup have no valid schema version.`);
    if (version > current) throw new BackupError(`This backup was made by a newer version of Sphere (${name} at schema version ${version}; this version reads up to ${current}). Update Sphere to restore it.`);
    const seen = new Set<string>();
    for (const [i, doc] of stored.docs.entries()) {
      if (!isRecord(doc) || typeof doc.id !== 'string' || doc.id.length === 0) throw new BackupError(`${name} document ${i + 1} in this backup has no id.`);
      if (seen.has(doc.id)) throw new BackupError(`${name} document ${JSON.stringify(doc.id.slice(0, 64))} is in this backup twice.`);
      seen.add(doc.id);
      if (doc._deleted === true) continue;
      const migrated = migrate(name, withoutBookkeeping(doc), version, current, spec.migrationStrategies);
      if (migrated) docs[name]!.push(migrated);
    }
  }
  return { exportedAt, docs };
}

function migrate(collection: string, doc: Fields, from: number, to: number, strategies: MigrationStrategies): Fields | null {
  let current: Fields | null = doc;
  for (let version = from + 1; version <= to && current; version++) {
    const step = strategies[version];
    if (!step) throw new BackupError(`This version of Sphere cannot migrate ${collection} to schema version ${version}.`);
    let next: unknown;
    try {
      next = step(structuredClone(current), undefined as never);
    } catch (err) {
      throw new BackupError(`${collection} ${JSON.stringify(String(doc.id).slice(0, 64))} could not be migrated to schema version ${version}: ${(err as Error).message}`, { cause: err });
    }
    // A restore is one synchronous transaction; every step so far is a plain function of the old document.
    if (next instanceof Promise) throw new BackupError(`${collection} needs an asynchronous migration to schema version ${version}, which a restore cannot run.`);
    current = next === null ? null : (next as Fields);
  }
  return current;
}

function withoutBookkeeping(doc: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) out[key] = value;
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
