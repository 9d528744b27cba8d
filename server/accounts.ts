// Process: team server (Node). Teams, users, memberships and login tokens: what the admin CLI and login share.
import crypto from 'node:crypto';
import { DECOY_HASH, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import { num, type SqlDatabase } from './sql-database.ts';

export type Role = 'owner' | 'member';
export const ROLES: readonly Role[] = ['owner', 'member'];
export const TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** A refusal the caller can show as is (admin CLI, HTTP 4xx). */
export class AccountError extends Error {}

const newId = () => crypto.randomUUID();
const newGeneration = () => crypto.randomBytes(12).toString('base64url');
/** Tokens are stored hashed: a leaked database does not hand out sessions. */
export const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const normaliseEmail = (email: string) => email.trim().toLowerCase();

function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AccountError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
}

export async function createTeam(db: SqlDatabase, name: string, now = Date.now()): Promise<string> {
  if (!name.trim()) throw new AccountError('the team needs a name');
  const id = newId();
  await db.query('INSERT INTO teams (id, name, seq, generation, created_at) VALUES ($1, $2, 0, $3, $4)', [id, name.trim(), newGeneration(), now]);
  return id;
}

/**
 * A new generation for the team: every client checkpoint becomes worthless and each client resyncs fully.
 * Run it after restoring the database from a backup, whose sequence numbers clients may already have passed.
 */
export async function newTeamGeneration(db: SqlDatabase, team: string): Promise<string> {
  const generation = newGeneration();
  const rows = await db.query('UPDATE teams SET generation = $1 WHERE id = $2 RETURNING id', [generation, team]);
  if (rows.length === 0) throw new AccountError(`no team ${team}`);
  return generation;
}

/** Adds the user to the team, creating the account when the email is new (then a password is required). */
export async function addUser(db: SqlDatabase, args: { team: string; email: string; role: Role; password?: string }, now = Date.now()): Promise<string> {
  if (!ROLES.includes(args.role)) throw new AccountError(`the role is owner or member, not ${args.role}`);
  const email = normaliseEmail(args.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new AccountError(`not an email address: ${args.email}`);
  if (args.password !== undefined) checkPassword(args.password);
  const hash = args.password === undefined ? undefined : await hashPassword(args.password);
  return db.transaction(async (tx) => {
    if ((await tx.query('SELECT id FROM teams WHERE id = $1', [args.team])).length === 0) throw new AccountError(`no team ${args.team}`);
    const existing = await tx.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    let user = existing[0]?.id;
    if (!user) {
      if (!hash) throw new AccountError(`${email} has no account yet: give a password`);
      user = newId();
      await tx.query('INSERT INTO users (id, email, password_hash, created_at) VALUES ($1, $2, $3, $4)', [user, email, hash, now]);
    }
    await tx.query('DELETE FROM members WHERE team_id = $1 AND user_id = $2', [args.team, user]);
    await tx.query('INSERT INTO members (team_id, user_id, role) VALUES ($1, $2, $3)', [args.team, user, args.role]);
    return user;
  });
}

async function findUser(db: SqlDatabase, who: { user?: string; email?: string }): Promise<string> {
  const rows = who.user
    ? await db.query<{ id: string }>('SELECT id FROM users WHERE id = $1', [who.user])
    : await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [normaliseEmail(who.email ?? '')]);
  if (!rows[0]) throw new AccountError(`no user ${who.user ?? who.email}`);
  return rows[0].id;
}

/** A new password ends every session of the user. */
export async function resetPassword(db: SqlDatabase, who: { user?: string; email?: string }, password: string, now = Date.now()): Promise<string> {
  checkPassword(password);
  const user = await findUser(db, who);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET password_hash = $1 WHERE id = $2', [hash, user]);
    await tx.query('UPDATE tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL', [now, user]);
  });
  return user;
}

/** With a team, takes the user out of that team; without, deletes the account and its sessions. */
export async function removeUser(db: SqlDatabase, who: { user?: string; email?: string; team?: string }): Promise<string> {
  const user = await findUser(db, who);
  if (who.team) {
    const rows = await db.query('DELETE FROM members WHERE team_id = $1 AND user_id = $2 RETURNING user_id', [who.team, user]);
    if (rows.length === 0) throw new AccountError(`user ${user} is not in team ${who.team}`);
  } else {
    await db.query('DELETE FROM users WHERE id = $1', [user]);
  }
  return user;
}

export type TeamListing = { id: string; name: string; seq: number; generation: string; members: { user: string; email: string; role: Role }[] };

export async function listTeams(db: SqlDatabase): Promise<TeamListing[]> {
  const teams = await db.query<{ id: string; name: string; seq: unknown; generation: string }>('SELECT id, name, seq, generation FROM teams ORDER BY created_at, id');
  const members = await db.query<{ team_id: string; user_id: string; email: string; role: Role }>(
    'SELECT m.team_id, m.user_id, u.email, m.role FROM members m JOIN users u ON u.id = m.user_id ORDER BY u.email',
  );
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    seq: num(t.seq),
    generation: t.generation,
    members: members.filter((m) => m.team_id === t.id).map((m) => ({ user: m.user_id, email: m.email, role: m.role })),
  }));
}

export type Session = { token: string; expiresAt: number; teams: { id: string; name: string; role: Role }[] };

/** Checks the password and opens a session; undefined when the email or password is wrong (never says which). */
export async function login(db: SqlDatabase, email: string, password: string, now: number, ttlMs = TOKEN_TTL_MS): Promise<Session | undefined> {
  const rows = await db.query<{ id: string; password_hash: string }>('SELECT id, password_hash FROM users WHERE email = $1', [normaliseEmail(email)]);
  const user = rows[0];
  const ok = await verifyPassword(password, user?.password_hash ?? DECOY_HASH);
  if (!user || !ok) return undefined;
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = now + ttlMs;
  await db.transaction(async (tx) => {
    // Ended sessions are forgotten at the user's next login, so the table does not grow with every login ever made:
    // a token that is not there is refused just as a revoked one.
    await tx.query('DELETE FROM tokens WHERE user_id = $1 AND (expires_at <= $2 OR revoked_at IS NOT NULL)', [user.id, now]);
    await tx.query('INSERT INTO tokens (hash, user_id, expires_at) VALUES ($1, $2, $3)', [tokenHash(token), user.id, expiresAt]);
  });
  return { token, expiresAt, teams: await teamsOf(db, user.id) };
}

export async function teamsOf(db: SqlDatabase, user: string) {
  return db.query<{ id: string; name: string; role: Role }>(
    'SELECT t.id, t.name, m.role FROM members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = $1 ORDER BY t.name, t.id',
    [user],
  );
}

/** The user a live token belongs to, or undefined when it is unknown, expired or revoked. */
export async function authenticate(db: SqlDatabase, token: string, now: number): Promise<string | undefined> {
  const rows = await db.query<{ user_id: string; expires_at: unknown; revoked_at: unknown }>(
    'SELECT user_id, expires_at, revoked_at FROM tokens WHERE hash = $1',
    [tokenHash(token)],
  );
  const row = rows[0];
  if (!row || row.revoked_at !== null || num(row.expires_at) <= now) return undefined;
  return row.user_id;
}

export async function roleIn(db: SqlDatabase, user: string, team: string): Promise<Role | undefined> {
  const rows = await db.query<{ role: Role }>('SELECT role FROM members WHERE team_id = $1 AND user_id = $2', [team, user]);
  return rows[0]?.role;
}

export async function logout(db: SqlDatabase, token: string, now: number): Promise<void> {
  await db.query('UPDATE tokens SET revoked_at = $1 WHERE hash = $2 AND revoked_at IS NULL', [now, tokenHash(token)]);
}
