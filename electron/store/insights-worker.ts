// Process: worker thread of a host (Node). Works out the insights from the store file with its own read-only
// connection, so the host's event loop never holds still for them (see sphere-insights.ts). The connection and
// its parsed documents stay open between requests: after an edit only what changed is read again (the file's
// commit log), and the centrality of unchanged ties is reused.
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import { DATABASE_NAME } from '../../shared/schemas/index.ts';
import { insightsOf, readSphere, type InsightsJob } from './sphere-insights.ts';
import { serveStoreJobs } from './store-worker.ts';
import { getRxStorageSqlite, type RxStorageSqlite } from './sqlite-storage.ts';

const { file } = workerData as { file: string };
let raw: RxStorageSqlite | null = null;
/** The documents last read, for the change stamp they were read at: another period needs no new read. */
let read: { stamp: string; sphere: ReturnType<typeof readSphere> } | null = null;

function open(): RxStorageSqlite {
  const storage = getRxStorageSqlite({ directory: path.dirname(file), fileFor: () => file, readOnly: 'the insights worker only reads the store', checked: true });
  storage.hold(DATABASE_NAME);
  return storage;
}

serveStoreJobs((job: InsightsJob) => {
  // Another generation of the store (a restore put a new file under the same name): the open connection would
  // go on reading the old one.
  if (job.fresh || !raw) {
    raw?.closeAll();
    raw = open();
    read = null;
  }
  const stamp = raw.changeStamp(DATABASE_NAME);
  const sphere = stamp !== null && read?.stamp === stamp ? read.sphere : readSphere(raw);
  read = stamp === null ? null : { stamp, sphere };
  const { docs, settings } = sphere;
  return insightsOf(docs, settings, job.request);
});
