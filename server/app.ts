// Process: team server (Node). The HTTP service: login, the replication endpoints, health, graceful shutdown.
import Fastify, { type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { AccountError, authenticate, login, logout, roleIn, TOKEN_TTL_MS } from './accounts.ts';
import { ChangeFeed } from './change-feed.ts';
import { openLiveStream } from './live-stream.ts';
import { RateLimit } from './rate-limit.ts';
import { checkPushRows, pull, push, RequestError, type PushHooks } from './replication.ts';
import type { SqlDatabase } from './sql-database.ts';
import { COLLECTIONS } from '../shared/schemas/index.ts';
import {
  CheckpointSchema,
  LoginRequestSchema,
  MAX_BODY_BYTES,
  MAX_PULL_LIMIT,
  MAX_PUSH_ROWS,
  SYNCED_COLLECTIONS,
  type SyncCheckpoint,
  type SyncedCollection,
} from '../shared/sync/protocol.ts';

export type ServerOptions = {
  db: SqlDatabase;
  /** Milliseconds since the epoch; tests move it to expire tokens. */
  clock?: () => number;
  tokenTtlMs?: number;
  loginLimit?: { perAddress: number; perAccount: number; windowMs: number };
  logLevel?: string;
  logStream?: NodeJS.WritableStream;
  https?: { cert: string | Buffer; key: string | Buffer };
  heartbeatMs?: number;
  /** Behind a proxy: which hops' X-Forwarded-For to believe (Fastify's trustProxy), so rate limits see clients. */
  trustProxy?: boolean | string;
  hooks?: PushHooks;
};

export type TeamServer = {
  listen(port: number, host: string): Promise<string>;
  inject: ReturnType<typeof Fastify>['inject'];
  /** Stops taking requests, lets pushes in flight finish, ends the streams, then closes the database. */
  close(): Promise<void>;
};

type SyncParams = { team: string; collection: string; version: string };

export async function createTeamServer(options: ServerOptions): Promise<TeamServer> {
  const { db } = options;
  const clock = options.clock ?? Date.now;
  const limits = options.loginLimit ?? { perAddress: 30, perAccount: 10, windowMs: 60_000 };
  const perAddress = new RateLimit(limits.perAddress, limits.windowMs);
  const perAccount = new RateLimit(limits.perAccount, limits.windowMs);
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

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error instanceof RequestError ? error.status : error instanceof AccountError ? 400 : (error.statusCode ?? 500);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status, reason: error.message }, 'request refused');
    void reply.status(status).send({ error: status >= 500 ? 'internal server error' : error.message });
  });
  app.setNotFoundHandler((request, reply) => void reply.status(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` }));

  /** The bearer token of the request, from the Authorization header only: secrets never travel in URLs. */
  const bearer = (request: FastifyRequest) => /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(request.headers.authorization ?? '')?.[1];

  async function member(request: FastifyRequest<{ Params: SyncParams }>) {
    const token = bearer(request);
    const user = token && (await authenticate(db, token, clock()));
    if (!token || !user) throw new RequestError(401, 'log in first: the token is missing, unknown, expired or revoked');
    const { team, collection, version } = request.params;
    // Whatever ids the request names, access is decided by the membership of the token's user.
    if (!(await roleIn(db, user, team))) throw new RequestError(403, 'you are not a member of this team');
    if (!(SYNCED_COLLECTIONS as readonly string[]).includes(collection)) throw new RequestError(404, `${collection} is not a synced collection`);
    const expected = COLLECTIONS[collection as SyncedCollection].schema.version;
    if (version !== String(expected)) {
      throw new RequestError(426, `this server speaks ${collection} schema version ${expected}, the app sent ${version}: update Sphere to sync`);
    }
    return { token, user, team, collection: collection as SyncedCollection };
  }

  // Node's server.close() drops only the keep-alive sockets idle at that moment: an answer finished during the
  // shutdown must close its socket too, or close() would wait for the client's keep-alive to time out.
  let shuttingDown = false;
  app.addHook('onSend', async (_request, reply) => {
    if (shuttingDown) void reply.header('connection', 'close');
  });

  app.get('/healthz', async () => {
    await db.query('SELECT 1 AS ok');
    return { ok: true, database: db.dialect };
  });

  app.post('/api/login', async (request, reply) => {
    const parsed = LoginRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new RequestError(400, `login takes {email, password}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    const now = clock();
    if (!perAddress.take(request.ip, now) || !perAccount.take(parsed.data.email, now)) {
      void reply.header('retry-after', Math.ceil(limits.windowMs / 1000));
      throw new RequestError(429, 'too many login attempts: wait a minute and try again');
    }
    const session = await login(db, parsed.data.email, parsed.data.password, now, options.tokenTtlMs ?? TOKEN_TTL_MS);
    if (!session) throw new RequestError(401, 'wrong email or password');
    request.log.info({ teams: session.teams.length }, 'login');
    return session;
  });

  app.post('/api/logout', async (request, reply) => {
    const token = bearer(request);
    if (token) await logout(db, token, clock());
    return reply.status(204).send();
  });

  const base = '/api/teams/:team/sync/:collection/:version';

  app.get<{ Params: SyncParams; Querystring: { checkpoint?: string; limit?: string } }>(`${base}/pull`, async (request) => {
    const { team, collection } = await member(request);
    const { checkpoint: rawCheckpoint, limit: rawLimit } = request.query;
    let checkpoint: SyncCheckpoint | undefined;
    if (rawCheckpoint) {
      let json: unknown;
      try {
        json = JSON.parse(rawCheckpoint);
      } catch {
        throw new RequestError(400, 'checkpoint must be JSON: {"seq":N,"generation":"…"}');
      }
      // A client's first pull has no checkpoint yet; RxDB sends null then.
      if (json !== null) {
        const parsed = CheckpointSchema.safeParse(json);
        if (!parsed.success) throw new RequestError(400, 'checkpoint must be {"seq":N,"generation":"…"}');
        checkpoint = parsed.data;
      }
    }
    const limit = rawLimit === undefined ? 100 : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT) throw new RequestError(400, `limit must be an integer from 1 to ${MAX_PULL_LIMIT}`);
    return pull(db, team, collection, checkpoint, limit);
  });

  app.post<{ Params: SyncParams }>(`${base}/push`, async (request) => {
    const { team, collection } = await member(request);
    const rows = checkPushRows(collection, request.body, MAX_PUSH_ROWS);
    const result = await push(db, team, collection, rows, options.hooks);
    if (result.seq !== undefined) feed.committed(team, result.seq);
    request.log.info({ team, collection, rows: rows.length, conflicts: result.conflicts.length, seq: result.seq }, 'push');
    return result.conflicts;
  });

  app.get<{ Params: SyncParams }>(`${base}/stream`, async (request, reply: FastifyReply) => {
    const { team, collection, token } = await member(request);
    reply.hijack();
    let stop: (() => void) | undefined;
    try {
      stop = await openLiveStream({ db, feed, clock, heartbeatMs: options.heartbeatMs ?? 25_000 }, reply.raw, { team, collection, token }, () => {
        if (stop) streams.delete(stop);
      });
      streams.add(stop);
    } catch (error) {
      request.log.error({ err: error }, 'stream failed to open');
      if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'application/json' });
      reply.raw.end(JSON.stringify({ error: 'internal server error' }));
    }
  });

  let closing: Promise<void> | undefined;
  return {
    async listen(port, host) {
      return app.listen({ port, host });
    },
    inject: app.inject.bind(app),
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        for (const stop of [...streams]) stop();
        await app.close();
        await db.close();
      })();
      return closing;
    },
  };
}
