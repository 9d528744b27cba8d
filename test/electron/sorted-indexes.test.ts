// Process: test (Node). A held table's index lists built over several turns of the loop: right, and never stale.
import { describe, expect, it } from 'vitest';
import type { RxDocumentData, RxJsonSchema } from 'rxdb';
import { SortedIndexes } from '../../electron/store/sorted-indexes.ts';
import { personSchema, type Person } from './storage-fixtures.ts';

type Doc = RxDocumentData<Person>;
const doc = (id: string, age: number): Doc => ({ id, name: `n-${id}`, age, tags: [], ring: 'know', active: true, _deleted: false, _rev: '1-a', _attachments: {}, _meta: { lwt: 1 } });
const everyone = { lower: '', upper: '\uffff', inclusiveStart: true, inclusiveEnd: true };
const schema = personSchema as unknown as RxJsonSchema<RxDocumentData<unknown>>;

describe('sorted index lists built a slice at a time', () => {
  it('orders the documents as one built at once would, while the loop turns between slices', async () => {
    const docs = Array.from({ length: 1000 }, (_, i) => doc(`p${i}`, (i * 37) % 90));
    const sliced = new SortedIndexes<Doc>(schema, [{ name: 'age', fields: ['age', 'id'] }]);
    // Another task that wants a turn of the loop each time it gets one, as a window's request would.
    let turns = 0;
    let done = false;
    const other = () => {
      turns++;
      if (!done) setImmediate(other);
    };
    setImmediate(other);
    await sliced.prepare('age', 1, () => docs, 100);
    done = true;
    const atOnce = new SortedIndexes<Doc>(schema, [{ name: 'age', fields: ['age', 'id'] }]);
    const expected = atOnce.range('age', 1, () => docs, everyone);
    // range() would build the list if prepare had not: it must find it ready and built from these documents.
    const got = sliced.range('age', 1, () => [], everyone);
    expect(got.docs.map((d) => d.id)).toEqual(expected.docs.map((d) => d.id));
    expect(turns).toBeGreaterThan(0);
  });

  it('drops a list whose table was written to while it was being built', async () => {
    const docs = Array.from({ length: 1000 }, (_, i) => doc(`p${i}`, i % 90));
    const indexes = new SortedIndexes<Doc>(schema, [{ name: 'age', fields: ['age', 'id'] }]);
    const building = indexes.prepare('age', 1, () => docs, 100);
    const added = doc('new', 5);
    indexes.apply(1, [{ after: added }]);
    docs.push(added);
    await building;
    // Built again from the table as it is now, the new document included.
    expect(indexes.range('age', 1, () => docs, everyone).docs.map((d) => d.id)).toContain('new');
  });
});
