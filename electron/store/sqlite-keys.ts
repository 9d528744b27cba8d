// Process: main or any Node host. How RxDB index strings become SQLite index keys.
import { getIndexableStringMonad, getIndexStringLength, getPrimaryFieldOfPrimaryKey, toArray } from 'rxdb';
import type { RxDocumentData, RxJsonSchema } from 'rxdb';
import type Database from 'better-sqlite3';

/**
 * RxDB compares index strings the way JavaScript compares strings, by UTF-16 code unit, and pads every field of
 * a key to its schema's maxLength with spaces, so that all keys of one index have one length. SQLite compares
 * BLOBs with memcmp. Store format 4 writes each key in a code that memcmp orders exactly as RxDB orders keys of
 * one length, and that leaves the padding out: a 64-character id field holding `c-000001` took 64 bytes, and
 * most of a key was spaces (a touch's four keys were 389 bytes; now 85).
 *
 * A run of spaces is not a character but a comparison still to be made: two keys that agree up to a run differ
 * at the first unit after the shorter run, where the other key still has a space. So a run is written as one
 * token whose class says which side of a space the unit after it falls (below: a control character), and whose
 * length, counted up or down by class, puts the shorter run where that unit would put it. The trailing run is
 * left out: the end mark stands for "spaces to the end", between the two classes. Bytes, in their order:
 *   0x01 u      a control character u (below 0x20)
 *   0x02 n n    a run of n spaces followed by a control character
 *   0x03        the end: spaces to the key's length
 *   0x20 m m    a run of n spaces followed by anything above a space (m = 0xFFFF - n, so shorter sorts later)
 *   0x21–0x7F   that ASCII character
 *   0x80–0xBF x a code unit below 0x4000; 0xC0 x x any other code unit (as format 2 wrote them)
 * Only keys of the same length compare as RxDB's do ("a" and "a " are one key here), which RxDB's padding
 * gives every key of an index and every query bound on it; indexColumnsFor refuses a key of another length.
 */
export function encodeIndexKey(key: string): Buffer {
  let end = key.length;
  while (end > 0 && key.charCodeAt(end - 1) === 0x20) end--;
  const out = scratch(end * 3 + 1);
  let n = 0;
  for (let i = 0; i < end; ) {
    const unit = key.charCodeAt(i);
    if (unit === 0x20) {
      // The run ends before `end`: the trailing one was cut off above.
      let j = i + 1;
      while (key.charCodeAt(j) === 0x20) j++;
      const run = j - i;
      if (run > 0xfffe) throw new Error(`an index key holds a run of ${run} spaces, more than a key can`);
      const below = key.charCodeAt(j) < 0x20;
      const count = below ? run : 0xffff - run;
      out[n++] = below ? 0x02 : 0x20;
      out[n++] = count >> 8;
      out[n++] = count & 0xff;
      i = j;
      continue;
    }
    if (unit < 0x20) {
      out[n++] = 0x01;
      out[n++] = unit;
    } else if (unit < 0x80) out[n++] = unit;
    else n = writeWideUnit(out, n, unit);
    i++;
  }
  out[n++] = 0x03;
  return Buffer.from(out.subarray(0, n));
}

/** A code unit from 0x80 up, as both codes write it: two bytes below 0x4000 (lead 0x80-0xBF), else three. */
function writeWideUnit(out: Buffer, at: number, unit: number): number {
  let n = at;
  if (unit < 0x4000) {
    out[n++] = 0x80 | (unit >> 8);
    out[n++] = unit & 0xff;
  } else {
    out[n++] = 0xc0;
    out[n++] = unit >> 8;
    out[n++] = unit & 0xff;
  }
  return n;
}

/** One buffer the keys are written into before their bytes are copied out at their length. */
let scratchBuffer = Buffer.allocUnsafe(1024);
function scratch(size: number): Buffer {
  if (scratchBuffer.length < size) scratchBuffer = Buffer.allocUnsafe(Math.max(size, scratchBuffer.length * 2));
  return scratchBuffer;
}

/**
 * Format 2 and 3's code: every code unit below 0x80 as one byte, below 0x4000 as two (lead 0x80-0xBF), others as
 * three (lead 0xC0), padding included. Written by the move from format 1, read back by the move to format 4.
 */
export function encodeFormat2Key(indexString: string): Buffer {
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
    else n = writeWideUnit(out, n, unit);
  }
  return Buffer.from(out.subarray(0, n));
}

/** A format 2 or 3 key read back to its index string. */
export function decodeFormat2Key(key: Uint8Array): string {
  const units: number[] = [];
  for (let i = 0; i < key.length; ) {
    const lead = key[i]!;
    if (lead < 0x80) {
      units.push(lead);
      i += 1;
    } else if (lead < 0xc0) {
      units.push(((lead & 0x3f) << 8) | key[i + 1]!);
      i += 2;
    } else {
      units.push((key[i + 1]! << 8) | key[i + 2]!);
      i += 3;
    }
  }
  let out = '';
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode(...units.slice(i, i + 4096));
  return out;
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

/** The key columns (k0, k1, …) a table of a store file has; none when there is no such table. */
export function keyColumnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).filter((n) => /^k\d+$/.test(n));
}

export function indexName(fields: readonly string[]): string {
  return fields.join(',');
}

/**
 * One key column per schema index; RxDB's normalised schema already contains the index getChangedDocumentsSince
 * needs. Tables made before store format 4 have one more, `[_deleted, _meta.lwt, id]`, meant for cleanup, which
 * never used it (it deletes by the plain `deleted` and `lwt` columns, rarely): `legacyCleanupKey` adds it back
 * for them, so their layout still matches. New tables go without: one key and one index entry less per write.
 */
export function indexColumnsFor(schema: RxJsonSchema<RxDocumentData<unknown>>, legacyCleanupKey = false): IndexColumn[] {
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
  const all = (schema.indexes ?? []).map((index) => toArray(index) as string[]);
  if (legacyCleanupKey) all.push(['_deleted', '_meta.lwt', primaryPath]);
  const seen = new Set<string>();
  const unique = all.filter((fields) => {
    const name = indexName(fields);
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
  return unique.map((fields, i) => {
    const toString = getIndexableStringMonad(schema, fields);
    const length = getIndexStringLength(schema, fields);
    const toKey = (doc: RxDocumentData<unknown>) => {
      const key = toString(doc);
      // A value longer than its field's maxLength shifts the fields after it, and the key would sort wrongly.
      if (key.length !== length) throw new Error(`document ${JSON.stringify((doc as Record<string, unknown>)[primaryPath])} has a value longer than its schema allows in index [${fields.join(', ')}]`);
      return encodeIndexKey(key);
    };
    return { fields, column: `k${i}`, toKey };
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
