// Process: test child (Node). Opens a store folder's file as a host does at launch (an older format is moved to
// today's first), then says so and exits: the process a test kills in the middle of that move.
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import { createInstance, personSchema } from './storage-fixtures.ts';

const directory = process.argv[2]!;
process.stdout.write('opening\n');
const instance = await createInstance(getRxStorageSqlite({ directory }), personSchema);
await instance.close();
process.stdout.write('opened\n');
