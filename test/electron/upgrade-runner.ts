// Process: test child (Node). Opens a store whose contacts are behind (contacts at version 1 in this "build") and
// prints the host's upgrade log; the parent kills it with SIGKILL in the middle of the migration.
import { StoreService } from '../../electron/store/store-service.ts';
import { COLLECTIONS } from '../../shared/schemas/index.ts';
import { contactSchemaV1, contactToV1 } from '../fixtures/next-versions.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: upgrade-runner.ts DIR');
const store = new StoreService(dataDir, {
  collections: { ...COLLECTIONS, contacts: { schema: contactSchemaV1, migrationStrategies: contactToV1 } },
  batchSize: 10,
  log: (line) => process.stdout.write(`${line}\n`),
});
await store.ready();
process.stdout.write(`finished: ${JSON.stringify(store.status().upgrade)}\n`);
store.close();
