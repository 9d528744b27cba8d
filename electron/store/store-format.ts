// Process: main or any Node host. The move of a store file to format 3: a commit log, and table names that never collide.
import type Database from 'better-sqlite3';
import { COMMIT_LOG_DDL } from './commit-log.ts';
import { format2TableOrigin, tableNameFor } from './sqlite-keys.ts';

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
