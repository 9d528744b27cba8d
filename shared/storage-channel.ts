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

/**
 * A client's value quoted for an error, without converting it: `String(x)` runs an object's own `toString`, and
 * one parsed from JSON whose `toString` is not a function throws, which ended the host.
 */
const quoted = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value).slice(0, 60) : `(a ${value === null ? 'null' : typeof value})`);

/**
 * Whether a query carries `$regex` anywhere. The app never sends one, and a catastrophic pattern (`^(a+)+$`)
 * holds the host's event loop for seconds per document. Walked without recursion: the shape is the client's.
 */
function hasRegex(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next !== 'object' || next === null) continue;
    if (!Array.isArray(next) && Object.prototype.hasOwnProperty.call(next, '$regex')) return true;
    // One by one: spreading a client's array of a million items into push() overflows the stack.
    for (const item of Object.values(next)) stack.push(item);
  }
  return false;
}

const isShortString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;

export function checkStorageRequest(raw: unknown): ChannelVerdict {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'storage message must be an object' };
  const msg = raw as Record<string, unknown>;
  if (!isShortString(msg.connectionId, 128)) return { ok: false, error: 'storage message needs a connectionId' };
  if (!isShortString(msg.requestId, 128)) return { ok: false, error: 'storage message needs a requestId' };
  if (!isShortString(msg.version, 32)) return { ok: false, error: 'storage message needs an RxDB version' };
  if (typeof msg.method !== 'string' || !(STORAGE_METHODS as readonly string[]).includes(msg.method)) {
    return { ok: false, error: `storage method ${quoted(msg.method)} is not allowed` };
  }
  if (msg.method === 'create') {
    const params = msg.params as Record<string, unknown> | null;
    if (typeof params !== 'object' || params === null || Array.isArray(params)) return { ok: false, error: 'create needs its parameters' };
    if (params.databaseName !== DATABASE_NAME) return { ok: false, error: `database ${quoted(params.databaseName)} is not this app's` };
    const expected = typeof params.collectionName === 'string' ? schemaFor(params.collectionName) : undefined;
    if (!expected) return { ok: false, error: `collection ${quoted(params.collectionName)} is not known` };
    if (!deepEqual(params.schema, expected)) return { ok: false, error: `collection ${params.collectionName}: schema differs from this app's` };
  } else if (!Array.isArray(msg.params) || msg.params.length > 4) {
    return { ok: false, error: `${msg.method} needs an argument list` };
  } else if ((msg.method === 'query' || msg.method === 'count') && hasRegex(msg.params)) {
    return { ok: false, error: `${msg.method}: $regex is not accepted on this channel` };
  }
  return { ok: true, message: msg as StorageRequest };
}
