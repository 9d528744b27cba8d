// Process: test (Node). On PostgreSQL, a push that holds its sequence number open while a later one waits, and a
// device that pulls between them: real hosts (StoreService, command runners, sync engines) against a real server
// on the run's cluster. The device that pulled in between must still end with both edits.
import pg from 'pg';
import { afterEach, expect, inject, it } from 'vitest';
import { newPlace, openPlace } from './support.ts';
import { addContact, snapshot, SyncRig, type Device } from '../support/sync-devices.ts';

let rig = new SyncRig();
afterEach(async () => {
  await rig.cleanup();
  rig = new SyncRig();
});

const FAST = { retry: { firstMs: 20, maxMs: 200 } };
const named = (d: Device, name: string) => d.contacts().filter((c) => c.name === name);

it('a device that pulls while an earlier push is still committing ends with both pushes', async () => {
  const place = await newPlace('postgres');
  const db = await openPlace(place);
  // The next push to reach COMMIT waits here until released.
  let hold: { entered: () => void; released: Promise<void> } | undefined;
  const server = await rig.startServer(undefined, 0, db, {
    beforeCommit: async () => {
      const held = hold;
      hold = undefined;
      if (held) {
        held.entered();
        await held.released;
      }
    },
  });
  rig.later(() => db.close());
  await rig.team(db, ['ann@harbor.test', 'bo@harbor.test', 'cy@harbor.test']);
  const [ann, bo, cy] = [
    await rig.device('ann', server.base, 'ann@harbor.test', FAST),
    await rig.device('bo', server.base, 'bo@harbor.test', FAST),
    await rig.device('cy', server.base, 'cy@harbor.test', FAST),
  ];
  for (const d of [ann, bo, cy]) await d.sync.inSync();

  let release!: () => void;
  const inside = new Promise<void>((entered) => (hold = { entered, released: new Promise<void>((resolve) => (release = resolve)) }));
  // Ann's push has written its row and holds its transaction open; Bo's push comes after it.
  await addContact(ann, 'Early');
  await inside;
  await addContact(bo, 'Late');
  // Bo's push waits on the team's lock (this server) or, were numbers handed out without it, commits first.
  await expect.poll(async () => named(cy, 'Late').length > 0 || (await waitingOnLocks(place.databaseUrl!)) > 0, { timeout: 15_000 }).toBe(true);

  // Cy pulls now, between the two, from the start of a new session.
  await cy.sync.setEnabled(false);
  await cy.sync.setEnabled(true);
  await cy.sync.inSync();
  release();
  await expect.poll(() => [named(cy, 'Early').length, named(cy, 'Late').length], { timeout: 20_000 }).toEqual([1, 1]);
  await expect.poll(() => new Set([ann, bo, cy].map(snapshot)).size, { timeout: 20_000 }).toBe(1);
});

/** Sessions of the test's database that wait for a lock. */
async function waitingOnLocks(databaseUrl: string): Promise<number> {
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await admin.connect();
  try {
    const rows = await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'", [new URL(databaseUrl).pathname.slice(1)]);
    return rows.rows[0].n as number;
  } finally {
    await admin.end();
  }
}
