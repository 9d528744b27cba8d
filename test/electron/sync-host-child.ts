// Process: test child (Node). A host that syncs, as its own process so a test can kill it mid-pull: StoreService on
// the folder given and its sync engine, signed in on the first start and resumed on the next. It prints
// "contacts N state" whenever either changes.
import { StoreService } from '../../electron/store/store-service.ts';
import { syncFor } from '../../electron/sync/sync-for-store.ts';
import { COLLECTIONS, DATABASE_NAME } from '../../shared/schemas/index.ts';
import { MAX_PULL_LIMIT } from '../../shared/sync/protocol.ts';

const [dataDir, server, email, password] = process.argv.slice(2) as [string, string, string, string];
const store = new StoreService(dataDir);
await store.ready();
// Each page of the pull written as it comes, so that a kill between two pages has a first batch on disk.
const sync = syncFor(store, { retry: { firstMs: 20, maxMs: 200 }, pullBatch: MAX_PULL_LIMIT });
if (sync.status().state === 'signedOut') await sync.signIn({ server, email, password });
else await sync.resume();
let last = '';
setInterval(() => {
  const count = store.current.raw.liveDocuments(DATABASE_NAME, 'contacts', COLLECTIONS.contacts.schema.version).length;
  const line = `contacts ${count} ${sync.status().state}`;
  if (line !== last) console.log((last = line));
}, 20);
