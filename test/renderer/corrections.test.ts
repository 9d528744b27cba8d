// Process: test (Node). Correcting what was typed earlier, against a real host on a SQLite file: touches, deals,
// referrals and links edited and deleted with undo, duplicate tags kept once, and the sample taken back out.
import { afterEach, describe, expect, it } from 'vitest';
import { updateContact } from '../../renderer/commands/contact-edits.ts';
import { deleteDeal, deleteTie, deleteTouch, editDeal, editTie, editTouch } from '../../renderer/commands/record-corrections.ts';
import { linkContacts, loadSample, logTouch, recordDeal, recordReferral, removeSample } from '../../renderer/commands/relationship-edits.ts';
import { referralValues } from '../../shared/domain/life-cycle.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';
import { hostForTest, type HostForTest } from '../support/host-api.ts';
import { contact } from '../support/contact-fixture.ts';

let host: HostForTest | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start(name: string, contacts: ContactDoc[] = []) {
  host = await hostForTest(name);
  if (contacts.length) await host.db.contacts.bulkInsert(contacts);
  return { ...host, ctx: { api: host.api } };
}

const all = async <T>(h: HostForTest, name: 'touches' | 'deals' | 'ties' | 'contacts') =>
  (await h.db[name].find().exec()).map((d) => d.toJSON() as T);

describe('a touch corrected', () => {
  it('is replaced by a new touch that supersedes it; undo brings the old one back alone', async () => {
    const h = await start('touch-edit', [contact('a', { name: 'Ann' })]);
    await logTouch(h.ctx, { contactId: 'a', kind: 'call', direction: 'outbound', at: 1000, note: 'wrong note' });
    const [old] = await all<{ id: string }>(h, 'touches');
    const step = await editTouch(h.ctx, old!.id, { kind: 'meeting', note: 'Lunch at the harbour' });
    expect(step?.label).toBe('edit a touch with Ann');
    const after = await all<{ id: string; kind: string; note: string; supersedes: string; at: number }>(h, 'touches');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ kind: 'meeting', note: 'Lunch at the harbour', supersedes: old!.id, at: 1000 });
    expect(after[0]!.id).not.toBe(old!.id);

    await step!.undo();
    expect((await all<{ id: string; note: string }>(h, 'touches')).map((t) => [t.id, t.note])).toEqual([[old!.id, 'wrong note']]);
    await step!.redo();
    expect((await all<{ note: string }>(h, 'touches')).map((t) => t.note)).toEqual(['Lunch at the harbour']);
    // Nothing to change: no step is recorded.
    const [current] = await all<{ id: string }>(h, 'touches');
    expect(await editTouch(h.ctx, current!.id, { kind: 'meeting' })).toBeNull();
  });

  it('is deleted, and undo restores it; a move between rings is not edited by hand', async () => {
    const h = await start('touch-delete', [contact('a', { name: 'Ann' })]);
    await logTouch(h.ctx, { contactId: 'a', kind: 'email', direction: 'inbound', at: 5 });
    const [touch] = await all<{ id: string }>(h, 'touches');
    const step = await deleteTouch(h.ctx, touch!.id);
    expect(await h.db.touches.count().exec()).toBe(0);
    await step.undo();
    expect((await all<{ id: string }>(h, 'touches')).map((t) => t.id)).toEqual([touch!.id]);

    await h.db.touches.insert({ id: 'move', contactId: 'a', kind: 'stageChange', direction: 'outbound', at: 6, fromRing: 'know', toRing: 'like', createdAt: 6, updatedBy: 'x' });
    await expect(deleteTouch(h.ctx, 'move')).rejects.toThrow(/moving the contact back/);
  });
});

describe('a deal corrected', () => {
  it('changes amount and note in place, and undo restores them; delete and undo', async () => {
    const h = await start('deal', [contact('a', { name: 'Ann' })]);
    await recordDeal(h.ctx, { contactId: 'a', amount: 12_000_00, currency: 'USD', at: 10, note: 'typo' });
    const [deal] = await all<{ id: string }>(h, 'deals');
    const step = await editDeal(h.ctx, deal!.id, { amount: 9_500_00, note: null });
    expect(step?.label).toBe('edit a deal with Ann');
    const [edited] = await all<{ id: string; amount: number; note?: string }>(h, 'deals');
    expect(edited).toMatchObject({ id: deal!.id, amount: 9_500_00 });
    expect(edited).not.toHaveProperty('note');
    await step!.undo();
    expect((await all<{ amount: number; note: string }>(h, 'deals'))[0]).toMatchObject({ amount: 12_000_00, note: 'typo' });

    const gone = await deleteDeal(h.ctx, deal!.id);
    expect(await h.db.deals.count().exec()).toBe(0);
    await gone.undo();
    expect(await h.db.deals.count().exec()).toBe(1);
    await expect(editDeal(h.ctx, deal!.id, { amount: -3 })).rejects.toThrow(/positive/);
  });
});

describe('a referral or a link corrected', () => {
  it('a deleted referral stops being credited with its deals; undo gives both back', async () => {
    const h = await start('referral', [contact('a', { name: 'Ann' }), contact('b', { name: 'Bo' })]);
    await recordReferral(h.ctx, { from: 'a', to: 'b', note: 'met at the open house' });
    const [tie] = await all<{ id: string }>(h, 'ties');
    await recordDeal(h.ctx, { contactId: 'b', amount: 8_000_00, currency: 'USD', referralId: tie!.id });
    const edit = await editTie(h.ctx, tie!.id, { note: 'met at the school fair', reward: 'Dinner' });
    expect((await all<{ note: string; reward: string; rewardedAt: number }>(h, 'ties'))[0]).toMatchObject({ note: 'met at the school fair', reward: 'Dinner', rewardedAt: expect.any(Number) });
    expect(edit?.label).toBe('edit the referral of Bo by Ann');

    const step = await deleteTie(h.ctx, tie!.id);
    expect(step.label).toBe('remove the referral of Bo by Ann');
    expect(await h.db.ties.count().exec()).toBe(0);
    const deals = await all<{ referralId?: string; amount: number; currency: string; contactId: string; id: string; at: number; createdAt: number; updatedBy: string }>(h, 'deals');
    expect(deals[0]).not.toHaveProperty('referralId');
    expect(referralValues(deals as never).size).toBe(0);

    await step.undo();
    expect((await all<{ id: string }>(h, 'ties')).map((t) => t.id)).toEqual([tie!.id]);
    expect((await all<{ referralId: string }>(h, 'deals'))[0]?.referralId).toBe(tie!.id);
  });

  it('removes an influence link and a partner link, each undoable', async () => {
    const h = await start('links', [contact('a', { name: 'Ann', roles: ['centerOfInfluence', 'hostBeneficiary'] }), contact('b', { name: 'Bo' })]);
    await linkContacts(h.ctx, 'influence', 'a', 'b');
    await linkContacts(h.ctx, 'partner', 'a', 'b');
    const ties = await all<{ id: string; kind: string }>(h, 'ties');
    const influence = ties.find((t) => t.kind === 'influence')!;
    const step = await deleteTie(h.ctx, influence.id);
    expect(step.label).toBe("remove Ann's influence on Bo");
    expect((await all<{ kind: string }>(h, 'ties')).map((t) => t.kind)).toEqual(['partner']);
    await step.undo();
    expect((await all<{ kind: string }>(h, 'ties')).map((t) => t.kind).sort()).toEqual(['influence', 'partner']);
    await expect(editTie(h.ctx, influence.id, { reward: 'flowers' })).rejects.toThrow(/Only a referral/);
  });
});

describe('input kept clean', () => {
  it('stores a tag once however often it was typed', async () => {
    const h = await start('tags', [contact('a', { name: 'Ann' })]);
    await updateContact(h.ctx, 'a', { tags: ['golf', ' golf', 'Golf', 'vip', ''] });
    expect((await h.db.contacts.findOne('a').exec())?.tags).toEqual(['golf', 'vip']);
  });
});

describe('the sample people', () => {
  it('are removed in one step at any time, leaving the user\'s own people, ties and touches; a second load says why it did nothing', async () => {
    const h = await start('sample', [contact('mine', { name: 'My own contact' })]);
    await loadSample(h.ctx);
    expect(await h.db.contacts.count().exec()).toBe(301);
    await expect(loadSample(h.ctx)).rejects.toThrow(/already here \(300 of them\)/);
    expect(await h.db.contacts.count().exec()).toBe(301);

    // A realtor's commissions, not pocket money.
    const amounts = (await all<{ amount: number }>(h, 'deals')).map((d) => d.amount / 100);
    expect(Math.min(...amounts)).toBeGreaterThanOrEqual(2_500);
    expect(Math.max(...amounts)).toBeLessThanOrEqual(40_000);
    expect(Math.max(...amounts)).toBeGreaterThan(10_000);

    // Later the user works with both: a touch on their own contact, a referral from a sample person to them.
    await logTouch(h.ctx, { contactId: 'mine', kind: 'call', direction: 'outbound' });
    await recordReferral(h.ctx, { from: 'sample-c-000001', to: 'mine' });
    const step = await removeSample(h.ctx);
    expect(step.label).toBe('remove the 300 sample people');
    expect((await all<{ id: string }>(h, 'contacts')).map((c) => c.id)).toEqual(['mine']);
    expect(await h.db.ties.count().exec()).toBe(0);
    expect(await h.db.deals.count().exec()).toBe(0);
    expect((await all<{ contactId: string }>(h, 'touches')).map((t) => t.contactId)).toEqual(['mine']);
    await expect(removeSample(h.ctx)).rejects.toThrow(/no sample people/);

    await step.undo();
    expect(await h.db.contacts.count().exec()).toBe(301);
    expect((await all<{ to: string }>(h, 'ties')).some((t) => t.to === 'mine')).toBe(true);
  });

  it('takes out a sample loaded before sample ids were marked, by the generator\'s own ids', async () => {
    const h = await start('legacy-sample', [contact('mine', { name: 'Mine' }), contact('c-000001', { name: 'Old sample' }), contact('c-000002', { name: 'Old sample 2' })]);
    await h.db.touches.insert({ id: 'tch-000001', contactId: 'c-000001', kind: 'call', direction: 'outbound', at: 5, createdAt: 5, updatedBy: 'sample' });
    await expect(loadSample(h.ctx)).rejects.toThrow(/already here \(2 of them\)/);
    const step = await removeSample(h.ctx);
    expect(step.label).toBe('remove the 2 sample people');
    expect((await all<{ id: string }>(h, 'contacts')).map((c) => c.id)).toEqual(['mine']);
    expect(await h.db.touches.count().exec()).toBe(0);
  });
});
