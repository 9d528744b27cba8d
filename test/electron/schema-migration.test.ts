// Process: test (Node). RxDB's migration straight over our SQLite storage (no channel, no host): the storage
// holds up its part of a schema version change. The path users take, through the host's upgrade at launch and
// the window, is tested in schema-upgrade.test.ts and test/e2e/upgrade.e2e.ts.
import { describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type MigrationStrategies, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import Database from 'better-sqlite3';
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { contactSchemaV0 } from '../fixtures/schemas-v0.ts';
import { contactSchemaV1, contactToV1 as toV1 } from '../fixtures/next-versions.ts';
import { tempDir } from './storage-fixtures.ts';

addRxPlugin(RxDBMigrationSchemaPlugin);

/** The next version in next-versions.ts: the organisation becomes a list. */
type ContactV1 = Omit<ContactDoc, 'organisation'> & { organisations: string[] };
const contactV1 = contactSchemaV1 as unknown as RxJsonSchema<ContactV1>;

async function open(directory: string, contacts: { schema: RxJsonSchema<unknown>; migrationStrategies: MigrationStrategies }) {
  const db = await createRxDatabase({ name: 'sphere', storage: getRxStorageSqlite({ directory }), multiInstance: false, closeDuplicates: true });
  await db.addCollections({ contacts });
  return db;
}

describe('schema versions on the SQLite store', () => {
  it('moves every stored contact to the next schema version, keeps them across a restart, and drops the old table', async () => {
    const directory = tempDir('migrate');
    const { contacts } = generateSphere({ seed: 11, contacts: 120 });
    const before = await open(directory, { schema: contactSchemaV0 as RxJsonSchema<unknown>, migrationStrategies: {} });
    await before.contacts!.bulkInsert(contacts);
    await before.close();

    const after = await open(directory, { schema: contactV1 as RxJsonSchema<unknown>, migrationStrategies: toV1 });
    const docs = (await after.contacts!.find().exec()).map((d) => d.toJSON() as unknown as ContactV1);
    expect(docs).toHaveLength(contacts.length);
    const withOrganisation = contacts.find((c) => c.organisation)!;
    expect(docs.find((d) => d.id === withOrganisation.id)!.organisations).toEqual([withOrganisation.organisation]);
    expect(docs.every((d) => !('organisation' in d))).toBe(true);
    // Indexes of the new version answer queries.
    const inTrust = await after.contacts!.count({ selector: { ring: 'trust' } }).exec();
    expect(inTrust).toBe(contacts.filter((c) => c.ring === 'trust').length);
    await after.close();

    const file = new Database(`${directory}/sphere.db`, { readonly: true });
    const tables = file.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'docs__contacts__%'").pluck().all();
    expect(tables).toEqual(['docs__contacts__v1']);
    file.close();

    const reopened = await open(directory, { schema: contactV1 as RxJsonSchema<unknown>, migrationStrategies: toV1 });
    expect(await reopened.contacts!.count().exec()).toBe(contacts.length);
    await reopened.close();
  });
});
