// Process: test (Node). Store files as older formats wrote their keys, made from today's files: a format 4 key
// read back to its index string, and every key column of a file rewritten in an older code.
import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { getIndexStringLength, type RxDocumentData, type RxJsonSchema } from 'rxdb';
import { indexColumnsFor, keyColumnsOf } from '../../electron/store/sqlite-keys.ts';
import { personSchema } from './storage-fixtures.ts';

/** Reads a format 4 key back to its index string of `length` units (test-side inverse of encodeIndexKey). */
export function decodeFormat4(key: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < key.length; ) {
    const lead = key[i]!;
    if (lead === 0x01) { out += String.fromCharCode(key[i + 1]!); i += 2; }
    else if (lead === 0x02) { out += ' '.repeat((key[i + 1]! << 8) | key[i + 2]!); i += 3; }
    else if (lead === 0x03) { expect(i).toBe(key.length - 1); i += 1; }
    else if (lead === 0x20) { out += ' '.repeat(0xffff - ((key[i + 1]! << 8) | key[i + 2]!)); i += 3; }
    else if (lead < 0x80) { out += String.fromCharCode(lead); i += 1; }
    else if (lead < 0xc0) { out += String.fromCharCode(((lead & 0x3f) << 8) | key[i + 1]!); i += 2; }
    else { out += String.fromCharCode((key[i + 1]! << 8) | key[i + 2]!); i += 3; }
  }
  return out.padEnd(length, ' ');
}

/** Rewrites a file's keys as an older format wrote them: `to` gets each key's index string. */
export function rewriteKeys(raw: Database.Database, to: (indexString: string) => Buffer): void {
  const schema = personSchema as RxJsonSchema<RxDocumentData<unknown>>;
  const lengths = indexColumnsFor(schema).map((c) => getIndexStringLength(schema, c.fields));
  raw.function('to_old_format', (key: unknown, column: unknown) => to(decodeFormat4(key as Uint8Array, lengths[Number(column)]!)));
  for (const table of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'docs%'").pluck().all() as string[]) {
    const keys = keyColumnsOf(raw, table);
    raw.exec(`UPDATE "${table}" SET ${keys.map((k) => `${k} = to_old_format(${k}, ${k.slice(1)})`).join(', ')}`);
  }
}

