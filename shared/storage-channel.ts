// Process: any (pure). The one storage channel between renderer and host: what may cross it, checked on arrival.
// The renderer is treated as untrusted: a compromised page must not reach arbitrary storage methods,
// other databases, or write documents under a schema of its own making.
import { createRxSchema, deepEqual, defaultHashSha256, INTERNAL_STORE_SCHEMA } from 'rxdb';
import type { RxJsonSchema } from 'rxdb';
import { COLLECTIONS, DATABASE_NAME, type CollectionName } from './schemas/index.ts';

/**
 * Storage methods a renderer may call; everything else (constructor, internals, 'custom') is refused. Removing a
 * collection's data (`remove`) and purging deleted documents (`cleanup`) belong to the host: a window that could
 * call them could wipe the store or drop the tombstones sync relies on.
 */
export const STORAGE_METHODS = [
  'create', 'bulkWrite', 'findDocumentsById', 'query', 'count', 'getChangedDocumentsSince', 'close',
] as const;
type StorageMethod = (typeof STORAGE_METHODS)[number];

/** The message shape RxDB's remote storage sends (storage-remote's MessageToRemote). */
export type StorageRequest = {
  connectionId: string;
  requestId: string;
  method: StorageMethod;
  version: string;
  params: unknown;
};

export type ChannelVerdict = { ok: true; message: StorageRequest } | { ok: false; error: string };

const INTERNAL_COLLECTION = '_rxdb_internal';

let expectedSchemas: Map<string, RxJsonSchema<unknown>> | undefined;

/** The exact schemas RxDB derives from ours, computed once: a create must match one of them. */
function schemaFor(collectionName: string): RxJsonSchema<unknown> | undefined {
  if (!expectedSchemas) {
    expectedSchemas = new Map();
    expectedSchemas.set(INTERNAL_COLLECTION, INTERNAL_STORE_SCHEMA as RxJsonSchema<unknown>);
    for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
      const schema = createRxSchema(COLLECTIONS[name].schema as RxJsonSchema<unknown>, defaultHashSha256, false);
      expectedSchemas.set(name, schema.jsonSchema as RxJsonSchema<unknown>);
    }
  }
  return expectedSchemas.get(collectionName);
}

const isShortString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;

export function checkStorageRequest(raw: unknown): ChannelVerdict {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'storage message must be an object' };
  const msg = raw as Record<string, unknown>;
  if (!isShortString(msg.connectionId, 128)) return { ok: false, error: 'storage message needs a connectionId' };
  if (!isShortString(msg.requestId, 128)) return { ok: false, error: 'storage message needs a requestId' };
  if (!isShortString(msg.version, 32)) return { ok: false, error: 'storage message needs an RxDB version' };
  if (typeof msg.method !== 'string' || !(STORAGE_METHODS as readonly string[]).includes(msg.method)) {
    return { ok: false, error: `storage method ${JSON.stringify(String(msg.method)).slice(0, 60)} is not allowed` };
  }
  if (msg.method === 'create') {
    const params = msg.params as Record<string, unknown> | null;
    if (typeof params !== 'object' || params === null || Array.isArray(params)) return { ok: false, error: 'create needs its parameters' };
    if (params.databaseName !== DATABASE_NAME) return { ok: false, error: `database ${JSON.stringify(String(params.databaseName)).slice(0, 60)} is not this app's` };
    const expected = typeof params.collectionName === 'string' ? schemaFor(params.collectionName) : undefined;
    if (!expected) return { ok: false, error: `collection ${JSON.stringify(String(params.collectionName)).slice(0, 60)} is not known` };
    if (!deepEqual(params.schema, expected)) return { ok: false, error: `collection ${params.collectionName}: schema differs from this app's` };
  } else if (!Array.isArray(msg.params) || msg.params.length > 4) {
    return { ok: false, error: `${msg.method} needs an argument list` };
  }
  return { ok: true, message: msg as StorageRequest };
}
