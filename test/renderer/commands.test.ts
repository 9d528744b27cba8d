// Process: test (Node). Moving contacts between rings, with undo and redo, on a real RxDatabase.
import { afterEach, describe, expect, it } from 'vitest';
import { EditHistory } from '../../renderer/commands/history.ts';
import { moveContact } from '../../renderer/commands/move-contact.ts';
import type { SphereDatabase } from '../../shared/schemas/index.ts';
import { contact, testDatabase } from './test-database.ts';

let db: SphereDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

describe('move a contact between rings', () => {
  it('changes the ring, records a stage-change touch, and undo/redo restore both', async () => {
    db = await testDatabase();
    await db.contacts.insert(contact('a', { name: 'Ann', ring: 'know' }));
    const history = new EditHistory();
    const ctx = { db, actor: 'me', now: () => 5_000 };

    const step = await moveContact(ctx, 'a', { ring: 'trust' });
    expect(step?.label).toBe('move Ann to Trust');
    history.record(step!);
    expect((await db.contacts.findOne('a').exec())?.ring).toBe('trust');
    const touches = await db.touches.find({ selector: { contactId: 'a' } }).exec();
    expect(touches.map((t) => [t.kind, t.fromRing, t.toRing, t.updatedBy])).toEqual([['stageChange', 'know', 'trust', 'me']]);

    expect(await history.undo()).toBe('move Ann to Trust');
    expect((await db.contacts.findOne('a').exec())?.ring).toBe('know');
    expect(await db.touches.count().exec()).toBe(0);

    await history.redo();
    expect((await db.contacts.findOne('a').exec())?.ring).toBe('trust');
    expect(await db.touches.count().exec()).toBe(1);
    await history.undo();
    expect(await db.touches.count().exec()).toBe(0);
  });

  it('changes nothing when dropped where it already was', async () => {
    db = await testDatabase();
    await db.contacts.insert(contact('a', { ring: 'like' }));
    expect(await moveContact({ db, actor: 'me' }, 'a', { ring: 'like' })).toBeNull();
    expect(await db.touches.count().exec()).toBe(0);
  });

  it('moves across sectors by changing the category, without a stage-change touch', async () => {
    db = await testDatabase();
    await db.contacts.insert(contact('a', { category: 'business' }));
    const step = await moveContact({ db, actor: 'me' }, 'a', { category: 'friends' });
    expect(step?.label).toMatch(/Friends/);
    expect((await db.contacts.findOne('a').exec())?.category).toBe('friends');
    expect(await db.touches.count().exec()).toBe(0);
    await step!.undo();
    expect((await db.contacts.findOne('a').exec())?.category).toBe('business');
  });
});

describe('add and delete contacts', () => {
  it('adds a contact from checked fields and undo removes it again', async () => {
    db = await testDatabase();
    const { addContact } = await import('../../renderer/commands/contact-edits.ts');
    const { contact: added, step } = await addContact({ db, actor: 'me', now: () => 42 }, { name: 'Bo', category: 'family', ring: 'trust', emails: [], phones: ['555 0101'] });
    expect(await db.contacts.findOne(added.id).exec().then((d) => d?.toJSON())).toMatchObject({ name: 'Bo', ring: 'trust', stage: 'prospect', createdAt: 42, updatedBy: 'me' });
    await step.undo();
    expect(await db.contacts.count().exec()).toBe(0);
    await step.redo();
    expect(await db.contacts.count().exec()).toBe(1);
  });

  it('deletes a contact with its ties and undo brings both back', async () => {
    db = await testDatabase();
    const { deleteContact } = await import('../../renderer/commands/contact-edits.ts');
    await db.contacts.bulkInsert([contact('a'), contact('b'), contact('c')]);
    const tie = (id: string, from: string, to: string) => ({ id, kind: 'referral' as const, from, to, at: 1, createdAt: 1, updatedAt: 1, updatedBy: 't' });
    await db.ties.bulkInsert([tie('t1', 'a', 'b'), tie('t2', 'c', 'a'), tie('t3', 'b', 'c')]);
    const step = await deleteContact({ db, actor: 'me' }, 'a');
    expect(step.label).toBe('delete Contact a and 2 ties');
    expect((await db.ties.find().exec()).map((t) => t.id)).toEqual(['t3']);
    await step.undo();
    expect((await db.ties.find({ sort: [{ id: 'asc' }] }).exec()).map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(await db.contacts.count().exec()).toBe(3);
  });
});
