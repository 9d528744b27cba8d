// Process: test (Node). JSON backup and restore through the host's own store code on a real SQLite file: the
// round trip is identical, a merge keeps the newer edit of each field and adds nothing twice, a restore is one
// undo step, and a backup from a newer Sphere is refused without touching the store.
import { describe, expect, it } from 'vitest';
import { StoreService } from '../../electron/store/store-service.ts';
import { BACKUP_FORMAT_VERSION, makeBackup, type SphereBackup } from '../../shared/export/sphere-backup.ts';
import { exportSphere, type SphereContents } from '../../shared/export/sphere-export.ts';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { COLLECTIONS } from '../../shared/schemas/index.ts';
import { formatStamp } from '../../shared/sync/hlc.ts';
import { contact } from '../support/contact-fixture.ts';
import { SETTINGS_V0 } from '../fixtures/schemas-v0.ts';
import { tempDir } from './storage-fixtures.ts';

const NOW = Date.UTC(2026, 5, 1);

async function openStore(name: string): Promise<StoreService> {
  const store = new StoreService(tempDir(name));
  await store.ready();
  return store;
}

/** A backup's documents, collection by collection, as the export takes them. */
const docsOf = (backup: SphereBackup) => Object.fromEntries(Object.entries(backup.collections).map(([name, c]) => [name, c.docs])) as unknown as SphereContents;

const contents = async (store: StoreService) => (await store.commands.readAll()) as unknown as SphereContents;

function sampleBackup(): SphereBackup {
  const sample = generateSphere({ seed: 11, contacts: 120, now: NOW });
  const settings = { ...SETTINGS_V0, baseCurrency: 'EUR', updatedAt: NOW };
  return makeBackup({ ...sample, settings: [settings] }, NOW);
}

describe('JSON backup and restore', () => {
  it('restores into an empty store and backs up to the identical file; one undo takes it all out', async () => {
    const store = await openStore('json-round-trip');
    const original = sampleBackup();
    const text = exportSphere('json', docsOf(original), NOW);
    // The file as a user would have it: text, parsed again.
    const outcome = await store.commands.run({ type: 'sphere.restore', backup: JSON.parse(text), merge: false });
    expect(outcome?.label).toMatch(/^restore the backup of 2026-06-01 \(\d+ documents\)$/);
    const again = exportSphere('json', await contents(store), NOW);
    expect(again).toBe(exportSphere('json', docsOf(original), NOW));
    expect(JSON.parse(again)).toEqual(original);

    await store.commands.undo(outcome!.runId);
    const after = await contents(store);
    expect(Object.values(after).map((docs) => docs.length)).toEqual([0, 0, 0, 0, 0]);
    store.close();
  });

  it('refuses to restore over a sphere that holds data, and changes nothing', async () => {
    const store = await openStore('json-not-empty');
    await store.commands.run({ type: 'contact.add', contact: { name: 'Ann Lee', category: 'friends', ring: 'like', emails: [], phones: [] } });
    await expect(store.commands.run({ type: 'sphere.restore', backup: sampleBackup(), merge: false })).rejects.toThrow(/not empty \(1 contacts\).*merge/);
    expect((await contents(store)).contacts.map((c) => c.name)).toEqual(['Ann Lee']);
    store.close();
  });

  it('merges field by field, newer edit winning, and a second merge of the same file changes nothing', async () => {
    const store = await openStore('json-merge');
    const here = contact('c-1', { name: 'Ann Lee', organisation: 'Old Co', title: 'Agent', updatedAt: 1000, stamps: { organisation: formatStamp({ wall: 1500, counter: 0 }, 'dev-here') } });
    await store.commands.run({ type: 'sphere.restore', backup: makeBackup({ contacts: [here] }, NOW), merge: false });
    // The backup's copy: the title was edited later there, the organisation earlier than here; a new person too.
    const there = { ...here, organisation: 'Older Co', title: 'Broker', updatedAt: 2000, stamps: { organisation: formatStamp({ wall: 500, counter: 0 }, 'dev-there'), title: formatStamp({ wall: 3000, counter: 0 }, 'dev-there') } };
    const backup = makeBackup({ contacts: [there, contact('c-2', { name: 'Ben Okafor' })], touches: [{ id: 't-1', contactId: 'c-2', kind: 'call', direction: 'outbound', at: 5, createdAt: 5, updatedBy: 'x' }] }, NOW);
    const merged = await store.commands.run({ type: 'sphere.restore', backup, merge: true });
    expect(merged?.label).toMatch(/\(2 added, 1 updated\)$/);
    const after = await contents(store);
    const ann = after.contacts.find((c) => c.id === 'c-1')!;
    expect(ann.organisation).toBe('Old Co');
    expect(ann.title).toBe('Broker');
    // The merged title keeps the stamp of when it was edited: stamped now, the backup's old edit would beat
    // newer edits sync brings later.
    expect(ann.stamps).toEqual({ organisation: here.stamps!.organisation, title: there.stamps.title });
    expect(after.contacts.map((c) => c.id).sort()).toEqual(['c-1', 'c-2']);
    expect(after.touches.map((t) => t.id)).toEqual(['t-1']);

    expect(await store.commands.run({ type: 'sphere.restore', backup, merge: true })).toBeNull();
    expect((await contents(store)).contacts.length).toBe(2);
    // The merge is one step: undone, the store is as before it, Ann's title included.
    await store.commands.undo(merged!.runId);
    const undone = await contents(store);
    expect(undone.contacts.map((c) => [c.id, c.title])).toEqual([['c-1', 'Agent']]);
    expect(undone.touches).toEqual([]);
    store.close();
  });

  it('migrates a backup from older schema versions with the store own migration steps', async () => {
    const store = await openStore('json-older');
    // Contacts and settings as version 0 stored them: a derived stage beside a flag, no base currency.
    const old = {
      format: 'sphere-backup', formatVersion: 1, exportedAt: NOW,
      collections: {
        contacts: { schemaVersion: 0, docs: [{ ...contact('c-old'), stage: 'repeat', stageByHand: true }, { ...contact('c-derived'), stage: 'firstTime', stageByHand: false }] },
        settings: { schemaVersion: 0, docs: [SETTINGS_V0] },
      },
    };
    await store.commands.run({ type: 'sphere.restore', backup: old, merge: false });
    const after = await contents(store);
    expect(after.contacts.find((c) => c.id === 'c-old')!.stageByHand).toBe('repeat');
    expect(after.contacts.find((c) => c.id === 'c-derived')!.stageByHand).toBeUndefined();
    expect(after.settings[0]!.baseCurrency).toBe('USD');
    expect(after.settings[0]!.cadence).toEqual(SETTINGS_V0.cadence);
    store.close();
  });

  it('refuses a backup from a newer version of Sphere with a message, and changes nothing', async () => {
    const store = await openStore('json-newer');
    const backup = sampleBackup();
    const newerSchema = { ...backup, collections: { ...backup.collections, contacts: { ...backup.collections.contacts!, schemaVersion: COLLECTIONS.contacts.schema.version + 1 } } };
    await expect(store.commands.run({ type: 'sphere.restore', backup: newerSchema, merge: false })).rejects.toThrow(/newer version of Sphere \(contacts at schema version \d+; this version reads up to \d+\)/);
    await expect(store.commands.run({ type: 'sphere.restore', backup: { ...backup, formatVersion: BACKUP_FORMAT_VERSION + 1 }, merge: true })).rejects.toThrow(/newer version of Sphere/);
    await expect(store.commands.run({ type: 'sphere.restore', backup: { hello: 'world' }, merge: true })).rejects.toThrow(/not a Sphere backup/);
    // A document the schema refuses rolls the whole restore back.
    const broken = { ...backup, collections: { ...backup.collections, deals: { schemaVersion: 0, docs: [{ id: 'bad', amount: -5 }] } } };
    await expect(store.commands.run({ type: 'sphere.restore', backup: broken, merge: false })).rejects.toThrow(/deals document "bad"/);
    expect(Object.values(await contents(store)).map((docs) => docs.length)).toEqual([0, 0, 0, 0, 0]);
    store.close();
  });
});
