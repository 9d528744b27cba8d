// Process: team server (Node). The SqlDatabase over PostgreSQL (pg): several server processes can share it.
import pg from 'pg';
import { Rollback, type SqlDatabase, type SqlQuery } from './sql-database.ts';

export async function openPostgresDatabase(url: string): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server (restart, failover) must not crash the process.
  pool.on('error', () => undefined);
  const listeners = new Map<string, Set<(payload: string | undefined) => void>>();
  let listenClient: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const on = (client: pg.PoolClient | pg.Pool): SqlQuery => ({
    query: async (sql, params) => (await client.query(sql, params)).rows,
  });

  return {
    dialect: 'postgres',
    query: on(pool).query,
    async transaction(fn, options = {}) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Local to this transaction (is_local = true): the setting cannot leak to the next user of the connection.
        await client.query("SELECT set_config('sphere.team', $1, true)", [options.team ?? '']);
        try {
          const value = await fn(on(client));
          await client.query('COMMIT');
          return value;
        } catch (error) {
          await client.query('ROLLBACK');
          if (error instanceof Rollback) return error.value;
          throw error;
        }
      } finally {
        client.release();
      }
    },
    async listen(channel, listener) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      if (listenClient) await listenClient.query(`LISTEN ${channel}`);
      else await connectListener();
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await listenClient?.end().catch(() => undefined);
      await pool.end();
    },
  };

  /**
   * LISTEN needs a connection of its own that stays open; pool clients come and go. When it is lost (server
   * restart, failover, a killed backend) it is made again, and every listener hears that it may have missed some.
   */
  async function connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    const lost = () => {
      if (listenClient !== client || closed) return;
      listenClient = undefined;
      retry = setTimeout(reconnect, 500);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      for (const fn of listeners.get(message.channel) ?? []) fn(message.payload ?? '');
    });
    await client.connect();
    for (const channel of listeners.keys()) await client.query(`LISTEN ${channel}`);
    listenClient = client;
  }

  async function reconnect() {
    try {
      await connectListener();
      for (const set of listeners.values()) for (const fn of set) fn(undefined);
    } catch {
      if (!closed) retry = setTimeout(reconnect, 2000);
    }
  }
}
