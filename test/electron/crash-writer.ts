// Process: test child (Node). Writes batches forever and prints each batch's ids once bulkWrite has resolved.
// The parent kills it with SIGKILL at a random moment and checks that every acknowledged id survived.
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import { createInstance, insertRow, personSchema, type Person } from './storage-fixtures.ts';

const directory = process.argv[2];
// Each run of the kill trials writes its own ids into the same file, so every run also reopens a killed store.
const prefix = process.argv[3] ?? '';
if (!directory) throw new Error('usage: crash-writer.ts DIR [ID-PREFIX]');
const instance = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
for (let batch = 0; ; batch++) {
  const rows = Array.from({ length: 20 }, (_, i) => insertRow<Person>({ id: `${prefix}w${batch}-${i}`, name: `writer ${batch}`, age: i, tags: ['crash'], ring: 'know', active: true }));
  const result = await instance.bulkWrite(rows, 'crash-test');
  if (result.error.length > 0) throw new Error('unexpected write error');
  process.stdout.write(`ack ${batch}\n`);
}
