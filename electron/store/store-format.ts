// Process: main or any Node host. The moves of a store file to format 3 (a commit log, and table names that never
// collide) and to format 4 (index keys without their padding).
import type Database from 'better-sqlite3';
import { COMMIT_LOG_DDL } from './commit-log.ts';
import { decodeFormat2Key, encodeIndexKey, format2TableOrigin, tableNameFor } from './sqlite-keys.ts';

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
 * Rewrites every index key from format 3's code to format 4's, all tables in one transaction together with the
 * version bump: a crash leaves the old file or the new one. Each table's key indexes are dropped first and made
 * again from the new keys, which is quicker than SQLite moving every entry of each; both codes order keys alike,
 * so nothing else changes. VACUUM then gives back the room the padding took (about a third of the file).
 */
export function migrateKeysToFormat4(db: Database.Database, tables: readonly string[]): void {
  db.function('sphere_format4_key', { deterministic: true }, (key: unknown) => (key instanceof Uint8Array ? encodeIndexKey(decodeFormat2Key(key)) : key));
  let rewritten = false;
  db.transaction(() => {
    for (const table of tables) {
      const keys = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).filter((n) => /^k\d+$/.test(n));
      if (keys.length === 0) continue;
      const indexes = db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        .all(table) as { name: string; sql: string }[];
      for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);
      db.exec(`UPDATE "${table}" SET ${keys.map((k) => `${k} = sphere_format4_key(${k})`).join(', ')}`);
      for (const index of indexes) db.exec(index.sql);
      rewritten = true;
    }
    db.pragma('user_version = 4');
  })();
  if (rewritten) db.exec('VACUUM');
}
