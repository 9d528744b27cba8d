// Process: test (Node). The store's write path refuses documents the schemas do not bound, whoever sends them:
// a window over the storage channel (any bulkWrite a compromised page can make) and the host's own commands.
// Each refusal names the document and the reason, stores nothing, and does not echo the document back.
import { afterEach, describe, expect, it } from 'vitest';
import { createRxSchema, defaultHashSha256, type RxDocumentData, type RxJsonSchema, type RxStorageInstance } from 'rxdb';
import { StoreService } from '../../electron/store/store-service.ts';
import { COLLECTIONS, DATABASE_NAME } from '../../shared/schemas/index.ts';
import { HOSTILE_CONTACTS, TEN_MB_META, wireContact } from '../fixtures/hostile-documents.ts';
import { createInstance, tempDir, withMeta } from './storage-fixtures.ts';

type Doc = Record<string, unknown>;

const stores: StoreService[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

/** The contacts collection as a window opens it through the channel: today's schema, RxDB's normalised form. */
async function contactsAsWindow(): Promise<{ store: StoreService; contacts: RxStorageInstance<Doc, unknown, unknown> }> {
  const store = new StoreService(tempDir('bounds'));
  stores.push(store);
  await store.ready();
  const schema = createRxSchema(COLLECTIONS.contacts.schema as RxJsonSchema<unknown>, defaultHashSha256, false).jsonSchema as RxJsonSchema<RxDocumentData<Doc>>;
  const contacts = await createInstance<Doc>(store.current.storage, schema, 'contacts', DATABASE_NAME);
  return { store, contacts };
}

const asStored = ({ _deleted: _, ...fields }: Doc) => withMeta(fields);

describe('documents the schema does not bound', () => {
  it('are refused by the store a window writes to, each with its id and reason, and nothing is stored', async () => {
    const { contacts } = await contactsAsWindow();
    for (const hostile of HOSTILE_CONTACTS) {
      const result = await contacts.bulkWrite([{ document: asStored(wireContact(hostile.id, hostile.fields)) }], 'test');
      expect(result.error, hostile.what).toHaveLength(1);
      const [error] = result.error;
      expect(error!.status, hostile.what).toBe(422);
      const message = (error as { validationErrors: { message: string }[] }).validationErrors[0]!.message;
      expect(message, hostile.what).toContain(`contacts document ${JSON.stringify(hostile.id)}`);
      expect(message, hostile.what).toMatch(hostile.reason);
      // The answer goes back over the channel: it names the document, it does not carry it.
      expect(JSON.stringify(result).length, hostile.what).toBeLessThan(20_000);
      expect(await contacts.findDocumentsById([hostile.id], true), hostile.what).toEqual([]);
    }
    // The same contact within bounds is taken.
    const fine = await contacts.bulkWrite([{ document: asStored(wireContact('c-fine', { optIn: { granted: true, at: 1_700_000_000_000, source: 'form' } })) }], 'test');
    expect(fine.error).toEqual([]);
    expect((await contacts.findDocumentsById(['c-fine'], false)).map((d) => d.id)).toEqual(['c-fine']);
  });

  it('refuses 10 MB under a key of its own in RxDB\'s _meta, which the schema leaves open', async () => {
    const { contacts } = await contactsAsWindow();
    const document = { ...asStored(wireContact('c-meta')), _meta: TEN_MB_META } as RxDocumentData<Doc>;
    const result = await contacts.bulkWrite([{ document }], 'test');
    const message = (result.error[0] as { validationErrors: { message: string }[] } | undefined)?.validationErrors[0]?.message;
    expect(message).toMatch(/^contacts document "c-meta" is 10\.0 MB, more than the 256 KB a document may be$/);
    expect(await contacts.findDocumentsById(['c-meta'], true)).toEqual([]);
  });

  it('refuses a command whose result breaks a bound, and the whole command changes nothing', async () => {
    const { store, contacts } = await contactsAsWindow();
    const added = await store.commands.run({ type: 'contact.add', contact: { name: 'Ada Lovelace', category: 'business', ring: 'know', emails: [], phones: [] } });
    const id = added!.createdId!;
    await expect(store.commands.run({ type: 'contact.update', contactId: id, changes: { notes: 'met at the fair', emails: ['ada at example dot com'] } }))
      .rejects.toThrow(new RegExp(`^contacts document "${id}": emails\\.0 must match pattern`));
    await expect(store.commands.run({ type: 'contact.update', contactId: id, changes: { birthday: '1981-02-29' } })).rejects.toThrow(/not a day of the calendar/);
    const [stored] = await contacts.findDocumentsById([id], false);
    expect(stored).toMatchObject({ emails: [], tags: [] });
    // A tag typed twice is stored once (the edit command keeps tags distinct; the schema would refuse a repeat).
    await store.commands.run({ type: 'contact.update', contactId: id, changes: { tags: ['vip', 'vip'] } });
    expect((await contacts.findDocumentsById([id], false))[0]).toMatchObject({ tags: ['vip'] });
    expect(stored).not.toHaveProperty('notes');
    expect(stored).not.toHaveProperty('birthday');
    // Within bounds, the same edit is taken.
    await store.commands.run({ type: 'contact.update', contactId: id, changes: { emails: ['ada@example.com'], tags: ['vip'], birthday: '1980-02-29' } });
    expect((await contacts.findDocumentsById([id], false))[0]).toMatchObject({ emails: ['ada@example.com'], tags: ['vip'], birthday: '1980-02-29' });
  });
});
