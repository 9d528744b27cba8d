// Process: team server (Node). What every route needs: the database, the clock, and who is asking.
import type { FastifyRequest } from 'fastify';
import { authenticate } from './accounts.ts';
import { RequestError } from './replication.ts';
import type { SqlDatabase } from './sql-database.ts';

export type RouteContext = { db: SqlDatabase; clock: () => number };

/** The bearer token of the request, from the Authorization header only: secrets never travel in URLs. */
export const bearer = (request: FastifyRequest) => /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(request.headers.authorization ?? '')?.[1];

/** The user of the request's live token; 401 when it is missing, unknown, expired or revoked. */
export async function requireUser(ctx: RouteContext, request: FastifyRequest): Promise<{ token: string; user: string }> {
  const token = bearer(request);
  const user = token && (await authenticate(ctx.db, token, ctx.clock()));
  if (!token || !user) throw new RequestError(401, 'log in first: the token is missing, unknown, expired or revoked');
  return { token, user };
}
