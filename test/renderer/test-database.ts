// Process: test (Node). A real RxDatabase with the app's collections, on RxDB's memory storage, for command tests.
import { addRxPlugin, createRxDatabase, randomToken } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { COLLECTIONS, type ContactDoc, type SphereCollections, type SphereDatabase } from '../../shared/schemas/index.ts';

// Collections past version 0 (settings) need it to open, as in the renderer.
addRxPlugin(RxDBMigrationSchemaPlugin);

export async function testDatabase(): Promise<SphereDatabase> {
  const db = await createRxDatabase<SphereCollections>({ name: `test${randomToken(8)}`, storage: getRxStorageMemory(), multiInstance: false });
  await db.addCollections(COLLECTIONS);
  return db;
}

export const contact = (id: string, extra: Partial<ContactDoc> = {}): ContactDoc => ({
  id, name: `Contact ${id}`, category: 'business', ring: 'know', emails: [], phones: [], tags: [], roles: [], stage: 'prospect',
  createdAt: 1, updatedAt: 1, updatedBy: 'test', ...extra,
});
