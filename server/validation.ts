// Process: team server (Node). Checks pushed documents against the shared schemas before anything is written.
import { getValidator } from 'rxdb/plugins/validate-ajv';
import { COLLECTIONS } from '../shared/schemas/index.ts';
import { SYNCED_COLLECTIONS, type SyncedCollection, type WireDoc } from '../shared/sync/protocol.ts';

type Validate = (doc: Record<string, unknown>) => { instancePath?: string; message?: string; params?: { additionalProperty?: string } }[];

// additionalProperties: false, as RxDB itself sets on every schema: an unknown field, or RxDB's _rev, _meta
// or _attachments (which never travel on the wire), is refused rather than stored.
const validators = Object.fromEntries(
  SYNCED_COLLECTIONS.map((c) => [c, getValidator({ ...COLLECTIONS[c].schema, additionalProperties: false }) as Validate]),
) as Record<SyncedCollection, Validate>;

/** Why the document is not acceptable, or undefined when it is. */
export function documentProblem(collection: SyncedCollection, doc: unknown): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'a document must be a JSON object';
  const { _deleted: deleted, ...fields } = doc as Record<string, unknown>;
  if (typeof deleted !== 'boolean') return '_deleted must be true or false';
  if (typeof fields.id !== 'string' || fields.id.length === 0 || fields.id.length > 64) return 'id must be a string of 1 to 64 characters';
  // A tombstone may be its id alone; one that carries fields (RxDB sends the last state) carries valid ones, since
  // every other device stores it as it comes.
  if (deleted && Object.keys(fields).length === 1) return undefined;
  // A contact marked private stays on its device (the app never pushes it); a push of one is a client bug.
  if (collection === 'contacts' && fields.private === true) return 'a private contact stays on its device and is never sent to the team';
  const errors = validators[collection](fields);
  if (errors.length === 0) return undefined;
  return errors
    .map((e) => `${e.instancePath || '(document)'} ${e.message ?? 'is invalid'}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ''}`)
    .join('; ');
}

/** Touches and deals are append-only (a correction is a new document that supersedes): stored fields never change. */
const APPEND_ONLY: ReadonlySet<SyncedCollection> = new Set(['touches', 'deals']);

/** The team's rules for replacing a stored document with a new state; undefined when allowed. */
export function ruleProblem(collection: SyncedCollection, stored: WireDoc | undefined, next: WireDoc, sameFields: boolean): string | undefined {
  if (!APPEND_ONLY.has(collection) || !stored || stored._deleted || next._deleted || sameFields) return undefined;
  return `${collection} are append-only: record a correction that supersedes it instead of changing it`;
}
