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
    if (db.dialect === 'postgres') {
      const [role] = await db.query<{ bypass: boolean }>('SELECT rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user');
      // Row-level security does not bind such a role: team isolation would then rest on the server's code alone.
      if (role?.bypass) console.error('Warning: DATABASE_URL connects as a superuser or BYPASSRLS role; use an ordinary role so row-level security keeps teams apart.');
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
