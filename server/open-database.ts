// Process: team server (Node). Picks the database: PostgreSQL when DATABASE_URL is set, else SQLite in the data folder.
import path from 'node:path';
import { migrate } from './migrations.ts';
import { openPostgresDatabase } from './postgres-database.ts';
import { openSqliteDatabase } from './sqlite-database.ts';
import type { SqlDatabase } from './sql-database.ts';

export type DatabaseChoice = { databaseUrl?: string; dataDir?: string };

export async function openDatabase({ databaseUrl, dataDir }: DatabaseChoice): Promise<SqlDatabase> {
  let db: SqlDatabase;
  if (databaseUrl) db = await openPostgresDatabase(databaseUrl);
  else if (dataDir) db = openSqliteDatabase(path.join(path.resolve(dataDir), 'sphere-server.sqlite'));
  else throw new Error('Give --data-dir DIR (SQLite) or set DATABASE_URL (PostgreSQL).');
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
