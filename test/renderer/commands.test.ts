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

  it('leaves the contact where it was when the stage change cannot be recorded', async () => {
    db = await testDatabase();
    await db.contacts.insert(contact('a', { ring: 'know' }));
    // A touch id already taken makes the record's insert fail after the move itself was written.
    await db.touches.insert({ id: 'taken', contactId: 'a', kind: 'call', direction: 'outbound', at: 1, createdAt: 1, updatedBy: 'me' });
    await expect(moveContact({ db, actor: 'me', newId: () => 'taken' }, 'a', { ring: 'trust' })).rejects.toThrow();
    expect((await db.contacts.findOne('a').exec())?.ring).toBe('know');
    expect(await db.touches.count().exec()).toBe(1);
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

describe('touches, referrals and deals', () => {
  it('logs a touch and undo takes it back', async () => {
    db = await testDatabase();
    const { logTouch } = await import('../../renderer/commands/relationship-edits.ts');
    await db.contacts.insert(contact('a', { name: 'Ann' }));
    const step = await logTouch({ db, actor: 'me', now: () => 77 }, { contactId: 'a', kind: 'call', direction: 'outbound', note: ' asked about the move ' });
    expect(step.label).toBe('log call with Ann');
    expect((await db.touches.findOne({ selector: { contactId: 'a' } }).exec())?.toJSON()).toMatchObject({ kind: 'call', at: 77, note: 'asked about the move' });
    await step.undo();
    expect(await db.touches.count().exec()).toBe(0);
  });

  it('records a referral, then its reward; undo clears the reward only', async () => {
    db = await testDatabase();
    const { recordReferral, rewardReferral } = await import('../../renderer/commands/relationship-edits.ts');
    await db.contacts.bulkInsert([contact('a', { name: 'Ann' }), contact('b', { name: 'Bo' })]);
    const ctx = { db, actor: 'me', now: () => 1000 };
    await expect(recordReferral(ctx, { from: 'a', to: 'a' })).rejects.toThrow(/themselves/);
    const { tie, step } = await recordReferral(ctx, { from: 'a', to: 'b' });
    expect(step.label).toBe('Ann referred Bo');
    await expect(rewardReferral(ctx, tie.id, '  ')).rejects.toThrow(/how you thanked/);
    const thanks = await rewardReferral(ctx, tie.id, 'Dinner at Luigi\'s', 2000);
    expect((await db.ties.findOne(tie.id).exec())?.toJSON()).toMatchObject({ reward: 'Dinner at Luigi\'s', rewardedAt: 2000 });
    await thanks.undo();
    const after = (await db.ties.findOne(tie.id).exec())?.toJSON();
    expect(after?.reward).toBeUndefined();
    expect(after?.rewardedAt).toBeUndefined();
  });

  it('moves the customer stage with deals until repeat, and undo moves it back', async () => {
    db = await testDatabase();
    const { recordDeal } = await import('../../renderer/commands/relationship-edits.ts');
    await db.contacts.insert(contact('a'));
    const ctx = { db, actor: 'me', now: () => Date.UTC(2026, 5, 1) };
    await expect(recordDeal(ctx, { contactId: 'a', amount: -5, currency: 'USD' })).rejects.toThrow(/positive/);
    await expect(recordDeal(ctx, { contactId: 'a', amount: 500, currency: 'dollars' })).rejects.toThrow(/three-letter/);
    await recordDeal(ctx, { contactId: 'a', amount: 120_00, currency: 'USD' });
    expect((await db.contacts.findOne('a').exec())?.stage).toBe('firstTime');
    const second = await recordDeal(ctx, { contactId: 'a', amount: 80_00, currency: 'USD' });
    expect((await db.contacts.findOne('a').exec())?.stage).toBe('repeat');
    await second.undo();
    expect((await db.contacts.findOne('a').exec())?.stage).toBe('firstTime');
    expect(await db.deals.count().exec()).toBe(1);
  });
});

describe('merge and edit', () => {
  it('merges a duplicate: the survivor takes its fields, touches, deals and ties; undo restores both people', async () => {
    db = await testDatabase();
    const { mergeContacts } = await import('../../renderer/commands/merge-contacts.ts');
    await db.contacts.bulkInsert([
      contact('a', { name: 'Ann Lee', emails: ['ann@x.io'] }),
      contact('b', { name: 'Ann L.', organisation: 'Lee & Co', emails: ['ann@lee.co'], ring: 'trust' }),
      contact('c', { name: 'Cy' }),
    ]);
    await db.touches.insert({ id: 't1', contactId: 'b', kind: 'call', direction: 'outbound', at: 5, createdAt: 5, updatedBy: 'x' });
    await db.deals.insert({ id: 'd1', contactId: 'b', amount: 100_00, currency: 'USD', at: 6, createdAt: 6, updatedBy: 'x' });
    const tie = (id: string, kind: 'referral' | 'personal', from: string, to: string) => ({ id, kind, from, to, at: 1, createdAt: 1, updatedAt: 1, updatedBy: 'x' });
    await db.ties.bulkInsert([tie('r1', 'referral', 'b', 'c'), tie('p1', 'personal', 'a', 'b')]);

    const step = await mergeContacts({ db, actor: 'me' }, 'a', 'b');
    expect(step.label).toBe('merge Ann L. into Ann Lee');
    expect(await db.contacts.findOne('b').exec()).toBeNull();
    const ann = (await db.contacts.findOne('a').exec())!.toJSON();
    expect(ann).toMatchObject({ name: 'Ann Lee', organisation: 'Lee & Co', ring: 'trust', emails: ['ann@x.io', 'ann@lee.co'] });
    expect((await db.touches.find().exec()).map((t) => [t.contactId, t.supersedes])).toEqual([['a', 't1']]);
    expect((await db.deals.find().exec()).map((d) => [d.contactId, d.amount])).toEqual([['a', 100_00]]);
    expect((await db.ties.find().exec()).map((t) => [t.id, t.from, t.to])).toEqual([['r1', 'a', 'c']]);

    await step.undo();
    expect((await db.contacts.findOne('b').exec())?.name).toBe('Ann L.');
    expect((await db.contacts.findOne('a').exec())?.organisation).toBeUndefined();
    expect((await db.touches.find().exec()).map((t) => t.contactId)).toEqual(['b']);
    expect((await db.ties.find({ sort: [{ id: 'asc' }] }).exec()).map((t) => [t.id, t.from, t.to])).toEqual([['p1', 'a', 'b'], ['r1', 'b', 'c']]);
  });

  it('edits a contact and undo puts back exactly what was there', async () => {
    db = await testDatabase();
    const { updateContact } = await import('../../renderer/commands/contact-edits.ts');
    await db.contacts.insert(contact('a', { name: 'Ann', tags: ['golf'] }));
    const step = await updateContact({ db, actor: 'me' }, 'a', { name: 'Ann Lee', title: 'Broker', roles: ['centerOfInfluence'] });
    expect((await db.contacts.findOne('a').exec())?.toJSON()).toMatchObject({ name: 'Ann Lee', title: 'Broker', roles: ['centerOfInfluence'], updatedBy: 'me' });
    await step!.undo();
    const back = (await db.contacts.findOne('a').exec())!.toJSON();
    expect(back.name).toBe('Ann');
    expect(back.title).toBeUndefined();
    expect(await updateContact({ db, actor: 'me' }, 'a', { name: 'Ann' })).toBeNull();
  });
});

describe('edit history', () => {
  it('lets an undo pressed while an edit is still being written undo that edit', async () => {
    const history = new EditHistory();
    const log: string[] = [];
    let finish: (() => void) | undefined;
    const slow = history.perform(() => new Promise((resolve) => {
      finish = () => resolve({ label: 'slow edit', undo: async () => void log.push('undone'), redo: async () => void log.push('redone') });
    }));
    const undone = history.undo();
    // The edit starts on a later tick; finish it once it has.
    while (!finish) await new Promise((r) => setTimeout(r, 1));
    finish();
    await slow;
    expect(await undone).toBe('slow edit');
    expect(log).toEqual(['undone']);
    expect(history.canRedo).toBe(true);
  });
});
