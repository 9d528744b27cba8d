// Process: main or any Node host. How RxDB index strings become SQLite index keys.
import { getIndexableStringMonad, getPrimaryFieldOfPrimaryKey, toArray } from 'rxdb';
import type { RxDocumentData, RxJsonSchema } from 'rxdb';

/**
 * RxDB compares index strings the way JavaScript compares strings: by UTF-16 code unit. SQLite compares BLOBs
 * with memcmp. Each code unit is written in an order-preserving, prefix-free code, so that memcmp agrees with
 * JavaScript exactly: below 0x80 one byte, below 0x4000 two bytes (lead 0x80-0xBF), otherwise three (lead
 * 0xC0). Index strings are mostly ASCII (padding, digits, ids), so keys take about half the room UTF-16 did.
 */
export function encodeIndexKey(indexString: string): Buffer {
  const length = indexString.length;
  let i = 0;
  while (i < length && indexString.charCodeAt(i) < 0x80) i++;
  if (i === length) return Buffer.from(indexString, 'latin1');
  const out = Buffer.allocUnsafe(i + (length - i) * 3);
  out.write(indexString.slice(0, i), 0, 'latin1');
  let n = i;
  for (; i < length; i++) {
    const unit = indexString.charCodeAt(i);
    if (unit < 0x80) out[n++] = unit;
    else if (unit < 0x4000) {
      out[n++] = 0x80 | (unit >> 8);
      out[n++] = unit & 0xff;
    } else {
      out[n++] = 0xc0;
      out[n++] = unit >> 8;
      out[n++] = unit & 0xff;
    }
  }
  return Buffer.from(out.subarray(0, n));
}

/** Store format 1 kept keys as UTF-16 big-endian; this reads such a key back, for the migration to format 2. */
export function decodeFormat1Key(key: Uint8Array): string {
  return Buffer.from(key).swap16().toString('utf16le');
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

/**
 * The start every table name of a collection shares, whatever its schema version. SQLite compares table names
 * without regard to ASCII case, so only lowercase letters, digits and `_` stand for themselves; any other UTF-16
 * code unit (capitals included) becomes `$` and four lowercase hex digits. `$` appears only there, so the name
 * reads back to exactly one collection name: distinct collections never share a table. Today's collection names
 * (contacts, _rxdb_internal, …) keep the names the format-2 scheme gave them.
 */
export function tablePrefixFor(collectionName: string): string {
  const safe = collectionName.replace(/[^a-z0-9_]/g, (c) => `$${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `docs__${safe}__`;
}

/**
 * A collection's table at one schema version. The version, in plain decimal, follows the last `__v`: the digits
 * cannot contain it, so a name splits back into one (collection, version) pair.
 */
export function tableNameFor(collectionName: string, schemaVersion: number): string {
  return `${tablePrefixFor(collectionName)}v${schemaVersion}`;
}

/**
 * The name format 2 gave a table: `[^A-Za-z0-9_]` as `_x<hex>_`, which could collide (`a-b` and `a_x2d_b`, or
 * names differing in case). Read back for the move to format 3; undefined for a name it did not make.
 */
export function format2TableOrigin(table: string): { collectionName: string; schemaVersion: number } | undefined {
  const match = /^docs__(.*)__v(\d+)$/.exec(table);
  if (!match) return undefined;
  const collectionName = match[1]!.replace(/_x([0-9a-f]+)_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return { collectionName, schemaVersion: Number(match[2]) };
}
