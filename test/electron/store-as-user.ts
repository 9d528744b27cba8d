// Process: test child (Node). Opens a data folder's store the way a host does, as whichever user runs it (the tests
// run it as `nobody` when they are root, since root writes through any file mode), tries one write, and prints
// what it found as one line of JSON.
import { fillWithDefaultSettings, randomToken } from 'rxdb';
import type { RxStorageInstance } from 'rxdb';
import { StoreService } from '../../electron/store/store-service.ts';
import { COLLECTIONS, DATABASE_NAME, type ContactDoc } from '../../shared/schemas/index.ts';
import { insertRow } from './storage-fixtures.ts';
import { contact } from '../support/contact-fixture.ts';

const dataDir = process.argv[2]!;
const store = new StoreService(dataDir);
await store.ready();
const status = store.status();
let names: string[] = [];
let readError: string | null = null;
let writeError: string | null = null;
let commandError: string | null = null;
try {
  const instance = (await store.current.storage.createStorageInstance({
    databaseInstanceToken: randomToken(10),
    databaseName: DATABASE_NAME,
    collectionName: 'contacts',
    schema: fillWithDefaultSettings(COLLECTIONS.contacts.schema),
    options: {},
    multiInstance: false,
    devMode: false,
  })) as RxStorageInstance<ContactDoc, unknown, unknown>;
  names = (await instance.getChangedDocumentsSince!(1000)).documents.map((d) => d.name).sort();
  try {
    await instance.bulkWrite([insertRow(contact('written-here', { name: 'Written Here' }))], 'test');
  } catch (err) {
    writeError = (err as Error).message;
  }
  await instance.close();
} catch (err) {
  readError = (err as Error).message;
}
try {
  await store.commands.run({ type: 'contact.update', contactId: 'a', changes: { name: 'Renamed' } });
} catch (err) {
  commandError = (err as Error).message;
}
store.close();
console.log(JSON.stringify({ status, names, readError, writeError, commandError }));
