// Process: worker thread of a host (Node). Makes the opening picture from the store file with its own read-only
// connection, so the host's event loop never holds still for it (see opening-picture.ts).
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createModelBuilder } from '../../shared/graph/sphere-model.ts';
import { pictureFrom, type PictureJob } from './opening-picture.ts';
import { serveStoreJobs } from './store-worker.ts';
import { tableNameFor } from './sqlite-keys.ts';
import { parseStored } from './doc-cache.ts';

const { file } = workerData as { file: string };
let builder = createModelBuilder();

serveStoreJobs((request: PictureJob) => {
  // Another generation of the store (a restore): nothing scored before still holds.
  if (request.fresh) builder = createModelBuilder();
  // Opened per picture: a restore puts a new file under the same name, and an open handle would keep the old one.
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    // One read transaction: every collection as of the same commit.
    return db.transaction(() =>
      pictureFrom((name, version) => {
        const table = tableNameFor(name, version);
        if (!tables.has(table)) return [];
        // A row whose JSON is damaged is left out, as the window leaves it out (doc-cache.ts).
        return (db.prepare(`SELECT data FROM "${table}" WHERE deleted = 0`).pluck().all() as string[]).map(parseStored).filter((doc) => doc !== undefined);
      }, builder, request.now),
    )();
  } finally {
    db.close();
  }
});
