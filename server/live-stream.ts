// Process: team server (Node). One Server-Sent Events stream of a team's collection: change batches and RESYNC.
import type { ServerResponse } from 'node:http';
import { authenticate, roleIn } from './accounts.ts';
import type { ChangeFeed } from './change-feed.ts';
import { changesAfter } from './replication.ts';
import { num, type SqlDatabase } from './sql-database.ts';
import type { ServedCollection } from './served-collections.ts';
import { MAX_PULL_LIMIT, type StreamEvent } from '../shared/sync/protocol.ts';

export type StreamContext = { db: SqlDatabase; feed: ChangeFeed; clock: () => number; heartbeatMs: number };
export type StreamTarget = { team: string; collection: ServedCollection; token: string };

/** Opens the stream on res (already hijacked from Fastify); returns a function that ends it. */
export async function openLiveStream(ctx: StreamContext, res: ServerResponse, target: StreamTarget, onEnd: () => void): Promise<() => void> {
  const { db, feed } = ctx;
  const { team, collection, token } = target;
  let ended = false;
  // Everything up to here is committed and covered by the RESYNC below; batches start after it.
  let sentSeq = await committedSeq();
  let generation = await currentGeneration();

  // connection: close — a stream's connection is never reused after it ends (the client reconnects with a new
  // request), and a socket left open after it would hold up the server's shutdown until its keep-alive expired.
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'close', 'x-accel-buffering': 'no' });
  const send = (event: StreamEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
  // The first event makes the client pull from its own checkpoint: if it pulled before this stream was
  // connected, changes committed in between would otherwise fall in the gap before the first batch.
  send('RESYNC');

  const end = (error?: { status: number; error: string }) => {
    if (ended) return;
    ended = true;
    unsubscribe();
    clearInterval(heartbeat);
    if (error && !res.writableEnded) res.write(`event: error\ndata: ${JSON.stringify(error)}\n\n`);
    res.end();
    onEnd();
  };

  // Wake-ups run one at a time, in order: two batches must not race each other onto the wire.
  let queue = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(() => (ended ? undefined : work())).catch(() => end({ status: 500, error: 'the stream failed; reconnect' }));
  };

  /** Auth is checked again on every event: a revoked token, or a member taken out of the team, stops hearing. */
  async function allowed(): Promise<boolean> {
    const user = await authenticate(db, token, ctx.clock());
    if (user && (await roleIn(db, user, team))) return true;
    end({ status: 401, error: 'the session ended or no longer has access to this team: log in again' });
    return false;
  }

  async function committedSeq() {
    return num((await db.query<{ seq: unknown }>('SELECT seq FROM teams WHERE id = $1', [team]))[0]?.seq ?? 0);
  }
  async function currentGeneration() {
    return (await db.query<{ generation: string }>('SELECT generation FROM teams WHERE id = $1', [team]))[0]?.generation ?? '';
  }

  async function deliver() {
    if (!(await allowed())) return;
    const batch = await db.transaction(
      async (tx) => {
        const rows = await tx.query<{ seq: unknown; generation: string }>('SELECT seq, generation FROM teams WHERE id = $1', [team]);
        const upTo = num(rows[0]?.seq ?? 0);
        const now = rows[0]?.generation ?? '';
        if (now !== generation) return { resync: true as const, upTo, now };
        const changes = await changesAfter(tx, team, collection, sentSeq, upTo, MAX_PULL_LIMIT + 1);
        return { resync: changes.documents.length > MAX_PULL_LIMIT, upTo, now, changes };
      },
      { team },
    );
    sentSeq = batch.upTo;
    generation = batch.now;
    // Too many to send at once, or a new generation: the client pulls (from 0 when the generation changed).
    if (batch.resync || !batch.changes) send('RESYNC');
    else if (batch.changes.documents.length > 0) send({ documents: batch.changes.documents, checkpoint: { seq: batch.changes.lastSeq, generation } });
  }

  const unsubscribe = feed.subscribe(team, () => enqueue(deliver));
  // A comment line keeps proxies from closing an idle stream, and checks that the session is still alive.
  const heartbeat = setInterval(() => enqueue(async () => {
    if (await allowed()) res.write(': keep-alive\n\n');
  }), ctx.heartbeatMs);
  heartbeat.unref();
  res.on('close', () => end());
  return () => end({ status: 503, error: 'the server is shutting down; reconnect' });
}
