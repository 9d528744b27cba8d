// Process: team server (Node). Brings the documents a team server stored under older schema versions to the
// versions it serves now, with the app's own migration steps (shared/schemas): a server updated to contacts v2
// must not hand a v2 client the v1 documents it kept, nor refuse their next edit. Runs once at start, in one
// transaction: a document that cannot be brought forward stops the start, names it, and changes nothing.
import type { MigrationStrategies } from 'rxdb';
import { num, type SqlDatabase, type SqlQuery } from './sql-database.ts';
import type { ServedCollection } from './served-collections.ts';
import { documentProblem } from './validation.ts';

export type DocumentUpgrade = { collection: string; from: number; to: number; changed: number };

/** A server that cannot bring its stored documents forward; the message says which and why. */
export class StoredDocumentsError extends Error {
  override name = 'StoredDocumentsError';
}

type DocRow = { id: string; data: string };

async function runSteps(strategies: MigrationStrategies, from: number, to: number, doc: Record<string, unknown>): Promise<Record<string, unknown> | null> {
  let current: Record<string, unknown> | null = doc;
  for (let version = from + 1; version <= to && current; version++) {
    const step = strategies[version];
    if (!step) throw new StoredDocumentsError(`no migration step to schema version ${version}`);
    current = (await step(current, undefined as never)) as Record<string, unknown> | null;
  }
  return current;
}

/**
 * Migrates every live document of each collection stored at an older version than served. A changed document
 * gets the team's next sequence number, so every client pulls it. One whose id the step renamed (an id outside
 * the safe alphabet) is stored under the new id only: its old row goes, leaving no tombstone, since a tombstone
 * under that id is itself refused by every updated device, and each of them renamed its own copy alike when it
 * upgraded (older ones cannot sync: 426). Tombstones themselves stay as they are.
 */
export async function upgradeStoredDocuments(
  db: SqlDatabase,
  collections: Map<string, ServedCollection>,
  strategiesOf: (collection: string) => MigrationStrategies | undefined,
): Promise<DocumentUpgrade[]> {
  return db.transaction(async (tx) => {
    // Two server processes starting at once on one PostgreSQL: the second waits here, then finds nothing behind.
    if (db.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7462)');
    const recorded = new Map((await tx.query<{ collection: string; version: unknown }>('SELECT collection, version FROM doc_versions')).map((r) => [r.collection, num(r.version)]));
    const done: DocumentUpgrade[] = [];
    for (const collection of collections.values()) {
      const stored = recorded.get(collection.name);
      if (stored === undefined) {
        // Never served before by this database: nothing is stored under an older version.
        await tx.query('INSERT INTO doc_versions (collection, version) VALUES ($1, $2)', [collection.name, collection.version]);
        continue;
      }
      if (stored > collection.version) {
        throw new StoredDocumentsError(`the database holds ${collection.name} at schema version ${stored}, newer than this server's ${collection.version}: update the server`);
      }
      if (stored === collection.version) continue;
      const strategies = strategiesOf(collection.name) ?? {};
      let changed = 0;
      for (const team of await tx.query<{ id: string }>('SELECT id FROM teams ORDER BY id')) {
        changed += await upgradeTeam(tx, db, team.id, collection, strategies, stored);
      }
      await tx.query('UPDATE doc_versions SET version = $1 WHERE collection = $2', [collection.version, collection.name]);
      done.push({ collection: collection.name, from: stored, to: collection.version, changed });
    }
    return done;
  });
}

async function upgradeTeam(tx: SqlQuery, db: SqlDatabase, team: string, collection: ServedCollection, strategies: MigrationStrategies, from: number): Promise<number> {
  // Row-level security shows a transaction one team's rows: this one moves from team to team.
  if (db.dialect === 'postgres') await tx.query("SELECT set_config('sphere.team', $1, true)", [team]);
  const rows = await tx.query<DocRow>('SELECT id, data FROM docs WHERE team_id = $1 AND collection = $2 AND deleted = 0 ORDER BY seq', [team, collection.name]);
  if (rows.length === 0) return 0;
  let seq = num((await tx.query<{ seq: unknown }>('UPDATE teams SET seq = seq WHERE id = $1 RETURNING seq', [team]))[0]!.seq);
  const start = seq;
  for (const row of rows) {
    const before = { ...(JSON.parse(row.data) as Record<string, unknown>), [collection.primaryKey]: row.id };
    const name = `${collection.name} document ${JSON.stringify(row.id)} of team ${team}`;
    let after: Record<string, unknown> | null;
    try {
      after = await runSteps(strategies, from, collection.version, before);
    } catch (err) {
      throw new StoredDocumentsError(`${name}: ${(err as Error).message}`, { cause: err });
    }
    if (after === null) {
      // A step that drops a document: every device drops it too, by its tombstone (if its id may be sent at all).
      if (collection.idPattern && !collection.idPattern.test(row.id)) await dropRow(tx, team, collection, row.id);
      else await tx.query('UPDATE docs SET seq = $1, deleted = 1, data = $2 WHERE team_id = $3 AND collection = $4 AND id = $5', [++seq, JSON.stringify({ [collection.primaryKey]: row.id }), team, collection.name, row.id]);
      continue;
    }
    const problem = documentProblem(collection, { ...after, _deleted: false });
    if (problem) throw new StoredDocumentsError(`${name} does not fit schema version ${collection.version}: ${problem}`);
    if (JSON.stringify(after) === JSON.stringify(before)) continue;
    const id = after[collection.primaryKey] as string;
    if (id !== row.id) await dropRow(tx, team, collection, row.id);
    await tx.query(
      `INSERT INTO docs (team_id, collection, id, seq, deleted, data) VALUES ($1, $2, $3, $4, 0, $5)
       ON CONFLICT (team_id, collection, id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, data = excluded.data`,
      [team, collection.name, id, ++seq, JSON.stringify(after)],
    );
  }
  if (seq > start) {
    await tx.query('UPDATE teams SET seq = $1 WHERE id = $2', [seq, team]);
    if (db.dialect === 'postgres') await tx.query("SELECT pg_notify('sphere_team', $1)", [`${team}:${seq}`]);
  }
  return seq - start;
}

const dropRow = (tx: SqlQuery, team: string, collection: ServedCollection, id: string) =>
  tx.query('DELETE FROM docs WHERE team_id = $1 AND collection = $2 AND id = $3', [team, collection.name, id]);
