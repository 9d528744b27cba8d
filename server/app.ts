// Process: team server (Node). The HTTP service: its routes, errors, health, and graceful shutdown.
import Fastify, { type FastifyServerOptions } from 'fastify';
import { registerAccountRoutes, type LoginLimit } from './account-routes.ts';
import { AccountError } from './accounts.ts';
import { ChangeFeed } from './change-feed.ts';
import { drainConnections } from './connection-drain.ts';
import { RequestError, type PushHooks } from './replication.ts';
import type { SqlDatabase } from './sql-database.ts';
import { servedCollections, SPHERE_COLLECTIONS, type CollectionSpec } from './served-collections.ts';
import { registerSyncRoutes } from './sync-routes.ts';
import { upgradeStoredDocuments } from './document-upgrade.ts';
import { MAX_BODY_BYTES } from '../shared/sync/protocol.ts';

export type ServerOptions = {
  db: SqlDatabase;
  /** Milliseconds since the epoch; tests move it to expire tokens. */
  clock?: () => number;
  tokenTtlMs?: number;
  loginLimit?: LoginLimit;
  logLevel?: string;
  logStream?: NodeJS.WritableStream;
  https?: { cert: string | Buffer; key: string | Buffer };
  heartbeatMs?: number;
  /** Behind a proxy: which hops' X-Forwarded-For to believe (Fastify's trustProxy), so rate limits see clients. */
  trustProxy?: boolean | string;
  hooks?: PushHooks;
  /** The collections replicated, by name: Sphere's by default (a test server adds RxDB's test schemas). */
  collections?: Record<string, CollectionSpec>;
};

export type TeamServer = {
  /** Starts listening; the address as bound (the real port when port 0 asked for any free one). */
  listen(port: number, host: string): Promise<string>;
  /** Stops taking requests, lets pushes in flight finish, ends the streams, then closes the database. */
  close(): Promise<void>;
};

export async function createTeamServer(options: ServerOptions): Promise<TeamServer> {
  const { db } = options;
  const clock = options.clock ?? Date.now;
  const specs: Record<string, CollectionSpec> = options.collections ?? SPHERE_COLLECTIONS;
  const collections = servedCollections(specs);
  // Before any client is served: documents stored under older schema versions are brought to the served ones.
  // The server owns db from here: a start that fails closes it.
  const upgraded = await upgradeStoredDocuments(db, collections, (name) => specs[name]?.migrationStrategies).catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  const feed = new ChangeFeed(db);
  await feed.start();
  const streams = new Set<() => void>();

  // HTTPS and HTTP servers hand the same request types to handlers; typing it as plain HTTP keeps one route code.
  const serverOptions: FastifyServerOptions & { https?: ServerOptions['https'] } = {
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: options.trustProxy ?? false,
    logger: { level: options.logLevel ?? 'info', stream: options.logStream ?? process.stderr },
    ...(options.https ? { https: options.https } : {}),
  };
  const app = Fastify(serverOptions as FastifyServerOptions);
  for (const u of upgraded) app.log.info({ collection: u.collection, from: u.from, to: u.to, changed: u.changed }, 'stored documents upgraded');

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error instanceof RequestError ? error.status : error instanceof AccountError ? 400 : (error.statusCode ?? 500);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status, reason: error.message }, 'request refused');
    void reply.status(status).send({ error: status >= 500 ? 'internal server error' : error.message });
  });
  app.setNotFoundHandler((request, reply) => void reply.status(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` }));

  const connections = drainConnections(app);

  app.get('/healthz', async () => {
    await db.query('SELECT 1 AS ok');
    return { ok: true, database: db.dialect };
  });
  registerAccountRoutes(app, { db, clock }, options);
  registerSyncRoutes(app, { db, clock, feed, streams, heartbeatMs: options.heartbeatMs ?? 25_000, hooks: options.hooks, collections });

  let closing: Promise<void> | undefined;
  return {
    listen: (port, host) => app.listen({ port, host }),
    close() {
      closing ??= (async () => {
        for (const stop of [...streams]) stop();
        const closed = app.close();
        connections.drain();
        await closed;
        await db.close();
      })();
      return closing;
    },
  };
}
