// Process: test (Node). A store an older build wrote, with values today's bounded schemas refuse, is upgraded at
// launch with each value mended rather than the document dropped or the upgrade refused: what a user had is
// still there, and every reference to a renamed id follows it.
import { describe, expect, it } from 'vitest';
import { createRxDatabase } from 'rxdb';
import { StoreService } from '../../electron/store/store-service.ts';
import { COLLECTIONS, type ContactDoc, type DealDoc, type SettingsDoc } from '../../shared/schemas/index.ts';
import { isSafeId } from '../../shared/schemas/bounds.ts';
import { safeId } from '../../shared/schemas/repair.ts';
import { ODD_ID, ODD_NAME, ODD_SETTINGS_V0, oddSphere } from '../fixtures/odd-v0-sphere.ts';
import { SETTINGS_V0 } from '../fixtures/schemas-v0.ts';
import { writeV0Store } from '../fixtures/write-v0-store.ts';
import { tempDir } from './storage-fixtures.ts';

describe('an upgrade mends what older versions let through', () => {
  it('renames an unsafe id everywhere, trims lists, keeps invalid values in the notes, drops unknown keys', async () => {
    const dataDir = tempDir('repair');
    const sphere = oddSphere(31);
    await writeV0Store(dataDir, sphere, ODD_SETTINGS_V0);
    const store = new StoreService(dataDir);
    await store.ready();
    expect(store.refusal()).toBeNull();
    const db = await createRxDatabase({ name: 'sphere', storage: store.current.storage, multiInstance: false, closeDuplicates: true });
    try {
      await db.addCollections(COLLECTIONS as never);
      const all = async <T>(name: string) => (await db.collections[name]!.find().exec()).map((d) => d.toJSON() as T);
      const contacts = await all<ContactDoc>('contacts');
      // Nobody dropped.
      expect(contacts).toHaveLength(sphere.contacts.length);
      const odd = contacts.find((c) => c.name === ODD_NAME)!;
      expect(odd.id).toBe(safeId(ODD_ID));
      expect(odd.id).toMatch(/^etc_passwd-[0-9a-z]+$/);
      expect(contacts.every((c) => isSafeId(c.id))).toBe(true);

      expect(odd.emails).toEqual(['odd@example.com']);
      expect(odd.phones).toEqual(['+1 555 010 0199']);
      expect(odd.tags).toHaveLength(100);
      expect(new Set(odd.tags).size).toBe(100);
      expect(odd.tags.slice(0, 2)).toEqual(['tag-0', 'tag-1']);
      expect(odd.roles).toEqual(['customer']);
      expect(odd.optIn).toEqual({ granted: true, at: 1_700_000_000_000, source: 'a form' });
      expect(odd).not.toHaveProperty('birthday');
      // What could not stay where it was is in the notes, after what the user wrote.
      expect(odd.notes).toBe([
        'Met at the harbour fair.',
        '',
        'Kept by an upgrade of Sphere, as not valid where it was:',
        'email: odd at example dot com',
        'phone: call the front desk',
        'birthday: 1981-02-29',
      ].join('\n'));

      // Every reference follows the renamed contact.
      const touches = await all<{ id: string; contactId: string }>('touches');
      expect(touches.filter((t) => t.contactId === odd.id).map((t) => t.id)).toEqual([safeId('touch/of odd')]);
      const ties = await all<{ id: string; to: string }>('ties');
      expect(ties.filter((t) => t.to === odd.id).map((t) => t.id)).toEqual([safeId('tie odd')]);
      const deals = await all<DealDoc>('deals');
      const oddDeals = deals.filter((d) => d.contactId === odd.id).sort((a, b) => a.amount - b.amount);
      expect(oddDeals.map((d) => [d.id, d.amount, d.currency, d.note])).toEqual([
        ['deal-odd-lower', 500_00, 'USD', undefined],
        ['deal-odd-sign', 700_00, 'XXX', 'cash\nCurrency as recorded: "$$$"'],
      ]);
      // Deals from before they could be edited were last changed when made.
      expect(deals.every((d) => d.updatedAt === d.createdAt)).toBe(true);
      expect(touches.every((t) => isSafeId(t.id) && isSafeId(t.contactId))).toBe(true);

      const settings = (await db.settings!.findOne('settings').exec())!.toJSON() as SettingsDoc;
      expect(settings.cadence).toEqual(SETTINGS_V0.cadence);
    } finally {
      await db.close();
      store.close();
    }
  });

  it('names a contact the same way on every device, so a teammate\'s upgrade agrees', () => {
    expect(safeId(ODD_ID)).toBe(safeId('../../etc/passwd'));
    expect(safeId('c-0001')).toBe('c-0001');
    expect(safeId('a\u0000b')).not.toBe(safeId('a\u0001b'));
    expect(safeId('x'.repeat(500))).toMatch(/^x{40}-[0-9a-z]+$/);
    expect(isSafeId(safeId('\u0000'))).toBe(true);
  });
});
