// Process: test (Node). The window's edit commands against a real host: a SQLite file, the app API's own
// dispatch, and an RxDatabase on the storage the channel exposes, which must see every change live.
import { afterEach, describe, expect, it } from 'vitest';
import { EditHistory } from '../../renderer/commands/history.ts';
import { moveContact } from '../../renderer/commands/move-contact.ts';
import { addContact, deleteContact, updateContact } from '../../renderer/commands/contact-edits.ts';
import { mergeContacts } from '../../renderer/commands/merge-contacts.ts';
import { linkContacts, loadSample, logTouch, recordDeal, recordReferral, rewardReferral } from '../../renderer/commands/relationship-edits.ts';
import { updateSettings } from '../../renderer/commands/settings-edits.ts';
import { customerStage, referralValues } from '../../shared/domain/life-cycle.ts';
import { CommandRunner } from '../../electron/store/command-runner.ts';
import type { ContactDoc, TieDoc } from '../../shared/schemas/index.ts';
import { hostForTest, type HostForTest } from '../support/host-api.ts';
import { contact } from '../support/contact-fixture.ts';

let host: HostForTest | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const DAY = 86_400_000;
const tie = (id: string, kind: TieDoc['kind'], from: string, to: string): TieDoc => ({ id, kind, from, to, at: 1, createdAt: 1, updatedAt: 1, updatedBy: 'seed' });

async function start(name: string, contacts: ContactDoc[] = [], ties: TieDoc[] = []) {
  host = await hostForTest(name);
  if (contacts.length) await host.db.contacts.bulkInsert(contacts);
  if (ties.length) await host.db.ties.bulkInsert(ties);
  return { ...host, ctx: { api: host.api } };
}

const plainContact = async (h: HostForTest, id: string) => (await h.db.contacts.findOne(id).exec())?.toJSON() as ContactDoc | undefined;

describe('move a contact between rings', () => {
  it('stores the move and its stage-change touch by this device, seen live by the window; undo and redo', async () => {
    const h = await start('move', [contact('a', { name: 'Ann', ring: 'know' })]);
    const seen: string[] = [];
    const live = h.db.contacts.findOne('a').$.subscribe((d) => d && seen.push(d.ring));
    const history = new EditHistory();
    const step = await history.perform(() => moveContact(h.ctx, 'a', { ring: 'trust' }));
    expect(step?.label).toBe('move Ann to Trust');
    const moved = await plainContact(h, 'a');
    expect(moved?.ring).toBe('trust');
    // A real author: this device's id, made once and kept in the store file.
    expect(moved?.updatedBy).toBe(h.store.deviceId());
    expect(moved?.updatedBy).toMatch(/^device-[0-9a-f-]{36}$/);
    const touches = await h.db.touches.find({ selector: { contactId: 'a' } }).exec();
    expect(touches.map((t) => [t.kind, t.fromRing, t.toRing, t.updatedBy])).toEqual([['stageChange', 'know', 'trust', h.store.deviceId()]]);
    await expect.poll(() => seen).toContain('trust');

    expect(await history.undo()).toBe('move Ann to Trust');
    expect((await plainContact(h, 'a'))?.ring).toBe('know');
    expect(await h.db.touches.count().exec()).toBe(0);
    await history.redo();
    expect((await plainContact(h, 'a'))?.ring).toBe('trust');
    expect(await h.db.touches.count().exec()).toBe(1);
    live.unsubscribe();
  });

  it('writes nothing at all when any part of the move cannot be stored', async () => {
    const h = await start('move-atomic', [contact('a', { ring: 'know' })]);
    // A touch id the schema refuses (over 64 characters) fails the second write of the command, after the
    // contact's row was written inside the same transaction.
    const runner = new CommandRunner(() => h.store.current.raw, () => 'device-x', { newId: () => 'x'.repeat(80) });
    await expect(runner.run({ type: 'contact.move', contactId: 'a', ring: 'trust' })).rejects.toThrow(/touches/);
    expect((await plainContact(h, 'a'))?.ring).toBe('know');
    expect(await h.db.touches.count().exec()).toBe(0);
  });

  it('changes nothing when dropped where it already was, and moves across sectors without a touch', async () => {
    const h = await start('move-same', [contact('a', { ring: 'like' })]);
    expect(await moveContact(h.ctx, 'a', { ring: 'like' })).toBeNull();
    const step = await moveContact(h.ctx, 'a', { category: 'friends' });
    expect(step?.label).toMatch(/Friends/);
    expect(await h.db.touches.count().exec()).toBe(0);
    await step!.undo();
    expect((await plainContact(h, 'a'))?.category).toBe('business');
  });

  it('refuses a command the schema does not allow, with a message, and writes nothing', async () => {
    const h = await start('move-bad', [contact('a')]);
    await expect(h.api.call('command.run', { type: 'contact.move', contactId: 'a', ring: 'inner' } as never)).rejects.toThrow(/command\.run.*ring/s);
    await expect(h.api.call('command.run', { type: 'contact.drop', contactId: 'a' } as never)).rejects.toThrow(/command\.run/);
    await expect(moveContact(h.ctx, 'nobody', { ring: 'trust' })).rejects.toThrow(/no longer exists/);
    expect((await plainContact(h, 'a'))?.ring).toBe('know');
  });
});

describe('field stamps for sync', () => {
  it('stamps each field an edit changes, with this device\'s clock, and no others', async () => {
    const h = await start('stamps', [contact('a', { name: 'Ann', ring: 'know', title: 'Agent' })]);
    await updateContact(h.ctx, 'a', { name: 'Ann Lee' });
    const first = (await plainContact(h, 'a'))!.stamps!;
    expect(Object.keys(first)).toEqual(['name']);
    expect(first.name).toMatch(new RegExp(`:${h.store.deviceId()}$`));
    await moveContact(h.ctx, 'a', { ring: 'trust' });
    await updateContact(h.ctx, 'a', { title: '' });
    const stamps = (await plainContact(h, 'a'))!.stamps!;
    expect(Object.keys(stamps).sort()).toEqual(['name', 'ring', 'title']);
    // Later edits stamp later: the merge can order them.
    expect(stamps.ring! > stamps.name!).toBe(true);
    expect(stamps.title! > stamps.ring!).toBe(true);
  });
});

describe('undo takes back only what the command changed', () => {
  it('leaves a later edit of another field by someone else standing', async () => {
    const h = await start('undo-fields', [contact('a', { name: 'Ann', ring: 'know' })]);
    const move = await moveContact(h.ctx, 'a', { ring: 'trust' });
    // A teammate (another command, as sync will write) changes the notes afterwards.
    await updateContact(h.ctx, 'a', { notes: 'Met at the fair' });
    await move!.undo();
    expect(await plainContact(h, 'a')).toMatchObject({ ring: 'know', notes: 'Met at the fair' });
  });

  it('does not overwrite a field someone changed again since', async () => {
    const h = await start('undo-same-field', [contact('a', { name: 'Ann', title: 'Agent' })]);
    const edit = await updateContact(h.ctx, 'a', { name: 'Ann Lee', title: 'Broker' });
    await updateContact(h.ctx, 'a', { title: 'Managing Broker' });
    await edit!.undo();
    // The name goes back; the title keeps the newer edit instead of the snapshot's 'Agent'.
    expect(await plainContact(h, 'a')).toMatchObject({ name: 'Ann', title: 'Managing Broker' });
    await edit!.redo();
    expect((await plainContact(h, 'a'))?.name).toBe('Ann Lee');
  });
});

describe('add, edit and delete contacts', () => {
  it('adds a contact from checked fields and undo removes it again', async () => {
    const h = await start('add');
    const { contactId, step } = await addContact(h.ctx, { name: 'Bo', category: 'family', ring: 'trust', emails: [], phones: ['555 0101'] });
    const added = await plainContact(h, contactId);
    expect(added).toMatchObject({ name: 'Bo', ring: 'trust', phones: ['555 0101'], updatedBy: h.store.deviceId() });
    // Nothing derived is stored: no stage until someone sets one by hand.
    expect(added).not.toHaveProperty('stage');
    expect(added).not.toHaveProperty('stageByHand');
    await step.undo();
    expect(await h.db.contacts.count().exec()).toBe(0);
    await step.redo();
    expect(await h.db.contacts.count().exec()).toBe(1);
  });

  it('deletes a contact with its ties in one step and undo brings both back', async () => {
    const h = await start('delete', [contact('a'), contact('b'), contact('c')], [tie('t1', 'referral', 'a', 'b'), tie('t2', 'referral', 'c', 'a'), tie('t3', 'referral', 'b', 'c')]);
    const step = await deleteContact(h.ctx, 'a');
    expect(step.label).toBe('delete Contact a and 2 ties');
    expect((await h.db.ties.find().exec()).map((t) => t.id)).toEqual(['t3']);
    await step.undo();
    expect((await h.db.ties.find({ sort: [{ id: 'asc' }] }).exec()).map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(await h.db.contacts.count().exec()).toBe(3);
  });

  it('edits a contact, clears fields with empty text, and says when nothing changed', async () => {
    const h = await start('edit', [contact('a', { name: 'Ann', tags: ['golf'], title: 'Agent' })]);
    const step = await updateContact(h.ctx, 'a', { name: 'Ann Lee', title: '', roles: ['centerOfInfluence'] });
    const edited = await plainContact(h, 'a');
    expect(edited).toMatchObject({ name: 'Ann Lee', roles: ['centerOfInfluence'] });
    expect(edited).not.toHaveProperty('title');
    await step!.undo();
    expect(await plainContact(h, 'a')).toMatchObject({ name: 'Ann', title: 'Agent', roles: [] });
    expect(await updateContact(h.ctx, 'a', { name: 'Ann' })).toBeNull();
    // What the edit form sends for blank fields clears them, a birthday included (a pattern must not refuse '').
    await updateContact(h.ctx, 'a', { birthday: '1980-04-23' });
    await updateContact(h.ctx, 'a', { birthday: '', notes: '', address: '' });
    expect(await plainContact(h, 'a')).not.toHaveProperty('birthday');
  });
});

describe('touches, referrals and deals', () => {
  it('logs a touch and undo takes it back', async () => {
    const h = await start('touch', [contact('a', { name: 'Ann' })]);
    const step = await logTouch(h.ctx, { contactId: 'a', kind: 'call', direction: 'outbound', at: 77, note: ' asked about the move ' });
    expect(step.label).toBe('log call with Ann');
    expect((await h.db.touches.findOne({ selector: { contactId: 'a' } }).exec())?.toJSON()).toMatchObject({ kind: 'call', at: 77, note: 'asked about the move' });
    await step.undo();
    expect(await h.db.touches.count().exec()).toBe(0);
    await expect(h.api.call('command.run', { type: 'touch.log', contactId: 'a', kind: 'stageChange', direction: 'outbound' })).rejects.toThrow(/moving the contact/);
    await expect(logTouch(h.ctx, { contactId: 'a', kind: 'call', direction: 'outbound', at: Date.now() + 3 * DAY })).rejects.toThrow(/future/);
  });

  it('records a referral, then its reward; undo clears the reward only', async () => {
    const h = await start('referral', [contact('a', { name: 'Ann' }), contact('b', { name: 'Bo' })]);
    await expect(recordReferral(h.ctx, { from: 'a', to: 'a' })).rejects.toThrow(/themselves/);
    const step = await recordReferral(h.ctx, { from: 'a', to: 'b' });
    expect(step.label).toBe('Ann referred Bo');
    const referral = (await h.db.ties.findOne({ selector: { kind: 'referral' } }).exec())!;
    await expect(rewardReferral(h.ctx, referral.id, '  ')).rejects.toThrow(/how you thanked/);
    const thanks = await rewardReferral(h.ctx, referral.id, 'Dinner at Luigi\'s', 2000);
    expect((await h.db.ties.findOne(referral.id).exec())?.toJSON()).toMatchObject({ reward: 'Dinner at Luigi\'s', rewardedAt: 2000 });
    await thanks.undo();
    const after = (await h.db.ties.findOne(referral.id).exec())?.toJSON();
    expect(after?.reward).toBeUndefined();
    expect(after?.rewardedAt).toBeUndefined();
    expect(await h.db.ties.count().exec()).toBe(1);
  });

  it('derives what a referral brought from the deals naming it: two deals add up, nothing is stored on the tie', async () => {
    const h = await start('referral-value', [contact('a'), contact('b')], [tie('r1', 'referral', 'a', 'b')]);
    await recordDeal(h.ctx, { contactId: 'b', amount: 300_00, currency: 'USD', referralId: 'r1' });
    await recordDeal(h.ctx, { contactId: 'b', amount: 200_00, currency: 'USD', referralId: 'r1' });
    await expect(recordDeal(h.ctx, { contactId: 'a', amount: 1_00, currency: 'USD', referralId: 'r1' })).rejects.toThrow(/did not bring/);
    const deals = (await h.db.deals.find().exec()).map((d) => d.toJSON());
    expect(referralValues(deals).get('r1')).toEqual({ USD: 500_00 });
    expect((await h.db.ties.findOne('r1').exec())?.toJSON()).not.toHaveProperty('value');
  });

  it('moves the derived customer stage with deals, and undo moves it back', async () => {
    const h = await start('deal', [contact('a')]);
    const now = Date.now();
    await expect(recordDeal(h.ctx, { contactId: 'a', amount: -5, currency: 'USD' })).rejects.toThrow(/positive/);
    await expect(recordDeal(h.ctx, { contactId: 'a', amount: 500, currency: 'dollars' })).rejects.toThrow(/three-letter/);
    const stage = async () => {
      const deals = (await h.db.deals.find().exec()).map((d) => d.toJSON());
      const touches = (await h.db.touches.find().exec()).map((t) => t.toJSON());
      return customerStage((await plainContact(h, 'a'))!, deals, touches, now);
    };
    await recordDeal(h.ctx, { contactId: 'a', amount: 120_00, currency: 'USD' });
    expect(await stage()).toBe('firstTime');
    const second = await recordDeal(h.ctx, { contactId: 'a', amount: 80_00, currency: 'USD' });
    expect(await stage()).toBe('repeat');
    await second.undo();
    expect(await stage()).toBe('firstTime');
    expect(await h.db.deals.count().exec()).toBe(1);
    expect(await plainContact(h, 'a')).not.toHaveProperty('stage');
  });

  it('links a center of influence once', async () => {
    const h = await start('link', [contact('a', { name: 'Ann' }), contact('b', { name: 'Bo' })]);
    const step = await linkContacts(h.ctx, 'influence', 'a', 'b');
    expect(step.label).toBe('Ann influences Bo');
    await expect(linkContacts(h.ctx, 'influence', 'a', 'b')).rejects.toThrow(/already linked/);
  });
});

describe('one stage rule, derived when read', () => {
  it('keeps a quiet repeat customer churned whatever is edited: a ring move is not contact', async () => {
    const now = Date.UTC(2026, 10, 27, 12);
    const h = await start('stage-rule', [contact('a', { ring: 'like' })]);
    await h.db.deals.bulkInsert([
      { id: 'd1', contactId: 'a', amount: 100_00, currency: 'USD', at: now - 500 * DAY, createdAt: 1, updatedAt: 1, updatedBy: 'seed' },
      { id: 'd2', contactId: 'a', amount: 100_00, currency: 'USD', at: now - 450 * DAY, createdAt: 1, updatedAt: 1, updatedBy: 'seed' },
    ]);
    await moveContact(h.ctx, 'a', { ring: 'trust' });
    await updateContact(h.ctx, 'a', { notes: 'Still on the holiday card list' });
    const deals = (await h.db.deals.find().exec()).map((d) => d.toJSON());
    const touches = (await h.db.touches.find().exec()).map((t) => t.toJSON());
    expect(touches.map((t) => t.kind)).toEqual(['stageChange']);
    // Opening after opening, edit after edit: the same answer, and nothing stored that could flip.
    for (let i = 0; i < 3; i++) expect(customerStage((await plainContact(h, 'a'))!, deals, touches, now)).toBe('churned');
    expect(await plainContact(h, 'a')).not.toHaveProperty('stage');
    // Set by hand, it stays put until handed back to the deals.
    await updateContact(h.ctx, 'a', { stageByHand: 'repeat' });
    expect(customerStage((await plainContact(h, 'a'))!, deals, touches, now)).toBe('repeat');
    await updateContact(h.ctx, 'a', { stageByHand: null });
    expect(customerStage((await plainContact(h, 'a'))!, deals, touches, now)).toBe('churned');
  });
});

describe('merge, settings and the sample', () => {
  it('merges a duplicate: the survivor takes its fields, touches, deals and ties; undo restores both people', async () => {
    const h = await start('merge', [
      contact('a', { name: 'Ann Lee', emails: ['ann@x.io'] }),
      contact('b', { name: 'Ann L.', organisation: 'Lee & Co', emails: ['ann@lee.co'], ring: 'trust' }),
      contact('c', { name: 'Cy' }),
    ], [tie('r1', 'referral', 'b', 'c'), tie('p1', 'personal', 'a', 'b')]);
    await h.db.touches.insert({ id: 't1', contactId: 'b', kind: 'call', direction: 'outbound', at: 5, createdAt: 5, updatedBy: 'x' });
    await h.db.deals.insert({ id: 'd1', contactId: 'b', amount: 100_00, currency: 'USD', at: 6, createdAt: 6, updatedAt: 6, updatedBy: 'x' });

    const step = await mergeContacts(h.ctx, 'a', 'b');
    expect(step.label).toBe('merge Ann L. into Ann Lee');
    expect(await h.db.contacts.findOne('b').exec()).toBeNull();
    expect(await plainContact(h, 'a')).toMatchObject({ name: 'Ann Lee', organisation: 'Lee & Co', ring: 'trust', emails: ['ann@x.io', 'ann@lee.co'] });
    expect((await h.db.touches.find().exec()).map((t) => [t.contactId, t.supersedes])).toEqual([['a', 't1']]);
    expect((await h.db.deals.find().exec()).map((d) => [d.contactId, d.amount])).toEqual([['a', 100_00]]);
    expect((await h.db.ties.find().exec()).map((t) => [t.id, t.from, t.to])).toEqual([['r1', 'a', 'c']]);

    await step.undo();
    expect((await plainContact(h, 'b'))?.name).toBe('Ann L.');
    expect((await plainContact(h, 'a'))?.organisation).toBeUndefined();
    expect((await h.db.touches.find().exec()).map((t) => t.contactId)).toEqual(['b']);
    expect((await h.db.ties.find({ sort: [{ id: 'asc' }] }).exec()).map((t) => [t.id, t.from, t.to])).toEqual([['p1', 'a', 'b'], ['r1', 'b', 'c']]);
  });

  it('changes settings and undo restores the previous values', async () => {
    const h = await start('settings');
    const first = await updateSettings(h.ctx, { dimOverdue: true });
    const second = await updateSettings(h.ctx, { lifeCycle: { repeatAt: 3, lifetimeAt: 6, churnAfterDays: 30 } });
    expect((await h.db.settings.findOne('settings').exec())?.toJSON()).toMatchObject({ dimOverdue: true, lifeCycle: { churnAfterDays: 30 } });
    await second.undo();
    expect((await h.db.settings.findOne('settings').exec())?.toJSON()).toMatchObject({ dimOverdue: true, lifeCycle: { churnAfterDays: 365 } });
    // The first change made the settings document: taking it back leaves the defaults.
    await first.undo();
    expect(await h.db.settings.findOne('settings').exec()).toBeNull();
    await expect(updateSettings(h.ctx, { cadence: { trust: 0 } as never })).rejects.toThrow(/settings/);
  });

  it('loads the sample in one step, and one undo takes it out leaving the user\'s own people', async () => {
    const h = await start('sample', [contact('mine', { name: 'My own contact' })]);
    const step = await loadSample(h.ctx);
    const total = await h.db.contacts.count().exec();
    expect(total).toBe(301);
    expect(await h.db.ties.count().exec()).toBeGreaterThan(100);
    await step.undo();
    expect((await h.db.contacts.find().exec()).map((c) => c.id)).toEqual(['mine']);
    expect(await h.db.ties.count().exec()).toBe(0);
    expect(await h.db.touches.count().exec()).toBe(0);
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
