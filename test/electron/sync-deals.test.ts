// Process: test (Node). Deals are edited in place since deals schema v1 and merge field by field like contacts
// (issue 11): real hosts and their sync engines against a real team server on loopback, offline and back.
import { afterEach, describe, expect, it } from 'vitest';
import { addContact, content, SyncRig, tempDir, type Device } from '../support/sync-devices.ts';

const rig = new SyncRig();
afterEach(() => rig.cleanup());

type Deal = { id: string; amount: number; currency: string; note?: string; at: number; stamps?: Record<string, string>; updatedBy: string };

const deal = (d: Device, id: string) => d.docs('deals').find((x) => x.id === id) as Deal | undefined;

/** Two members, a contact with one deal both devices hold, then the server goes away. */
async function twoOnTheRoad() {
  const dataDir = tempDir('server');
  const first = await rig.startServer(dataDir);
  await rig.team(first.db, ['ann@harbor.test', 'bo@harbor.test']);
  const ann = await rig.device('ann', first.base, 'ann@harbor.test');
  const bo = await rig.device('bo', first.base, 'bo@harbor.test');
  const { createdId: contactId } = await addContact(ann, 'Ada Lovelace');
  await ann.run({ type: 'deal.record', contactId, amount: 100_00, currency: 'USD', note: 'first listing' });
  const dealId = ann.docs('deals')[0]!.id as string;
  await expect.poll(() => deal(bo, dealId)?.amount, { timeout: 15_000 }).toBe(100_00);
  await first.server.close();
  const back = () => rig.startServer(dataDir, first.port);
  return { ann, bo, dealId, back };
}

describe('deals merge field by field', () => {
  it('keeps both sides\' edits of different fields, and the later edit of a field both changed', async () => {
    const { ann, bo, dealId, back } = await twoOnTheRoad();
    await ann.run({ type: 'deal.edit', dealId, changes: { amount: 120_00, note: 'price corrected by ann' } });
    await bo.run({ type: 'deal.edit', dealId, changes: { currency: 'EUR', amount: 125_00 } });
    // Stamped by the command runner, field by field, with each device's clock.
    expect(Object.keys(deal(ann, dealId)!.stamps ?? {}).sort()).toEqual(['amount', 'note']);
    expect(Object.keys(deal(bo, dealId)!.stamps ?? {}).sort()).toEqual(['amount', 'currency']);

    await back();
    for (const d of [ann, bo]) await expect.poll(() => d.sync.status().state, { timeout: 20_000 }).toBe('upToDate');
    await expect.poll(() => content(deal(ann, dealId)), { timeout: 15_000 }).toBe(content(deal(bo, dealId)));
    // Bo edited the amount after Ann did: his stands; Ann's note and Bo's currency both stay.
    expect(deal(ann, dealId)).toMatchObject({ amount: 125_00, currency: 'EUR', note: 'price corrected by ann' });
  });

  it('lets a delete on one side beat an offline edit on the other, on every device', async () => {
    const { ann, bo, dealId, back } = await twoOnTheRoad();
    await ann.run({ type: 'deal.delete', dealId });
    await bo.run({ type: 'deal.edit', dealId, changes: { note: 'edited on the road' } });
    expect(deal(ann, dealId)).toBeUndefined();
    await back();
    for (const d of [ann, bo]) await expect.poll(() => deal(d, dealId), { timeout: 20_000 }).toBeUndefined();
    for (const d of [ann, bo]) await expect.poll(() => d.sync.status().state, { timeout: 20_000 }).toBe('upToDate');
    expect(ann.docs('deals')).toEqual([]);
    expect(bo.docs('deals')).toEqual([]);
  });
});
