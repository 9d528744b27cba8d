// Process: test child (Node). Opens a store as a host does and backs it up in a loop, saying when each backup
// starts and when it is whole. The kill trials SIGKILL it at random moments and check that no partial backup is
// ever listed or offered.
import { StoreService } from '../../electron/store/store-service.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: backup-runner.ts DATA-DIR');
const store = new StoreService(dataDir);
await store.ready();
for (;;) {
  process.stdout.write('start\n');
  const made = await store.backupNow();
  process.stdout.write(`done ${made.name}\n`);
}
