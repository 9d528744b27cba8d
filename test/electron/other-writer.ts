// Process: test child (Node). Another process writing the store: inserts one person, or deletes one, then exits.
// The parent watches its own connection's change stream for the commit.
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import { createInstance, insertRow, personSchema, updateRow, type Person } from './storage-fixtures.ts';

const [directory, verb, id] = process.argv.slice(2);
if (!directory || !id || (verb !== 'insert' && verb !== 'delete')) throw new Error('usage: other-writer.ts DIR insert|delete ID');
const storage = getRxStorageSqlite({ directory });
const instance = await createInstance<Person>(storage, personSchema, 'people', 'db', true);
// Left subscribed on purpose: the watch behind it must not keep this process alive (the parent waits for exit).
instance.changeStream().subscribe();
const row = verb === 'insert'
  ? insertRow<Person>({ id, name: `written by process ${process.pid}`, age: 41, tags: ['other-process'], ring: 'like', active: true })
  : updateRow((await instance.findDocumentsById([id], false))[0]!, {}, true);
const result = await instance.bulkWrite([row], 'other-process');
if (result.error.length > 0) throw new Error(`write refused: ${JSON.stringify(result.error)}`);
process.stdout.write('committed\n');
