// Process: team server (Node). Checks pushed documents against the served collections' schemas before anything is written.
import type { ServedCollection } from './served-collections.ts';
import { describeSchemaErrors, documentSizeProblem } from '../shared/schemas/bounds.ts';
import type { WireDoc } from '../shared/sync/protocol.ts';

/** The document's primary key (`id` in Sphere's collections). */
export const idOf = (collection: ServedCollection, doc: object) => (doc as Record<string, unknown>)[collection.primaryKey];

/** Why the document is not acceptable, or undefined when it is. */
export function documentProblem(collection: ServedCollection, doc: unknown): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'a document must be a JSON object';
  // Before the schema: whatever a document holds, every device must be able to store it.
  const tooLarge = documentSizeProblem('it', doc);
  if (tooLarge) return tooLarge;
  const { _deleted: deleted, ...fields } = doc as Record<string, unknown>;
  if (typeof deleted !== 'boolean') return '_deleted must be true or false';
  const id = fields[collection.primaryKey];
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return `${collection.primaryKey} must be a string of 1 to 64 characters`;
  if (collection.idPattern && !collection.idPattern.test(id)) return `${collection.primaryKey} must match pattern "${collection.idPattern.source}"`;
  // A tombstone may be its id alone; one that carries fields (RxDB sends the last state) carries valid ones, since
  // every other device stores it as it comes.
  if (deleted && Object.keys(fields).length === 1) return undefined;
  const refused = collection.refuse?.(fields);
  if (refused) return refused;
  const errors = collection.validate(fields);
  if (errors.length === 0) return undefined;
  return describeSchemaErrors(errors);
}

/** The team's rules for replacing a stored document with a new state; undefined when allowed. */
export function ruleProblem(collection: ServedCollection, stored: WireDoc | undefined, next: WireDoc, sameFields: boolean): string | undefined {
  if (!collection.appendOnly || !stored || stored._deleted || next._deleted || sameFields) return undefined;
  return `${collection.name} are append-only: record a correction that supersedes it instead of changing it`;
}
