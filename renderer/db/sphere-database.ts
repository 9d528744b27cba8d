// Process: renderer. The RxDatabase the UI works on; its storage is whatever the platform gave us.
import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { COLLECTIONS, DATABASE_NAME, type SphereCollections, type SphereDatabase } from '../../shared/schemas/index.ts';

let pluginsAdded = false;

/**
 * Opens the window's database, or fails with the reason. RxDB swallows some failures to open a storage instance
 * (a migration's, refused by the host's channel) and then waits forever; every refusal is therefore watched here
 * and ends the opening with its reason, so the window never stays on "Opening your sphere…".
 */
export async function openSphereDatabase(storage: RxStorage<unknown, unknown>): Promise<SphereDatabase> {
  if (!pluginsAdded) {
    addRxPlugin(RxDBMigrationSchemaPlugin);
    pluginsAdded = true;
  }
  let refuse!: (err: Error) => void;
  const refused = new Promise<never>((_resolve, reject) => (refuse = reject));
  const watched: RxStorage<unknown, unknown> = {
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    createStorageInstance: (params) =>
      storage.createStorageInstance(params).catch((err: unknown) => {
        refuse(new Error(`The Sphere host would not open ${params.collectionName}: ${refusalOf(err)}`));
        throw err;
      }),
  };
  // One window, one database: the host routes changes between windows itself.
  const opening = (async () => {
    const db = await createRxDatabase<SphereCollections>({ name: DATABASE_NAME, storage: watched, multiInstance: false, eventReduce: true, closeDuplicates: true });
    await db.addCollections(COLLECTIONS);
    return db;
  })();
  return Promise.race([opening, refused]);
}

/** RxDB's remote storage wraps the host's answer as `could not create instance {json}`: its message is the reason. */
function refusalOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const json = /^could not create instance (\{.*\})$/s.exec(text)?.[1];
  if (json) {
    try {
      const parsed = JSON.parse(json) as { message?: unknown };
      if (typeof parsed.message === 'string') return parsed.message;
    } catch {
      // Not JSON after all: the text as it came.
    }
  }
  return text;
}
