// Process: main or browser host (Node). What the team server sends is checked as what a window writes is
// (bounded-storage.ts): sync writes pulled documents to the store directly, so a server that lets through a
// document this version's schemas refuse (an older server, a bug, a hostile one) must not land it here.
import { describeSchemaErrors, documentName, documentSizeProblem, ID_PATTERN, isSafeId } from '../../shared/schemas/bounds.ts';
import { COLLECTIONS } from '../../shared/schemas/index.ts';
import type { SyncedCollection, WireDoc } from '../../shared/sync/protocol.ts';
import { validatorFor } from '../store/bounded-storage.ts';
import { SyncFailure } from './sync-http.ts';

/** Compiled once per collection: looking one up by its schema's text cost more than checking the document. */
const wireValidators = new Map<SyncedCollection, ReturnType<typeof validatorFor>>();

function wireValidator(collection: SyncedCollection): ReturnType<typeof validatorFor> {
  let validate = wireValidators.get(collection);
  // On the wire a document is its own fields: RxDB's _rev, _meta and _attachments are refused as unknown.
  if (!validate) wireValidators.set(collection, (validate = validatorFor({ ...COLLECTIONS[collection].schema, additionalProperties: false } as never)));
  return validate;
}

/** Why a pulled document may not be stored, or undefined. A tombstone may be its id alone. */
export function pulledDocumentProblem(collection: SyncedCollection, doc: WireDoc): string | undefined {
  const name = documentName(collection, (doc as Record<string, unknown>).id);
  const tooLarge = documentSizeProblem(name, doc);
  if (tooLarge) return tooLarge;
  const { _deleted: deleted, ...fields } = doc;
  if (deleted && Object.keys(fields).length === 1) return isSafeId(fields.id) ? undefined : `${name}: id must match pattern "${ID_PATTERN}"`;
  const errors = wireValidator(collection)(fields);
  return errors.length > 0 ? `${name}: ${describeSchemaErrors(errors)}` : undefined;
}

/** Throws a refusal the sync engine stops on (the user sees it), naming the first document this version refuses. */
export function checkPulled(collection: SyncedCollection, docs: readonly WireDoc[]): void {
  for (const doc of docs) {
    const problem = pulledDocumentProblem(collection, doc);
    if (problem) throw new SyncFailure('refused', `The team server sent a document this version of Sphere refuses: ${problem}`);
  }
}
