// Process: test (Node). The team server over HTTP, the same suite on SQLite and on PostgreSQL.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTeamGeneration, removeUser, resetPassword, TOKEN_TTL_MS } from '../../server/accounts.ts';
import { MAX_BODY_BYTES, MAX_PUSH_ROWS, syncPath } from '../../shared/sync/protocol.ts';
import { client, contact, KINDS, versionOf, login, newPlace, openPlace, PASSWORD, seedTeam, startServer, tokenFor, touch, type Place, type Running } from './support.ts';

describe.each(KINDS)('team server on %s', (kind) => {
  let place: Place;
  let server: Running;
  let now = Date.now();
  let team: string;
  let rival: string;

  beforeAll(async () => {
    place = await newPlace(kind);
    server = await startServer(place, { clock: () => now });
    team = await seedTeam(server.db, 'Acme', ['ann@acme.test', 'bob@acme.test', 'cy@acme.test', 'dee@acme.test']);
    rival = await seedTeam(server.db, 'Rival', ['rita@rival.test']);
  });
  afterAll(() => server?.close());

  describe('login', () => {
    it('returns a token, its expiry and the teams of the user', async () => {
      const { status, body } = await login(server.base, 'ANN@acme.test ');
      expect(status).toBe(200);
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(body.expiresAt).toBe(now + TOKEN_TTL_MS);
      expect(body.teams).toEqual([{ id: team, name: 'Acme', role: 'owner' }]);
    });

    it('refuses a wrong password and an unknown email alike', async () => {
      const wrong = await login(server.base, 'ann@acme.test', 'not the password');
      const unknown = await login(server.base, 'nobody@acme.test', PASSWORD);
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrong.body.error).toBe(unknown.body.error);
    });

    it('refuses a request without a token, with a made-up one, or with an expired one', async () => {
      expect((await client(server.base, '', team).pull()).status).toBe(401);
      expect((await client(server.base, 'made-up-token', team).pull()).status).toBe(401);
      const token = await tokenFor(server.base, 'ann@acme.test');
      expect((await client(server.base, token, team).pull()).status).toBe(200);
      const before = now;
      now += TOKEN_TTL_MS + 1;
      try {
        const { status, body } = await client(server.base, token, team).pull();
        expect(status).toBe(401);
        expect(body.error).toMatch(/expired/);
      } finally {
        now = before;
      }
    });

    it('ends a session on logout, password reset and removal of the user', async () => {
      const loggedOut = await tokenFor(server.base, 'bob@acme.test');
      const res = await fetch(`${server.base}/api/logout`, { method: 'POST', headers: { authorization: `Bearer ${loggedOut}` } });
      expect(res.status).toBe(204);
      expect((await client(server.base, loggedOut, team).pull()).status).toBe(401);

      const reset = await tokenFor(server.base, 'cy@acme.test');
      await resetPassword(server.db, { email: 'cy@acme.test' }, 'a brand new password');
      expect((await client(server.base, reset, team).pull()).status).toBe(401);
      expect((await login(server.base, 'cy@acme.test')).status).toBe(401);
      expect((await login(server.base, 'cy@acme.test', 'a brand new password')).status).toBe(200);

      // Ended sessions do not pile up: Bob's revoked token is gone after his next login, which still works.
      const again = await tokenFor(server.base, 'bob@acme.test');
      const bobTokens = await server.db.query('SELECT t.hash FROM tokens t JOIN users u ON u.id = t.user_id WHERE u.email = $1', ['bob@acme.test']);
      expect(bobTokens).toHaveLength(1);
      expect((await client(server.base, loggedOut, team).pull()).status).toBe(401);
      expect((await client(server.base, again, team).pull()).status).toBe(200);

      const removed = await tokenFor(server.base, 'dee@acme.test');
      await removeUser(server.db, { email: 'dee@acme.test' });
      expect((await client(server.base, removed, team).pull()).status).toBe(401);
      expect((await login(server.base, 'dee@acme.test')).status).toBe(401);
    });

    it('answers malformed login requests with 400', async () => {
      for (const body of ['{"email": "ann@acme.test"', '{"email": 3, "password": "x"}', '[]']) {
        const res = await fetch(`${server.base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(res.status, body).toBe(400);
        expect(((await res.json()) as { error: string }).error).toBeTruthy();
      }
    });
  });

  it('refuses a contact marked private: it stays on its device', async () => {
    const contacts = client(server.base, await tokenFor(server.base, 'ann@acme.test'), team, 'contacts');
    const { status, body } = await contacts.push([{ newDocumentState: contact('c-private', { private: true }) }]);
    expect(status).toBe(400);
    expect(body.error).toMatch(/"c-private".*private/);
  });

  describe('replication', () => {
    let ann: ReturnType<typeof client>;
    let annContacts: ReturnType<typeof client>;
    beforeAll(async () => {
      const token = await tokenFor(server.base, 'ann@acme.test');
      ann = client(server.base, token, team, 'touches');
      annContacts = client(server.base, token, team, 'contacts');
    });

    it('pulls what was pushed, page by page, in sequence order', async () => {
      const start = (await ann.pull()).body.checkpoint;
      const docs = [touch(), touch(), touch()];
      expect((await ann.push(docs.map((d) => ({ newDocumentState: d })))).body).toEqual([]);
      const first = await ann.pull(start, 2);
      expect(first.body.documents).toEqual(docs.slice(0, 2));
      const second = await ann.pull(first.body.checkpoint, 2);
      expect(second.body.documents).toEqual(docs.slice(2));
      expect(second.body.checkpoint.seq).toBeGreaterThan(first.body.checkpoint.seq);
      const third = await ann.pull(second.body.checkpoint, 2);
      expect(third.body).toEqual({ documents: [], checkpoint: second.body.checkpoint });
    });

    it('returns the master state when the assumed state is stale, and writes nothing for that row', async () => {
      const bob = client(server.base, await tokenFor(server.base, 'rita@rival.test'), rival, 'contacts');
      void bob;
      const v1 = contact('c-conflict');
      expect((await annContacts.push([{ newDocumentState: v1 }])).body).toEqual([]);
      const theirs = contact('c-conflict', { ring: 'like', updatedAt: v1.updatedAt as number + 1 });
      expect((await annContacts.push([{ assumedMasterState: v1, newDocumentState: theirs }])).body).toEqual([]);
      const mine = contact('c-conflict', { ring: 'trust', updatedAt: v1.updatedAt as number + 2 });
      const { status, body } = await annContacts.push([{ assumedMasterState: v1, newDocumentState: mine }]);
      expect(status).toBe(200);
      expect(body).toEqual([theirs]);
      const pulled = (await annContacts.pull()).body.documents.find((d) => d.id === 'c-conflict');
      expect(pulled).toEqual(theirs);
      // Without an assumed state a stored document is a conflict too: the client had not seen it.
      expect((await annContacts.push([{ newDocumentState: mine }])).body).toEqual([theirs]);
    });

    it('applies rows of one push in order, the same document twice included, and takes an empty push', async () => {
      const start = (await ann.pull(undefined, 1000)).body.checkpoint;
      const v1 = contact('c-twice');
      const v2 = contact('c-twice', { ring: 'trust', updatedAt: (v1.updatedAt as number) + 1 });
      expect((await annContacts.push([{ newDocumentState: v1 }, { assumedMasterState: v1, newDocumentState: v2 }])).body).toEqual([]);
      expect((await annContacts.pull(undefined, 1000)).body.documents.filter((d) => d.id === 'c-twice')).toEqual([v2]);
      const empty = await ann.push([]);
      expect([empty.status, empty.body]).toEqual([200, []]);
      expect((await ann.pull(start)).body.documents).toEqual([]);
    });

    it('changes nothing when a push that was already applied is retried', async () => {
      const rows = [{ newDocumentState: touch() }, { newDocumentState: touch() }];
      expect((await ann.push(rows)).body).toEqual([]);
      const after = (await ann.pull(undefined, 1000)).body.checkpoint;
      const seqBefore = await teamSeq();
      expect((await ann.push(rows)).body).toEqual([]);
      expect(await teamSeq()).toBe(seqBefore);
      expect((await ann.pull(after)).body.documents).toEqual([]);
    });

    async function teamSeq() {
      const rows = await server.db.query<{ seq: unknown }>('SELECT seq FROM teams WHERE id = $1', [team]);
      return Number(rows[0]!.seq);
    }

    it('refuses a whole push with one bad document, naming it and the reason', async () => {
      const start = (await ann.pull(undefined, 1000)).body.checkpoint;
      const good = touch('good-before-bad');
      const cases: [Record<string, unknown>, RegExp][] = [
        [touch('bad-kind', { kind: 'telepathy' }), /"bad-kind".*kind/],
        [touch('bad-rev', { _rev: '1-abc' }), /"bad-rev".*additional properties: _rev/],
        [{ ...touch('no-deleted'), _deleted: undefined }, /"no-deleted".*_deleted/],
        [touch('x'.repeat(65)), /id must be/],
        [touch('bad-tombstone', { _deleted: true, kind: 'telepathy' }), /"bad-tombstone".*kind/],
        [{ ...touch('no-contact'), contactId: undefined }, /"no-contact".*contactId/],
      ];
      for (const [bad, reason] of cases) {
        const { status, body } = await ann.push([{ newDocumentState: good }, { newDocumentState: bad }]);
        expect(status).toBe(400);
        expect(body.error).toMatch(reason);
      }
      expect((await ann.pull(start)).body.documents).toEqual([]);
    });

    it('keeps touches append-only: a changed touch is refused, a deletion is not', async () => {
      const original = touch('append-only');
      await ann.push([{ newDocumentState: original }]);
      const edited = { ...original, note: 'rewritten history' };
      const { status, body } = await ann.push([{ assumedMasterState: original, newDocumentState: edited }]);
      expect(status).toBe(400);
      expect(body.error).toMatch(/"append-only".*append-only/);
      expect((await ann.push([{ assumedMasterState: original, newDocumentState: { ...original, _deleted: true } }])).body).toEqual([]);
    });

    it('accepts a tombstone with its id only', async () => {
      const doc = touch('to-delete');
      await ann.push([{ newDocumentState: doc }]);
      const tombstone = { id: 'to-delete', _deleted: true };
      expect((await ann.push([{ assumedMasterState: doc, newDocumentState: tombstone }])).status).toBe(200);
      const pulled = (await ann.pull(undefined, 1000)).body.documents.find((d) => d.id === 'to-delete');
      expect(pulled).toEqual(tombstone);
    });

    it('answers 426 with a message to a client with another schema version', async () => {
      const token = await tokenFor(server.base, 'ann@acme.test');
      const old = client(server.base, token, team, 'contacts', versionOf('contacts') - 1);
      for (const res of [await old.pull(), await old.push([{ newDocumentState: contact('c-old') }])]) {
        expect(res.status).toBe(426);
        expect(res.body.error).toBe(`this server speaks contacts schema version ${versionOf('contacts')}, the app ${versionOf('contacts') - 1}: update Sphere to sync`);
      }
      const newer = await client(server.base, token, team, 'contacts', versionOf('contacts') + 1).pull();
      expect(newer.status).toBe(426);
      expect(newer.body.error).toMatch(/the team server needs updating/);
      expect((await client(server.base, token, team, 'settings', 0).pull()).status).toBe(404);
    });

    it('keeps teams apart whatever the ids in the request say', async () => {
      const rita = await tokenFor(server.base, 'rita@rival.test');
      const theirs = client(server.base, rita, rival, 'touches');
      const secret = touch('shared-id', { note: 'rival secret' });
      await theirs.push([{ newDocumentState: secret }]);

      const annOnRival = client(server.base, (await login(server.base, 'ann@acme.test')).body.token, rival, 'touches');
      expect((await annOnRival.pull()).status).toBe(403);
      expect((await annOnRival.push([{ newDocumentState: touch('sneaky') }])).status).toBe(403);
      expect((await annOnRival.stream()).status).toBe(403);

      // The same document id in Ann's team is Ann's own document: it neither reads nor overwrites the rival's.
      const mine = touch('shared-id', { note: 'acme note' });
      expect((await ann.push([{ newDocumentState: mine }])).body).toEqual([]);
      expect((await theirs.pull(undefined, 1000)).body.documents.filter((d) => d.id === 'shared-id')).toEqual([secret]);
      expect((await ann.pull(undefined, 1000)).body.documents.some((d) => d.note === 'rival secret')).toBe(false);
    });

    it('refuses an oversized body with 413 and too many rows with 413', async () => {
      const huge = JSON.stringify([{ newDocumentState: touch('huge', { note: 'x'.repeat(MAX_BODY_BYTES) }) }]);
      const res = await fetch(`${server.base}${syncPath(team, 'touches', versionOf('touches'), 'push')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${(await login(server.base, 'ann@acme.test')).body.token}`, 'content-type': 'application/json' },
        body: huge,
      });
      expect(res.status).toBe(413);
      const many = Array.from({ length: MAX_PUSH_ROWS + 1 }, () => ({ newDocumentState: touch() }));
      const tooMany = await ann.push(many);
      expect(tooMany.status).toBe(413);
      expect(tooMany.body.error).toMatch(/at most 500/);
    });

    it('answers malformed JSON with 400', async () => {
      const token = (await login(server.base, 'ann@acme.test')).body.token;
      const res = await fetch(`${server.base}${syncPath(team, 'touches', versionOf('touches'), 'push')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '[{"newDocumentState": {',
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/JSON/);
      expect((await ann.pull('{not json' as unknown as undefined)).status).toBe(400);
    });

    it('streams a change pushed by another member, and closes when the session is revoked', async () => {
      const bobToken = (await login(server.base, 'bob@acme.test')).body.token;
      const stream = await client(server.base, bobToken, team, 'touches').stream();
      expect(stream.status).toBe(200);
      expect((await stream.next()).data).toBe('RESYNC');
      const doc = touch('streamed');
      await ann.push([{ newDocumentState: doc }]);
      const batch = await stream.next();
      expect(batch.event).toBe('message');
      expect(batch.data).toMatchObject({ documents: [doc] });

      await fetch(`${server.base}/api/logout`, { method: 'POST', headers: { authorization: `Bearer ${bobToken}` } });
      await ann.push([{ newDocumentState: touch() }]);
      const closing = await stream.next();
      expect(closing.event).toBe('error');
      expect(closing.data).toMatchObject({ status: 401 });
      await stream.ended();
    });

    it('answers a checkpoint of an old generation, or one ahead of the feed, from the start', async () => {
      const all = (await ann.pull(undefined, 1000)).body;
      expect(all.documents.length).toBeGreaterThan(0);
      const ahead = await ann.pull({ ...all.checkpoint, seq: all.checkpoint.seq + 1000 }, 1000);
      expect(ahead.body.documents).toEqual(all.documents);
      const generation = await newTeamGeneration(server.db, team);
      const { body } = await ann.pull(all.checkpoint, 1000);
      expect(body.checkpoint.generation).toBe(generation);
      expect(body.documents).toEqual(all.documents);
    });
  });

  it('rate-limits login per account and per address', async () => {
    const limited = await startServer(place, { loginLimit: { perAddress: 5, perAccount: 2, windowMs: 60_000 } });
    try {
      expect((await login(limited.base, 'rita@rival.test', 'guess one')).status).toBe(401);
      expect((await login(limited.base, 'rita@rival.test', 'guess two')).status).toBe(401);
      const right = await login(limited.base, 'rita@rival.test');
      expect(right.status).toBe(429);
      expect(right.body.error).toMatch(/too many/);
      expect((await login(limited.base, 'ann@acme.test')).status).toBe(200);
      expect((await login(limited.base, 'ann@acme.test', 'guess')).status).toBe(401);
      // Five attempts from this address in the window: a sixth is refused whatever the account.
      expect((await login(limited.base, 'bob@acme.test')).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('closes a quiet stream at its keep-alive once the member is taken out of the team', async () => {
    const beating = await startServer(place, { heartbeatMs: 50 });
    try {
      const team2 = await seedTeam(beating.db, 'Quiet', ['quinn@quiet.test']);
      const stream = await client(beating.base, await tokenFor(beating.base, 'quinn@quiet.test'), team2).stream();
      expect((await stream.next()).data).toBe('RESYNC');
      await removeUser(beating.db, { email: 'quinn@quiet.test', team: team2 });
      // No change is pushed to the team: only the keep-alive's check can notice.
      const closing = await stream.next();
      expect(closing).toMatchObject({ event: 'error', data: { status: 401 } });
      await stream.ended();
    } finally {
      await beating.close();
    }
  });

  it('counts login attempts per client address behind a trusted proxy', async () => {
    const proxied = await startServer(place, { trustProxy: '127.0.0.1', loginLimit: { perAddress: 1, perAccount: 100, windowMs: 60_000 } });
    try {
      const from = async (address: string) =>
        (await fetch(`${proxied.base}/api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          body: JSON.stringify({ email: 'rita@rival.test', password: 'wrong password' }),
        })).status;
      expect(await from('203.0.113.1')).toBe(401);
      expect(await from('203.0.113.1')).toBe(429);
      expect(await from('203.0.113.2')).toBe(401);
    } finally {
      await proxied.close();
    }
  });

  it('finishes a push in flight when shutting down, then refuses new requests', async () => {
    let release!: () => void;
    let entered!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const closing = await startServer(place, {
      hooks: {
        beforeCommit: async () => {
          entered();
          await held;
        },
      },
    });
    const token = await tokenFor(closing.base, 'rita@rival.test');
    const rita = client(closing.base, token, rival, 'touches');
    const doc = touch('in-flight');
    const pushing = rita.push([{ newDocumentState: doc }]);
    await inside;
    let closedYet = false;
    const closed = closing.close().then(() => (closedYet = true));
    // close() waits for the push: it cannot have finished while the push is held open.
    await Promise.resolve();
    expect(closedYet).toBe(false);
    release();
    expect((await pushing).status).toBe(200);
    await closed;
    expect(await rita.pull().then((r) => r.status, () => 'connection refused')).toBe('connection refused');
    const db = await openPlace(place);
    try {
      const rows = await db.transaction((tx) => tx.query('SELECT id FROM docs WHERE team_id = $1 AND id = $2', [rival, 'in-flight']), { team: rival });
      expect(rows).toHaveLength(1);
    } finally {
      await db.close();
    }
  });

  it('still serves /healthz after a fuzz of bad requests', async () => {
    const token = (await login(server.base, 'ann@acme.test')).body.token;
    const requests = fc.record({
      path: fc.oneof(
        fc.constantFrom('/api/login', '/api/logout', syncPath(team, 'touches', versionOf('touches'), 'push'), syncPath(team, 'contacts', versionOf('contacts'), 'pull'), syncPath(rival, 'deals', versionOf('deals'), 'push')),
        fc.string({ maxLength: 40 }).map((s) => `/api/teams/${encodeURIComponent(s)}/sync/touches/0/push`),
      ),
      method: fc.constantFrom('GET', 'POST'),
      body: fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 4 }), fc.array(fc.record({ newDocumentState: fc.anything() }), { maxLength: 3 }).map((v) => JSON.stringify(v))),
      auth: fc.boolean(),
      query: fc.string({ maxLength: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(requests, async ({ path, method, body, auth, query }) => {
        const res = await fetch(`${server.base}${path}?checkpoint=${encodeURIComponent(query)}`, {
          method,
          headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
          body: method === 'POST' ? body : undefined,
        });
        await res.arrayBuffer();
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    const health = await fetch(`${server.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, database: kind });
  });
});
