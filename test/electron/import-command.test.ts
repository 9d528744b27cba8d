// Process: test (Node). An import against a real host store (a SQLite file, the app API's dispatch, a window's
// RxDatabase): one command, one transaction, one undo step; merges go through the app's merge; a batch that
// cannot be stored whole leaves the store as it was.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EditHistory } from '../../renderer/commands/history.ts';
import { importContacts } from '../../renderer/commands/import-contacts.ts';
import { finishImport, planImport, type ExistingContact } from '../../shared/import/import-plan.ts';
import { readImportFile } from '../../shared/import/read-import-file.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';
import { contact } from '../support/contact-fixture.ts';
import { hostForTest, type HostForTest } from '../support/host-api.ts';

let host: HostForTest | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const google = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'import', 'google-current.csv'));

async function contactsOf(h: HostForTest): Promise<ContactDoc[]> {
  return (await h.db.contacts.find().exec()).map((d) => d.toJSON() as ContactDoc).sort((a, b) => a.name.localeCompare(b.name));
}

function batchFor(existing: ExistingContact[], resolution: 'merge' | 'skip' | 'keep') {
  const read = readImportFile(google);
  const plan = planImport(read.table, read.mapping, { category: 'friends', ring: 'prospect', region: 'US' }, existing);
  return finishImport(plan, () => resolution);
}

describe('import as a host command', () => {
  it('adds and merges in one step that one undo takes back, leaving the stored contact as it was', async () => {
    host = await hostForTest('import-merge');
    const ann = contact('ann', { name: 'Ann Lee', ring: 'trust', emails: ['ann@example.com'], phones: ['+14155550100'], notes: 'Mine', tags: ['vip'] });
    await host.db.contacts.insert(ann);
    const { batch, summary } = batchFor([ann], 'merge');
    expect(summary).toMatchObject({ imported: 5, merged: 2, skipped: 0 });

    const history = new EditHistory();
    const step = await history.perform(() => importContacts({ api: host!.api }, 'google.csv', batch));
    expect(step?.label).toBe('import google.csv (5 new, 1 merged)');
    const after = await contactsOf(host);
    expect(new Set(after.map((c) => c.name))).toEqual(new Set(['Ann Lee', 'José Álvarez', 'Plumbing Pros', 'محمد علي', 'נועה כהן', '王小明']));
    const merged = after.find((c) => c.id === 'ann')!;
    // The app's merge: the stored record survives, keeps its deeper ring, and gains what the file adds.
    expect(merged).toMatchObject({ ring: 'trust', category: 'business', organisation: 'Acme', title: 'Broker', birthday: '1980-04-23', notes: 'Mine\n\nSecond card' });
    expect(merged.phones).toEqual(['+14155550100', '+14155550199']);
    expect(merged.tags).toEqual(['vip', 'Friends']);
    expect(after.find((c) => c.name === '王小明')).toMatchObject({ category: 'friends', ring: 'prospect', updatedBy: host.store.deviceId() });

    expect(await history.undo()).toBe(step!.label);
    const undone = await contactsOf(host);
    expect(undone.map((c) => c.name)).toEqual(['Ann Lee']);
    expect(undone[0]).toMatchObject({ phones: ['+14155550100'], notes: 'Mine', tags: ['vip'], ring: 'trust' });
    expect(undone[0]!.birthday).toBeUndefined();
    await history.redo();
    expect(await host.db.contacts.count().exec()).toBe(6);
  });

  it('skips every duplicate when told, and adds both when told to keep them', async () => {
    host = await hostForTest('import-skip');
    const ann = contact('ann', { name: 'Ann Lee', emails: ['ann@example.com'] });
    await host.db.contacts.insert(ann);
    await importContacts({ api: host.api }, 'google.csv', batchFor([ann], 'skip').batch);
    expect((await contactsOf(host)).filter((c) => c.name === 'Ann Lee')).toEqual([expect.objectContaining({ id: 'ann', phones: [] })]);
    await importContacts({ api: host.api }, 'google.csv', batchFor([ann], 'keep').batch);
    expect((await contactsOf(host)).filter((c) => c.name === 'Ann Lee')).toHaveLength(3);
  });

  it('writes nothing when any contact of the batch cannot be stored', async () => {
    host = await hostForTest('import-atomic');
    // Merging adds the file's notes to these: together they pass the store's limit, which only the write finds out.
    const ann = contact('ann', { name: 'Ann Lee', emails: ['ann@example.com'], notes: 'x'.repeat(19_995) });
    await host.db.contacts.insert(ann);
    const { batch } = batchFor([ann], 'merge');
    expect(batch.contacts.length).toBeGreaterThan(0);
    await expect(importContacts({ api: host.api }, 'google.csv', batch)).rejects.toThrow(/contacts document "ann"/);
    expect(await contactsOf(host)).toEqual([ann]);
    // A batch the command's schema refuses never reaches the store either.
    await expect(importContacts({ api: host.api }, 'bad.csv', { contacts: [...batch.contacts, { ...batch.contacts[0]!, name: ' ' }], merges: [] })).rejects.toThrow(/name/);
    expect(await host.db.contacts.count().exec()).toBe(1);
  });

  it('adds the person instead when the contact to merge into was deleted since the file was checked', async () => {
    host = await hostForTest('import-gone');
    const { batch } = batchFor([{ id: 'gone', name: 'Ann Lee', emails: ['ann@example.com'], phones: [] }], 'merge');
    await importContacts({ api: host.api }, 'google.csv', batch);
    expect((await contactsOf(host)).filter((c) => c.name === 'Ann Lee')).toEqual([expect.objectContaining({ phones: ['+14155550100', '+14155550199'] })]);
  });
});
