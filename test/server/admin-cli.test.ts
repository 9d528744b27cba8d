// Process: test (Node). The admin CLI and the server as real processes, on SQLite and on PostgreSQL.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, npmAdmin, startServerProcess, type ServerProcess } from './server-process.ts';
import { client, KINDS, login, newPlace, type Place } from './support.ts';

const oneJsonLine = (stdout: string) => {
  const lines = stdout.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
};

describe.each(KINDS)('admin CLI beside a running server on %s', (kind) => {
  let place: Place;
  let server: ServerProcess;
  beforeAll(async () => {
    place = await newPlace(kind);
    server = await startServerProcess(place);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('binds loopback by default and says where', () => {
    expect(server.base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('creates a team and its users, lists, resets and removes them, each with one JSON line', async () => {
    const created = await admin(place, ['create-team', 'Acme Realty']);
    expect(created.code).toBe(0);
    const team = oneJsonLine(created.stdout).team as string;
    expect(team).toMatch(/^[0-9a-f-]{36}$/);

    const owner = await admin(place, ['add-user', '--team', team, '--email', 'Owner@Acme.test', '--role', 'owner', '--password-stdin'], 'first password\n');
    expect(owner.code, owner.stdout).toBe(0);
    const ownerId = oneJsonLine(owner.stdout).user;
    const member = await admin(place, ['add-user', '--team', team, '--email', 'member@acme.test', '--role', 'member', '--password-stdin'], 'member password\n');
    expect(member.code).toBe(0);

    // The running server sees what the CLI wrote.
    const session = await login(server.base, 'owner@acme.test', 'first password');
    expect(session.status).toBe(200);
    expect(session.body.teams).toEqual([{ id: team, name: 'Acme Realty', role: 'owner' }]);

    const list = await admin(place, ['list']);
    expect(list.code).toBe(0);
    const teams = oneJsonLine(list.stdout).teams as { id: string; members: { email: string; role: string; user: string }[] }[];
    expect(teams.find((t) => t.id === team)?.members).toEqual([
      { user: oneJsonLine(member.stdout).user, email: 'member@acme.test', role: 'member' },
      { user: ownerId, email: 'owner@acme.test', role: 'owner' },
    ]);

    const reset = await admin(place, ['reset-password', '--email', 'owner@acme.test', '--password-stdin'], 'second password\n');
    expect(reset.code).toBe(0);
    expect(oneJsonLine(reset.stdout)).toEqual({ user: ownerId });
    expect((await client(server.base, session.body.token, team).pull()).status).toBe(401);
    expect((await login(server.base, 'owner@acme.test', 'second password')).status).toBe(200);

    const leftTeam = await admin(place, ['remove-user', '--email', 'member@acme.test', '--team', team]);
    expect(leftTeam.code).toBe(0);
    const memberSession = await login(server.base, 'member@acme.test', 'member password');
    expect(memberSession.body.teams).toEqual([]);
    expect((await client(server.base, memberSession.body.token, team).pull()).status).toBe(403);

    const removed = await admin(place, ['remove-user', '--email', 'member@acme.test']);
    expect(removed.code).toBe(0);
    expect((await login(server.base, 'member@acme.test', 'member password')).status).toBe(401);

    const owner2 = (await login(server.base, 'owner@acme.test', 'second password')).body.token;
    const before = (await client(server.base, owner2, team).pull()).body.checkpoint;
    const renewed = await admin(place, ['new-generation', '--team', team]);
    expect(renewed.code).toBe(0);
    const { generation } = oneJsonLine(renewed.stdout) as { generation: string };
    expect(generation).not.toBe(before.generation);
    expect((await client(server.base, owner2, team).pull(before)).body.checkpoint.generation).toBe(generation);
  });

  it('says what was wrong, in one JSON line and a non-zero exit', async () => {
    const noPassword = await admin(place, ['add-user', '--team', 'no-such-team', '--email', 'x@acme.test', '--role', 'owner']);
    expect(noPassword.code).not.toBe(0);
    expect(oneJsonLine(noPassword.stdout).error).toMatch(/no team no-such-team/);
    const short = await admin(place, ['reset-password', '--email', 'owner@acme.test', '--password-stdin'], 'short\n');
    expect(oneJsonLine(short.stdout).error).toMatch(/at least 8/);
  });

  it('runs through npm as the README says', async () => {
    const created = await npmAdmin(place, ['create-team', 'Via npm']);
    expect(created.code, created.stderr).toBe(0);
    expect(oneJsonLine(created.stdout).team).toEqual(expect.any(String));
  });

  it('stops cleanly on SIGTERM', async () => {
    const own = await startServerProcess(place);
    const { code } = await own.stop();
    expect(code).toBe(0);
  });
});

describe('HTTPS', () => {
  it('serves HTTPS when given --tls-cert and --tls-key', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-tls-'));
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const place = await newPlace('sqlite');
    const server = await startServerProcess(place, ['--tls-cert', cert, '--tls-key', key]);
    try {
      expect(server.base).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const body = await new Promise<string>((resolve, reject) => {
        https.get(`${server.base}/healthz`, { ca: fs.readFileSync(cert) }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve(text));
        }).on('error', reject);
      });
      expect(JSON.parse(body)).toEqual({ ok: true, database: 'sqlite' });
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
