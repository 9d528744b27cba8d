// Process: test (Node). A team server updated to newer schema versions brings the documents it stored under the
// older ones forward at start, with the app's own migration steps: clients at the new versions pull documents
// that fit them, an unsafe id is renamed (nothing is left under the old one), and a document that cannot be
// brought forward stops the start with its name, changing nothing. On SQLite and on PostgreSQL.
import { describe, expect, it } from 'vitest';
import { safeId } from '../../shared/schemas/repair.ts';
import type { SqlDatabase } from '../../server/sql-database.ts';
import { client, KINDS, newPlace, openPlace, seedTeam, startServer, tokenFor } from './support.ts';

const AT = 1_700_000_000_000;

/** Rows as a server of contacts v1 and deals v0 stored them (before it was updated), with their sequence numbers. */
async function storeOldRows(db: SqlDatabase, team: string, rows: { collection: string; id: string; deleted?: boolean; data: object }[]) {
  await db.transaction(async (tx) => {
    let seq = 0;
    for (const row of rows) {
      await tx.query('INSERT INTO docs (team_id, collection, id, seq, deleted, data) VALUES ($1, $2, $3, $4, $5, $6)', [team, row.collection, row.id, ++seq, row.deleted ? 1 : 0, JSON.stringify(row.data)]);
    }
    await tx.query('UPDATE teams SET seq = $1 WHERE id = $2', [seq, team]);
  }, { team });
}

const oldContact = (id: string, fields: object = {}) => ({ id, name: 'Odd Person', category: 'business', ring: 'like', emails: ['odd@example.com', 'odd@example.com'], phones: [], tags: ['a', 'a', 'b'], roles: [], createdAt: AT, updatedAt: AT, updatedBy: 'device-old', ...fields });

describe.each(KINDS)('stored documents after a server update, on %s', (kind) => {
  it('are brought to the served versions at start, once, and clients pull them', async () => {
    const place = await newPlace(kind);
    const db = await openPlace(place);
    const team = await seedTeam(db, 'Acme', ['ann@acme.test']);
    await storeOldRows(db, team, [
      { collection: 'contacts', id: '../../etc/passwd', data: oldContact('../../etc/passwd') },
      { collection: 'contacts', id: 'c-fine', data: oldContact('c-fine', { emails: [], tags: [] }) },
      { collection: 'deals', id: 'd-1', data: { id: 'd-1', contactId: '../../etc/passwd', amount: 500, currency: 'usd', at: AT, createdAt: AT, updatedBy: 'device-old' } },
      { collection: 'deals', id: 'd-gone', deleted: true, data: { id: 'd-gone' } },
    ]);
    await db.close();

    const server = await startServer(place);
    try {
      const token = await tokenFor(server.base, 'ann@acme.test');
      const contacts = (await client(server.base, token, team, 'contacts').pull(undefined, 1000)).body.documents;
      const renamed = safeId('../../etc/passwd');
      expect(contacts.find((d) => d.id === renamed)).toMatchObject({ emails: ['odd@example.com'], tags: ['a', 'b'], _deleted: false });
      // Nothing is left under the old id, not even a tombstone: no device may be sent it.
      expect(contacts.find((d) => d.id === '../../etc/passwd')).toBeUndefined();
      expect(contacts.find((d) => d.id === 'c-fine')).toMatchObject({ name: 'Odd Person', _deleted: false });
      const deals = (await client(server.base, token, team, 'deals').pull(undefined, 1000)).body;
      expect(deals.documents.find((d) => d.id === 'd-1')).toEqual({ id: 'd-1', contactId: renamed, amount: 500, currency: 'USD', at: AT, createdAt: AT, updatedAt: AT, updatedBy: 'device-old', _deleted: false });
      expect(deals.documents.find((d) => d.id === 'd-gone')).toEqual({ id: 'd-gone', _deleted: true });
      // Changed documents come after everything stored before: a client's old checkpoint pulls them again.
      expect(deals.checkpoint.seq).toBeGreaterThan(4);
      const after = deals.checkpoint.seq;
      await server.close();

      // The next start has nothing to do.
      const again = await startServer(place);
      const token2 = await tokenFor(again.base, 'ann@acme.test');
      expect((await client(again.base, token2, team, 'deals').pull(undefined, 1000)).body.checkpoint.seq).toBe(after);
      await again.close();
    } finally {
      await server.close().catch(() => undefined);
    }
  });

  it('stops the start naming a document that cannot be brought forward, and changes nothing', async () => {
    const place = await newPlace(kind);
    const db = await openPlace(place);
    const team = await seedTeam(db, 'Acme', ['ann@acme.test']);
    // A category no version ever had: no step can mend it.
    await storeOldRows(db, team, [{ collection: 'contacts', id: 'c-alien', data: oldContact('c-alien', { category: 'aliens' }) }]);
    const before = await db.transaction((tx) => tx.query('SELECT id, seq, data FROM docs ORDER BY id'), { team });
    await db.close();

    await expect(startServer(place)).rejects.toThrow(`contacts document "c-alien" of team ${team} does not fit schema version 2: category must be equal to one of the allowed values`);
    const check = await openPlace(place);
    try {
      expect(await check.transaction((tx) => tx.query('SELECT id, seq, data FROM docs ORDER BY id'), { team })).toEqual(before);
      expect(await check.query('SELECT collection, version FROM doc_versions ORDER BY collection')).toEqual([
        { collection: 'contacts', version: 1 }, { collection: 'deals', version: 0 }, { collection: 'ties', version: 1 }, { collection: 'touches', version: 0 },
      ]);
    } finally {
      await check.close();
    }
  });
});
