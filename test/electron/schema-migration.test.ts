// Process: test (Node). A collection's schema moves to a new version on a real store: RxDB's migration over our storage.
import { describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type MigrationStrategies, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import Database from 'better-sqlite3';
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import { COLLECTIONS, type ContactDoc } from '../../shared/schemas/index.ts';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { tempDir } from './storage-fixtures.ts';

addRxPlugin(RxDBMigrationSchemaPlugin);

/** The next version of the contact schema, as a future Sphere might ship it: the organisation becomes a list. */
const NEXT = COLLECTIONS.contacts.schema.version + 1;
type ContactV1 = Omit<ContactDoc, 'organisation'> & { organisations: string[] };
const contactV1: RxJsonSchema<ContactV1> = (() => {
  const { organisation: _dropped, ...properties } = COLLECTIONS.contacts.schema.properties as Record<string, unknown>;
  return {
    ...(COLLECTIONS.contacts.schema as unknown as RxJsonSchema<ContactV1>),
    version: NEXT,
    properties: { ...properties, organisations: { type: 'array', items: { type: 'string', maxLength: 200 } } },
    required: [...(COLLECTIONS.contacts.schema.required as string[]), 'organisations'],
  } as RxJsonSchema<ContactV1>;
})();

const toV1: MigrationStrategies = {
  ...COLLECTIONS.contacts.migrationStrategies,
  [NEXT]: (old: ContactDoc & Record<string, unknown>) => {
    const { organisation, ...rest } = old;
    return { ...rest, organisations: organisation ? [organisation] : [] };
  },
};

async function open(directory: string, contacts: { schema: RxJsonSchema<unknown>; migrationStrategies: MigrationStrategies }) {
  const db = await createRxDatabase({ name: 'sphere', storage: getRxStorageSqlite({ directory }), multiInstance: false, closeDuplicates: true });
  await db.addCollections({ contacts });
  return db;
}

describe('schema versions on the SQLite store', () => {
  it('moves every stored contact to the next schema version, keeps them across a restart, and drops the old table', async () => {
    const directory = tempDir('migrate');
    const { contacts } = generateSphere({ seed: 11, contacts: 120 });
    const before = await open(directory, COLLECTIONS.contacts as never);
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
    expect(tables).toEqual([`docs__contacts__v${NEXT}`]);
    file.close();

    const reopened = await open(directory, { schema: contactV1 as RxJsonSchema<unknown>, migrationStrategies: toV1 });
    expect(await reopened.contacts!.count().exec()).toBe(contacts.length);
    await reopened.close();
  });
});
