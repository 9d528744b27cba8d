// Process: main or any Node host. The moves of a store file to a newer format: keys in format 2's code, a commit log
// and table names that never collide (format 3), keys without their padding (format 4).
import type Database from 'better-sqlite3';
import { COMMIT_LOG_DDL } from './commit-log.ts';
import { decodeFormat1Key, decodeFormat2Key, encodeFormat2Key, encodeIndexKey, format2TableOrigin, keyColumnsOf, tableNameFor } from './sqlite-keys.ts';

/**
 * Adds the commit log and gives each table the name `tableNameFor` now makes, in one transaction together with
 * the version bump: a crash leaves the format-2 file or the format-3 one. Today's collections (contacts, ties,
 * touches, deals, settings, _rxdb_internal) keep their names; those with other characters (RxDB's
 * `rx-migration-state-meta-…`) are renamed. SQLite cannot rename an index, so each key index is made again
 * under the table's new name (the migration would otherwise build a second copy of it at first use).
 */
export function migrateToFormat3(db: Database.Database, tables: readonly string[]): void {
  db.transaction(() => {
    db.exec(COMMIT_LOG_DDL);
    const taken = new Set(tables.map((t) => t.toLowerCase()));
    for (const table of tables) {
      const origin = format2TableOrigin(table);
      if (!origin) continue;
      const renamed = tableNameFor(origin.collectionName, origin.schemaVersion);
      if (renamed === table) continue;
      // Two format-2 tables that now read as one collection: refuse rather than merge or drop either.
      if (taken.has(renamed.toLowerCase())) throw new Error(`tables ${table} and ${renamed} both belong to collection ${origin.collectionName}`);
      const indexes = db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        .all(table) as { name: string; sql: string }[];
      for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
      db.exec(`ALTER TABLE "${table}" RENAME TO "${renamed}"`);
      for (const index of indexes) {
        const column = /__(k\d+)_id$/.exec(index.name)?.[1];
        if (!column) continue;
        db.exec(`CREATE INDEX "${renamed}__${column}_id" ON "${renamed}" (${column}, id)`);
      }
      taken.delete(table.toLowerCase());
      taken.add(renamed.toLowerCase());
    }
    db.pragma('user_version = 3');
  })();
}

/**
 * Every key column of `tables` put through `convert`, in one transaction together with the version bump to
 * `version`: a crash leaves the old file or the new one, never a mix. Each table's key indexes are dropped first
 * and made again from the new keys, which is quicker than SQLite moving every entry of each; both codes order keys
 * alike, so nothing else changes. VACUUM then gives back the room the old code took.
 */
function rewriteKeys(db: Database.Database, tables: readonly string[], version: number, convert: (key: Uint8Array) => Buffer): void {
  db.function('sphere_rewrite_key', { deterministic: true }, (key: unknown) => (key instanceof Uint8Array ? convert(key) : key));
  let rewritten = false;
  db.transaction(() => {
    for (const table of tables) {
      const keys = keyColumnsOf(db, table);
      if (keys.length === 0) continue;
      const indexes = db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        .all(table) as { name: string; sql: string }[];
      for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
      db.exec(`UPDATE "${table}" SET ${keys.map((k) => `${k} = sphere_rewrite_key(${k})`).join(', ')}`);
      for (const index of indexes) db.exec(index.sql);
      rewritten = true;
    }
    db.pragma(`user_version = ${version}`);
  })();
  if (rewritten) db.exec('VACUUM');
}

/** Format 1's keys (UTF-16 big-endian) in format 2's code, which takes half the room. */
export function migrateKeysToFormat2(db: Database.Database, tables: readonly string[]): void {
  rewriteKeys(db, tables, 2, (key) => encodeFormat2Key(decodeFormat1Key(key)));
}

/** Format 3's keys in format 4's code, without their padding (about a third of the file). */
export function migrateKeysToFormat4(db: Database.Database, tables: readonly string[]): void {
  rewriteKeys(db, tables, 4, (key) => encodeIndexKey(decodeFormat2Key(key)));
}
