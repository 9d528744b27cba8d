// Process: test (Node). What is really in a store file, read with SQLite itself rather than through the app,
// found by collection name so the tests follow schema versions and table naming.
import path from 'node:path';
import Database from 'better-sqlite3';
import { COLLECTIONS, type CollectionName } from '../../shared/schemas/index.ts';
import { tableNameFor } from '../../electron/store/sqlite-keys.ts';

export function storedDocs<T>(dataDir: string, collection: CollectionName): T[] {
  const db = new Database(path.join(dataDir, 'sphere.db'), { readonly: true });
  try {
    const table = tableNameFor(collection, COLLECTIONS[collection].schema.version);
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (!exists) return [];
    return (db.prepare(`SELECT data FROM "${table}" WHERE deleted = 0`).pluck().all() as string[]).map((j) => JSON.parse(j) as T);
  } finally {
    db.close();
  }
}
