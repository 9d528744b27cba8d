// Process: team server (Node). The replication endpoints: /api/teams/{team}/sync/{collection}/{schemaVersion}/pull|push|stream.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roleIn } from './accounts.ts';
import type { ChangeFeed } from './change-feed.ts';
import { openLiveStream } from './live-stream.ts';
import { checkPushRows, pull, push, RequestError, type PushHooks } from './replication.ts';
import { requireUser, type RouteContext } from './route-context.ts';
import type { ServedCollection } from './served-collections.ts';
import { CheckpointSchema, MAX_PULL_LIMIT, MAX_PUSH_ROWS, type SyncCheckpoint } from '../shared/sync/protocol.ts';

type SyncParams = { team: string; collection: string; version: string };
export type SyncContext = RouteContext & { feed: ChangeFeed; streams: Set<() => void>; heartbeatMs: number; hooks?: PushHooks; collections: Map<string, ServedCollection> };

/** Who may use this endpoint: a live token whose user is a member of the team, on the server's schema version. */
async function member(ctx: SyncContext, request: FastifyRequest<{ Params: SyncParams }>) {
  const { token, user } = await requireUser(ctx, request);
  const { team, collection, version } = request.params;
  // Whatever ids the request names, access is decided by the membership of the token's user.
  if (!(await roleIn(ctx.db, user, team))) throw new RequestError(403, 'you are not a member of this team');
  const served = ctx.collections.get(collection);
  if (!served) throw new RequestError(404, `${collection} is not a synced collection`);
  const expected = served.version;
  if (version !== String(expected)) {
    const newer = Number(version) > expected;
    throw new RequestError(
      426,
      `this server speaks ${collection} schema version ${expected}, the app ${version}: ${newer ? 'the team server needs updating' : 'update Sphere'} to sync`,
    );
  }
  return { token, team, collection: served };
}

function parseCheckpoint(raw: string | undefined): SyncCheckpoint | undefined {
  if (!raw) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new RequestError(400, 'checkpoint must be JSON: {"seq":N,"generation":"…"}');
  }
  // A client's first pull has no checkpoint yet; RxDB sends null then.
  if (json === null) return undefined;
  const parsed = CheckpointSchema.safeParse(json);
  if (!parsed.success) throw new RequestError(400, 'checkpoint must be {"seq":N,"generation":"…"}');
  return parsed.data;
}

export function registerSyncRoutes(app: FastifyInstance, ctx: SyncContext) {
  const base = '/api/teams/:team/sync/:collection/:version';

  app.get<{ Params: SyncParams; Querystring: { checkpoint?: string; limit?: string } }>(`${base}/pull`, async (request, reply) => {
    const { team, collection } = await member(ctx, request);
    const checkpoint = parseCheckpoint(request.query.checkpoint);
    const limit = request.query.limit === undefined ? 100 : Number(request.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT) throw new RequestError(400, `limit must be an integer from 1 to ${MAX_PULL_LIMIT}`);
    // Already JSON text (replication.ts): sent as it is.
    reply.type('application/json; charset=utf-8');
    return pull(ctx.db, team, collection, checkpoint, limit);
  });

  app.post<{ Params: SyncParams }>(`${base}/push`, async (request) => {
    const { team, collection } = await member(ctx, request);
    const rows = checkPushRows(collection, request.body, MAX_PUSH_ROWS);
    const result = await push(ctx.db, team, collection, rows, ctx.hooks);
    if (result.seq !== undefined) ctx.feed.committed(team, result.seq);
    request.log.info({ team, collection: collection.name, rows: rows.length, conflicts: result.conflicts.length, seq: result.seq }, 'push');
    return result.conflicts;
  });

  app.get<{ Params: SyncParams }>(`${base}/stream`, async (request, reply) => {
    const { team, collection, token } = await member(ctx, request);
    reply.hijack();
    let stop: (() => void) | undefined;
    try {
      stop = await openLiveStream(ctx, reply.raw, { team, collection, token }, () => {
        if (stop) ctx.streams.delete(stop);
      });
      ctx.streams.add(stop);
    } catch (error) {
      request.log.error({ err: error }, 'stream failed to open');
      if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'application/json' });
      reply.raw.end(JSON.stringify({ error: 'internal server error' }));
    }
  });
}
