// Process: team server (Node). The collections a server replicates, each with its schema version, primary key,
// validator and team rules: Sphere's four by default. A test server may serve others beside them (RxDB's own
// replication test suite replicates its `humans` schema), under the same strict validation.
import type { MigrationStrategies } from 'rxdb';
import { getValidator } from 'rxdb/plugins/validate-ajv';
import { COLLECTIONS } from '../shared/schemas/index.ts';
import type { SyncedCollection } from '../shared/sync/protocol.ts';

type Validate = (doc: Record<string, unknown>) => { instancePath?: string; message?: string; params?: { additionalProperty?: string } }[];

/** How a collection is declared to the server: its RxDB schema and the team's rules for it. */
export type CollectionSpec = {
  schema: { version: number; primaryKey: unknown; properties: object } & Record<string, unknown>;
  /** Stored fields never change: a correction is a new document that supersedes. */
  appendOnly?: boolean;
  /** A reason to refuse a document that passes its schema, or undefined. */
  refuse?: (fields: Record<string, unknown>) => string | undefined;
  /** The app's steps from each older schema version, for documents stored before the server was updated. */
  migrationStrategies?: MigrationStrategies;
};

export type ServedCollection = {
  name: string;
  version: number;
  /** The field that names a document; the docs table keys rows by its value. */
  primaryKey: string;
  appendOnly: boolean;
  /** The primary key's pattern in the schema, if it has one: a tombstone sent as its id alone must match it too. */
  idPattern?: RegExp;
  validate: Validate;
  refuse?: (fields: Record<string, unknown>) => string | undefined;
};

export const SPHERE_COLLECTIONS: Record<SyncedCollection, CollectionSpec> = {
  // A contact marked private stays on its device (the app never pushes it); a push of one is a client bug.
  contacts: { schema: COLLECTIONS.contacts.schema, migrationStrategies: COLLECTIONS.contacts.migrationStrategies, refuse: (fields) => (fields.private === true ? 'a private contact stays on its device and is never sent to the team' : undefined) },
  ties: { schema: COLLECTIONS.ties.schema, migrationStrategies: COLLECTIONS.ties.migrationStrategies },
  touches: { schema: COLLECTIONS.touches.schema, migrationStrategies: COLLECTIONS.touches.migrationStrategies, appendOnly: true },
  // Deals are edited in place since schema version 1, merged field by field like contacts (shared/sync/field-merge.ts).
  deals: { schema: COLLECTIONS.deals.schema, migrationStrategies: COLLECTIONS.deals.migrationStrategies },
};

export function servedCollections(specs: Record<string, CollectionSpec>): Map<string, ServedCollection> {
  return new Map(
    Object.entries(specs).map(([name, spec]) => {
      const { primaryKey } = spec.schema;
      // A composite key would need its parts joined as RxDB does; no served collection has one, so none is taken.
      if (typeof primaryKey !== 'string') throw new Error(`${name}: the team server serves only collections whose primaryKey is one field`);
      // additionalProperties: false, as RxDB itself sets on every schema: an unknown field, or RxDB's _rev, _meta
      // or _attachments (which never travel on the wire), is refused rather than stored.
      const validate = getValidator({ ...spec.schema, additionalProperties: false } as never) as Validate;
      const pattern = (spec.schema.properties as Record<string, { pattern?: string } | undefined>)[primaryKey]?.pattern;
      const idPattern = pattern ? new RegExp(pattern) : undefined;
      return [name, { name, version: spec.schema.version, primaryKey, appendOnly: spec.appendOnly ?? false, idPattern, validate, refuse: spec.refuse }];
    }),
  );
}
