// Process: team server (Node). The SqlDatabase over a better-sqlite3 file: the embedded default, no setup.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Rollback, type Row, type SqlDatabase, type SqlQuery } from './sql-database.ts';

/** `$2 … $1` → `? … ?` and the order to bind the values in: better-sqlite3 binds plain `?` by position. */
function positional(sql: string): { text: string; order: number[] } {
  const order: number[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    order.push(Number(n) - 1);
    return '?';
  });
  return { text, order };
}

const bindable = (value: unknown) => (typeof value === 'boolean' ? (value ? 1 : 0) : value === undefined ? null : value);

export function openSqliteDatabase(file: string): SqlDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // The admin CLI writes to the same file while the server runs: wait for its lock instead of failing.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const statements = new Map<string, { statement: BetterSqlite3.Statement; order: number[] }>();

  const run = <T extends Row>(sql: string, params: unknown[] = []): T[] => {
    let prepared = statements.get(sql);
    if (!prepared) {
      const { text, order } = positional(sql);
      prepared = { statement: db.prepare(text), order };
      statements.set(sql, prepared);
    }
    const { statement, order } = prepared;
    const values = order.map((i) => bindable(params[i]));
    if (statement.reader) return statement.all(...values) as T[];
    statement.run(...values);
    return [];
  };

  // One connection: a transaction's awaits must not let another request read or write through it half-way,
  // so every use of the connection waits its turn.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const result = queue.then(fn);
    queue = result.catch(() => undefined);
    return result;
  };

  const tx: SqlQuery = { query: async (sql, params) => run(sql, params) };

  return {
    dialect: 'sqlite',
    query: (sql, params) => exclusive(async () => run(sql, params)),
    transaction: (fn) =>
      exclusive(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const value = await fn(tx);
          db.exec('COMMIT');
          return value;
        } catch (error) {
          db.exec('ROLLBACK');
          if (error instanceof Rollback) return error.value;
          throw error;
        }
      }),
    close: () => exclusive(async () => void db.close()),
  };
}
