// Process: renderer. The RxDatabase the UI works on; its storage is whatever the platform gave us.
import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { COLLECTIONS, DATABASE_NAME, type SphereCollections, type SphereDatabase } from '../../shared/schemas/index.ts';

let pluginsAdded = false;

export async function openSphereDatabase(storage: RxStorage<unknown, unknown>): Promise<SphereDatabase> {
  if (!pluginsAdded) {
    addRxPlugin(RxDBMigrationSchemaPlugin);
    pluginsAdded = true;
  }
  // One window, one database: the host routes changes between windows itself.
  const db = await createRxDatabase<SphereCollections>({ name: DATABASE_NAME, storage, multiInstance: false, eventReduce: true, closeDuplicates: true });
  await db.addCollections(COLLECTIONS);
  return db;
}
