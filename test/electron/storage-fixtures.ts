// Process: test (Node). Shared set-up for storage tests: a throw-away folder, a schema, write rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fillWithDefaultSettings, createRevision, now, randomToken } from 'rxdb';
import type { BulkWriteRow, RxDocumentData, RxJsonSchema, RxStorage, RxStorageInstance } from 'rxdb';

export type Person = { id: string; name: string; age: number; tags: string[]; ring: string; active: boolean };

export const personSchema: RxJsonSchema<RxDocumentData<Person>> = fillWithDefaultSettings<Person>({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 20 },
    name: { type: 'string', maxLength: 30 },
    age: { type: 'integer', minimum: 0, maximum: 150, multipleOf: 1 },
    tags: { type: 'array', items: { type: 'string' } },
    ring: { type: 'string', maxLength: 10 },
    active: { type: 'boolean' },
  },
  required: ['id', 'name', 'age', 'tags', 'ring', 'active'],
  indexes: ['name', 'age', ['ring', 'age'], 'active'],
});

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `sphere-${name}-`));
}

export async function createInstance<T>(
  storage: RxStorage<unknown, unknown>,
  schema: RxJsonSchema<RxDocumentData<T>>,
  collectionName = 'people',
  databaseName = 'db',
  multiInstance = false,
): Promise<RxStorageInstance<T, unknown, unknown>> {
  return storage.createStorageInstance<T>({
    databaseInstanceToken: randomToken(10),
    databaseName,
    collectionName,
    schema,
    options: {},
    multiInstance,
    devMode: false,
  }) as Promise<RxStorageInstance<T, unknown, unknown>>;
}

let lwtClock = 0;

/** A document with RxDB's meta fields, the way RxDB itself would hand it to a storage. */
export function withMeta<T extends object>(doc: T, previous?: RxDocumentData<T>, deleted = false): RxDocumentData<T> {
  // Strictly increasing lwt, as RxDB guarantees within one process.
  lwtClock = Math.max(lwtClock + 0.01, now());
  const data = {
    ...doc,
    _deleted: deleted,
    _attachments: {},
    _meta: { lwt: Number(lwtClock.toFixed(2)) },
    _rev: '',
  } as unknown as RxDocumentData<T>;
  data._rev = createRevision('tst', previous);
  return data;
}

export function insertRow<T extends object>(doc: T): BulkWriteRow<T> {
  return { document: withMeta(doc) };
}

export function updateRow<T extends object>(previous: RxDocumentData<T>, patch: Partial<T>, deleted = false): BulkWriteRow<T> {
  const { _meta: _m, _rev: _r, _deleted: _d, _attachments: _a, ...plain } = previous as RxDocumentData<T> & Record<string, unknown>;
  return { previous, document: withMeta({ ...(plain as T), ...patch }, previous, deleted) };
}
