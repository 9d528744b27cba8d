// Process: test (Node). Today's edits against a real host and SQLite file: snoozing a contact, and the thank-you
// touch that thanking a referral writes.
import { afterEach, describe, expect, it } from 'vitest';
import { snoozeContact } from '../../renderer/commands/today-edits.ts';
import { recordReferral, rewardReferral } from '../../renderer/commands/relationship-edits.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';
import { hostForTest, type HostForTest } from '../support/host-api.ts';
import { contact } from '../support/contact-fixture.ts';

let host: HostForTest | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start(name: string, contacts: ContactDoc[]) {
  host = await hostForTest(name);
  await host.db.contacts.bulkInsert(contacts);
  return { ...host, ctx: { api: host.api } };
}

const stored = async (h: HostForTest, id: string) => (await h.db.contacts.findOne(id).exec())?.toJSON() as ContactDoc | undefined;

describe('snooze on Today', () => {
  it('stores the day they stay away until; undo and redo; waking them clears it', async () => {
    const h = await start('snooze', [contact('a', { name: 'Ann' })]);
    const step = await snoozeContact(h.ctx, 'a', '2026-12-04');
    expect(step?.label).toBe('snooze Ann until 2026-12-04');
    expect((await stored(h, 'a'))?.snoozedUntil).toBe('2026-12-04');
    expect(await snoozeContact(h.ctx, 'a', '2026-12-04')).toBeNull();
    await step!.undo();
    expect((await stored(h, 'a'))?.snoozedUntil).toBeUndefined();
    await step!.redo();
    expect((await stored(h, 'a'))?.snoozedUntil).toBe('2026-12-04');
    const wake = await snoozeContact(h.ctx, 'a', null);
    expect(wake?.label).toBe('bring back Ann');
    expect(await stored(h, 'a')).not.toHaveProperty('snoozedUntil');
  });

  it('refuses a day that does not exist, and writes nothing', async () => {
    const h = await start('snooze-bad', [contact('a')]);
    await expect(snoozeContact(h.ctx, 'a', '2026-02-30')).rejects.toThrow(/no such day/);
    await expect(snoozeContact(h.ctx, 'a', 'next week')).rejects.toThrow(/2026-12-01/);
    expect(await stored(h, 'a')).not.toHaveProperty('snoozedUntil');
  });
});

describe('thanking a referral', () => {
  it('logs a thank-you touch with the referrer, undone with the thanks', async () => {
    const h = await start('thank-touch', [contact('a', { name: 'Ann' }), contact('b', { name: 'Bo' })]);
    await recordReferral(h.ctx, { from: 'a', to: 'b' });
    const referral = (await h.db.ties.findOne({ selector: { kind: 'referral' } }).exec())!;
    const thanks = await rewardReferral(h.ctx, referral.id, 'Dinner at Luigi\'s', 2000);
    const touches = (await h.db.touches.find().exec()).map((t) => t.toJSON());
    expect(touches).toMatchObject([{ contactId: 'a', kind: 'thankYou', direction: 'outbound', at: 2000, note: 'Dinner at Luigi\'s' }]);
    await thanks.undo();
    expect(await h.db.touches.count().exec()).toBe(0);
  });
});
