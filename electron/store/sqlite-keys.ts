// Process: main or any Node host. How RxDB index strings become SQLite index keys.
import { getIndexableStringMonad, getPrimaryFieldOfPrimaryKey, toArray } from 'rxdb';
import type { RxDocumentData, RxJsonSchema } from 'rxdb';

/**
 * RxDB compares index strings the way JavaScript compares strings: by UTF-16 code
 * unit. SQLite compares TEXT by its UTF-8 bytes, which orders characters outside
 * the Basic Multilingual Plane differently. Storing keys as UTF-16 big-endian
 * BLOBs makes SQLite's byte comparison (memcmp) agree with JavaScript exactly.
 */
export function encodeIndexKey(indexString: string): Buffer {
  return Buffer.from(indexString, 'utf16le').swap16();
}

export type IndexColumn = {
  /** Field paths, as RxDB normalised them (`_deleted` first, primary key last). */
  fields: string[];
  /** Column holding the encoded key: k0, k1, … */
  column: string;
  toKey: (doc: RxDocumentData<unknown>) => Buffer;
};

export function indexName(fields: readonly string[]): string {
  return fields.join(',');
}

/**
 * One key column per schema index. RxDB's normalised schema already contains the
 * index getChangedDocumentsSince needs; cleanup needs one more.
 */
export function indexColumnsFor(schema: RxJsonSchema<RxDocumentData<unknown>>): IndexColumn[] {
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
  const all = (schema.indexes ?? []).map((index) => toArray(index) as string[]);
  all.push(['_deleted', '_meta.lwt', primaryPath]);
  const seen = new Set<string>();
  const unique = all.filter((fields) => {
    const name = indexName(fields);
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
  return unique.map((fields, i) => {
    const toString = getIndexableStringMonad(schema, fields);
    return { fields, column: `k${i}`, toKey: (doc) => encodeIndexKey(toString(doc)) };
  });
}

/** SQLite identifiers for a collection's table: only [A-Za-z0-9_], anything else escaped. */
export function tableNameFor(collectionName: string, schemaVersion: number): string {
  const safe = collectionName.replace(/[^A-Za-z0-9_]/g, (c) => `_x${c.charCodeAt(0).toString(16)}_`);
  return `docs__${safe}__v${schemaVersion}`;
}
