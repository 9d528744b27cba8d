// Process: test (Node). Writes a generated sphere straight into a data folder's store, the way the app would,
// so tests and benchmarks can open a big sphere without clicking through the sample loader.
import { addRxPlugin, createRxDatabase, type RxDatabase } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { StoreService } from '../../electron/store/store-service.ts';
import type { SampleSphere } from '../../shared/sample-sphere.ts';
import { COLLECTIONS, DATABASE_NAME, type SphereCollections } from '../../shared/schemas/index.ts';

// Collections past their first schema version need RxDB's migration plugin, even with nothing to migrate.
addRxPlugin(RxDBMigrationSchemaPlugin);

/** An RxDB database with every collection on a store's own storage: writes as the import command or a second host does. */
export async function sphereDatabase(store: StoreService): Promise<RxDatabase<SphereCollections>> {
  const db = await createRxDatabase<SphereCollections>({ name: DATABASE_NAME, storage: store.current.raw, multiInstance: false });
  await db.addCollections(COLLECTIONS);
  return db;
}

export async function fillStore(dataDir: string, sphere: SampleSphere): Promise<void> {
  const store = new StoreService(dataDir);
  const db = await sphereDatabase(store);
  await db.contacts.bulkInsert(sphere.contacts);
  await db.ties.bulkInsert(sphere.ties);
  await db.touches.bulkInsert(sphere.touches);
  await db.deals.bulkInsert(sphere.deals);
  await db.close();
  store.close();
}
