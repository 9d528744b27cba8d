// Process: team server (Node). POST /api/login and /api/logout.
import type { FastifyInstance } from 'fastify';
import { login, logout, TOKEN_TTL_MS } from './accounts.ts';
import { RateLimit } from './rate-limit.ts';
import { RequestError } from './replication.ts';
import { bearer, type RouteContext } from './route-context.ts';
import { LoginRequestSchema } from '../shared/sync/protocol.ts';

export type LoginLimit = { perAddress: number; perAccount: number; windowMs: number };
export const DEFAULT_LOGIN_LIMIT: LoginLimit = { perAddress: 30, perAccount: 10, windowMs: 60_000 };

export function registerAccountRoutes(app: FastifyInstance, ctx: RouteContext, options: { loginLimit?: LoginLimit; tokenTtlMs?: number }) {
  const limits = options.loginLimit ?? DEFAULT_LOGIN_LIMIT;
  const perAddress = new RateLimit(limits.perAddress, limits.windowMs);
  const perAccount = new RateLimit(limits.perAccount, limits.windowMs);

  app.post('/api/login', async (request, reply) => {
    const parsed = LoginRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new RequestError(400, `login takes {email, password}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    const now = ctx.clock();
    if (!perAddress.take(request.ip, now) || !perAccount.take(parsed.data.email, now)) {
      void reply.header('retry-after', Math.ceil(limits.windowMs / 1000));
      throw new RequestError(429, 'too many login attempts: wait a minute and try again');
    }
    const session = await login(ctx.db, parsed.data.email, parsed.data.password, now, options.tokenTtlMs ?? TOKEN_TTL_MS);
    if (!session) throw new RequestError(401, 'wrong email or password');
    request.log.info({ teams: session.teams.length }, 'login');
    return session;
  });

  app.post('/api/logout', async (request, reply) => {
    const token = bearer(request);
    if (token) await logout(ctx.db, token, ctx.clock());
    return reply.status(204).send();
  });
}
