// Process: team server (Node). Pull and push of RxDB's replication protocol over the docs table of one team.
import { jsonEqual } from './deep-equal.ts';
import { num, type SqlDatabase, type SqlQuery } from './sql-database.ts';
import type { ServedCollection } from './served-collections.ts';
import { documentProblem, idOf, ruleProblem } from './validation.ts';
import type { PushRow, SyncCheckpoint, WireDoc } from '../shared/sync/protocol.ts';

/** A refusal with its HTTP status and a message that says what was wrong. */
export class RequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export type PushHooks = {
  /** Runs inside the push transaction, after the writes and before COMMIT: lets a test hold a push open. */
  beforeCommit?: (team: string) => Promise<void>;
};

type DocRow = { id: string; seq: unknown; deleted: unknown; data: string };

const toWire = (collection: ServedCollection, row: DocRow): WireDoc =>
  ({ ...(JSON.parse(row.data) as Record<string, unknown>), [collection.primaryKey]: row.id, _deleted: num(row.deleted) === 1 }) as WireDoc;
const fieldsOf = ({ _deleted: _, ...fields }: WireDoc) => fields;

async function teamState(tx: SqlQuery, team: string) {
  const rows = await tx.query<{ seq: unknown; generation: string }>('SELECT seq, generation FROM teams WHERE id = $1', [team]);
  if (!rows[0]) throw new RequestError(404, `no team ${team}`);
  return { seq: num(rows[0].seq), generation: rows[0].generation };
}

/** Rows of one collection after a sequence number, in sequence (commit) order, up to the team's committed seq. */
async function rowsAfter(tx: SqlQuery, team: string, collection: ServedCollection, after: number, upTo: number, limit: number) {
  const rows = await tx.query<DocRow>(
    'SELECT id, seq, deleted, data FROM docs WHERE team_id = $1 AND collection = $2 AND seq > $3 AND seq <= $4 ORDER BY seq LIMIT $5',
    [team, collection.name, after, upTo, limit],
  );
  return { rows, lastSeq: rows.length ? num(rows[rows.length - 1]!.seq) : after };
}

/** Changes of one collection after a sequence number, in sequence (commit) order, up to the team's committed seq. */
export async function changesAfter(tx: SqlQuery, team: string, collection: ServedCollection, after: number, upTo: number, limit: number) {
  const { rows, lastSeq } = await rowsAfter(tx, team, collection, after, upTo, limit);
  return { documents: rows.map((row) => toWire(collection, row)), lastSeq };
}

/**
 * A stored row as the wire's JSON text. Stored as pushed, the text is the document's own fields, its primary key
 * first as the app writes it: then `_deleted` is all it lacks, and the row is never parsed. Parsing each row and
 * serialising it again took longer than the query that read it. Any other row (the key elsewhere, or missing) is
 * parsed and given its key from the row, as the live stream's documents are (toWire).
 */
function wireText(collection: ServedCollection, row: DocRow): string {
  const head = `{${JSON.stringify(collection.primaryKey)}:${JSON.stringify(row.id)}`;
  const next = row.data.charAt(head.length);
  if (row.data.startsWith(head) && (next === ',' || next === '}')) return `${row.data.slice(0, -1)},"_deleted":${num(row.deleted) === 1}}`;
  return JSON.stringify(toWire(collection, row));
}

/**
 * A checkpoint from another generation, or ahead of the team's feed (the database was restored from a backup), is
 * answered from the start: the client then resyncs fully instead of believing it is in sync. The answer is a
 * PullResponse as JSON text.
 */
export async function pull(db: SqlDatabase, team: string, collection: ServedCollection, checkpoint: SyncCheckpoint | undefined, limit: number): Promise<string> {
  return db.transaction(
    async (tx) => {
      const state = await teamState(tx, team);
      const valid = checkpoint && checkpoint.generation === state.generation && checkpoint.seq <= state.seq;
      const { rows, lastSeq } = await rowsAfter(tx, team, collection, valid ? checkpoint.seq : 0, state.seq, limit);
      const next: SyncCheckpoint = { seq: lastSeq, generation: state.generation };
      return `{"documents":[${rows.map((row) => wireText(collection, row)).join(',')}],"checkpoint":${JSON.stringify(next)}}`;
    },
    { team },
  );
}

/** Checks every row before anything is written: one bad document refuses the whole request. */
export function checkPushRows(collection: ServedCollection, body: unknown, maxRows: number): PushRow[] {
  if (!Array.isArray(body)) throw new RequestError(400, 'a push is a JSON array of {assumedMasterState, newDocumentState}');
  if (body.length > maxRows) throw new RequestError(413, `a push carries at most ${maxRows} documents, this one ${body.length}`);
  return body.map((row: unknown, i) => {
    if (typeof row !== 'object' || row === null) throw new RequestError(400, `row ${i}: not an object`);
    const { assumedMasterState, newDocumentState } = row as Record<string, unknown>;
    const named = (doc: unknown) => {
      const id = typeof doc === 'object' && doc !== null ? idOf(collection, doc) : undefined;
      return typeof id === 'string' ? `${collection.name} document ${JSON.stringify(id)} (row ${i})` : `row ${i}`;
    };
    const problem = documentProblem(collection, newDocumentState);
    if (problem) throw new RequestError(400, `${named(newDocumentState)}: ${problem}`);
    const doc = newDocumentState as WireDoc;
    if (assumedMasterState !== undefined && assumedMasterState !== null) {
      if (typeof assumedMasterState !== 'object' || idOf(collection, assumedMasterState) !== idOf(collection, doc)) {
        throw new RequestError(400, `${named(doc)}: assumedMasterState must be the same document`);
      }
      return { assumedMasterState: assumedMasterState as WireDoc, newDocumentState: doc };
    }
    return { newDocumentState: doc };
  });
}

async function storedStates(tx: SqlQuery, team: string, collection: ServedCollection, ids: string[]): Promise<Map<string, WireDoc>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const placeholders = unique.map((_, i) => `$${i + 3}`).join(', ');
  const rows = await tx.query<DocRow>(`SELECT id, seq, deleted, data FROM docs WHERE team_id = $1 AND collection = $2 AND id IN (${placeholders})`, [team, collection.name, ...unique]);
  return new Map(rows.map((row) => [row.id, toWire(collection, row)]));
}

export type PushResult = { conflicts: WireDoc[]; seq: number | undefined };

/**
 * One transaction. Its first statement locks the team's row, so pushes to one team run one after another and
 * sequence order is commit order: a pull can never pass a number whose row has yet to commit.
 */
export async function push(db: SqlDatabase, team: string, collection: ServedCollection, rows: PushRow[], hooks: PushHooks = {}): Promise<PushResult> {
  return db.transaction(
    async (tx) => {
      const locked = await tx.query<{ seq: unknown }>('UPDATE teams SET seq = seq WHERE id = $1 RETURNING seq', [team]);
      if (!locked[0]) throw new RequestError(404, `no team ${team}`);
      const start = num(locked[0].seq);
      let seq = start;
      const conflicts: WireDoc[] = [];
      // One read of every stored state and one write of every change: a push of 500 rows is two statements.
      const stored = await storedStates(tx, team, collection, rows.map((row) => idOf(collection, row.newDocumentState) as string));
      const writes = new Map<string, { seq: number; doc: WireDoc }>();
      for (const { assumedMasterState: assumed, newDocumentState: next } of rows) {
        const id = idOf(collection, next) as string;
        const current = stored.get(id);
        // Already there (a retried push): nothing to write, and not a conflict either.
        if (current && jsonEqual(current, next)) continue;
        // No stored document: the client's state wins whatever it assumed (the server may have been reset).
        if (current && !(assumed && jsonEqual(current, assumed))) {
          conflicts.push(current);
          continue;
        }
        const rule = ruleProblem(collection, current, next, !!current && jsonEqual(fieldsOf(current), fieldsOf(next)));
        if (rule) throw new RequestError(400, `${collection.name} document ${JSON.stringify(id)}: ${rule}`);
        seq += 1;
        stored.set(id, next);
        // A document written twice in one push keeps its last state, at its later number.
        writes.delete(id);
        writes.set(id, { seq, doc: next });
      }
      if (writes.size > 0) {
        const values: string[] = [];
        const params: unknown[] = [team, collection.name];
        for (const [id, { seq: docSeq, doc }] of writes) {
          const at = params.length;
          values.push(`($1, $2, $${at + 1}, $${at + 2}, $${at + 3}, $${at + 4})`);
          params.push(id, docSeq, doc._deleted ? 1 : 0, JSON.stringify(fieldsOf(doc)));
        }
        await tx.query(
          `INSERT INTO docs (team_id, collection, id, seq, deleted, data) VALUES ${values.join(', ')}
           ON CONFLICT (team_id, collection, id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted, data = excluded.data`,
          params,
        );
      }
      if (seq > start) {
        await tx.query('UPDATE teams SET seq = $1 WHERE id = $2', [seq, team]);
        // Delivered at COMMIT, to every server process on the database: a wake-up (team and seq), never the data.
        if (db.dialect === 'postgres') await tx.query("SELECT pg_notify('sphere_team', $1)", [`${team}:${seq}`]);
      }
      await hooks.beforeCommit?.(team);
      return { conflicts, seq: seq > start ? seq : undefined };
    },
    { team },
  );
}
