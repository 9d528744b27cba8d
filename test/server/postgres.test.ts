// Process: test (Node). What only PostgreSQL has: concurrent pushes, several server processes, row-level security.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startServerProcess } from './server-process.ts';
import { client, newPlace, openPlace, seedTeam, startServer, tokenFor, touch, waitFor, type Place, type Running } from './support.ts';

describe('team server on PostgreSQL', () => {
  let place: Place;
  let server: Running;
  let team: string;
  let rival: string;
  // The next push to reach COMMIT waits here until released: the test's handle on a late commit.
  let hold: { entered: () => void; released: Promise<void> } | undefined;

  beforeAll(async () => {
    place = await newPlace('postgres');
    server = await startServer(place, {
      hooks: {
        beforeCommit: async () => {
          const held = hold;
          hold = undefined;
          if (held) {
            held.entered();
            await held.released;
          }
        },
      },
    });
    team = await seedTeam(server.db, 'Acme', ['ann@acme.test', 'bob@acme.test']);
    rival = await seedTeam(server.db, 'Rival', ['rita@rival.test']);
  });
  afterAll(() => server?.close());

  /** Sessions of this test's database that wait for a lock. */
  async function waitingOnLocks(): Promise<number> {
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    try {
      const rows = await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'", [new URL(place.databaseUrl!).pathname.slice(1)]);
      return rows.rows[0].n as number;
    } finally {
      await admin.end();
    }
  }

  it('never lets a pull skip a push that commits after a later one started', async () => {
    const ann = client(server.base, await tokenFor(server.base, 'ann@acme.test'), team);
    const start = (await ann.pull()).body.checkpoint;
    let release!: () => void;
    const inside = new Promise<void>((entered) => (hold = { entered, released: new Promise<void>((r) => (release = r)) }));

    const early = ann.push([{ newDocumentState: touch('early') }]);
    await inside;
    // The early push has written its row and holds its transaction open. The late one starts now.
    const late = ann.push([{ newDocumentState: touch('late') }]);
    let lateDone = false;
    void late.then(() => (lateDone = true));
    // Either it waits on the team's row lock (this server) or, were sequence numbers handed out without that
    // lock, it would commit first: both end the wait, and the pulls below tell them apart.
    await waitFor(async () => lateDone || (await waitingOnLocks()) > 0, 'the late push to wait or finish');

    const between = (await ann.pull(start)).body;
    release();
    expect((await early).status).toBe(200);
    expect((await late).status).toBe(200);
    const after = (await ann.pull(between.checkpoint)).body;
    const seen = [...between.documents, ...after.documents].map((d) => d.id);
    expect(seen).toEqual(['early', 'late']);
    expect(between.documents).toEqual([]);
  });

  it('fans a change pushed to one server process out to the stream of another (LISTEN/NOTIFY)', async () => {
    const other = await startServerProcess(place);
    try {
      const bob = client(server.base, await tokenFor(server.base, 'bob@acme.test'), team);
      const stream = await bob.stream();
      expect((await stream.next()).data).toBe('RESYNC');
      const ann = client(other.base, await tokenFor(other.base, 'ann@acme.test'), team);
      const doc = touch('via-other-process');
      expect((await ann.push([{ newDocumentState: doc }])).status).toBe(200);
      expect((await stream.next()).data).toMatchObject({ documents: [doc] });
      stream.close();
    } finally {
      expect((await other.stop()).code).toBe(0);
    }
  });

  it('keeps streaming after the listening connection to PostgreSQL is lost', async () => {
    const bob = client(server.base, await tokenFor(server.base, 'bob@acme.test'), team);
    const stream = await bob.stream();
    expect((await stream.next()).data).toBe('RESYNC');
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    try {
      const killed = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'", [new URL(place.databaseUrl!).pathname.slice(1)]);
      expect(killed.rowCount).toBeGreaterThan(0);
      // Pushed while nobody listens: the notification is lost, the change must still reach the stream.
      const ann = client(server.base, await tokenFor(server.base, 'ann@acme.test'), team);
      const doc = touch('while-deaf');
      await ann.push([{ newDocumentState: doc }]);
      expect((await stream.next()).data).toMatchObject({ documents: [doc] });
    } finally {
      await admin.end();
      stream.close();
    }
  });

  it('refuses a cross-team read or write in the database itself (row-level security)', async () => {
    const rita = client(server.base, await tokenFor(server.base, 'rita@rival.test'), rival);
    await rita.push([{ newDocumentState: touch('rival-only', { note: 'rival secret' }) }]);
    const db = await openPlace(place);
    try {
      const role = await db.query<{ bypass: boolean }>('SELECT rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user');
      expect(role[0]!.bypass).toBe(false);
      // A hand-written query that names the rival team, in a transaction set to Acme: nothing comes back.
      const read = await db.transaction((tx) => tx.query('SELECT id FROM docs WHERE team_id = $1', [rival]), { team });
      expect(read).toEqual([]);
      const teamsSeen = await db.transaction((tx) => tx.query<{ team_id: string }>('SELECT DISTINCT team_id FROM docs'), { team });
      expect(teamsSeen.map((r) => r.team_id)).toEqual([team]);
      await expect(
        db.transaction((tx) => tx.query("INSERT INTO docs (team_id, collection, id, seq, deleted, data) VALUES ($1, 'touches', 'planted', 1, 0, '{}')", [rival]), { team }),
      ).rejects.toThrow(/row-level security/);
      const updated = await db.transaction((tx) => tx.query("UPDATE docs SET data = '{}' WHERE team_id = $1 RETURNING id", [rival]), { team });
      expect(updated).toEqual([]);
      // Outside any team, no document is visible at all.
      expect(await db.query('SELECT id FROM docs')).toEqual([]);
      const own = await db.transaction((tx) => tx.query('SELECT id FROM docs WHERE id = $1', ['rival-only']), { team: rival });
      expect(own).toEqual([{ id: 'rival-only' }]);
    } finally {
      await db.close();
    }
  });
});
