// Process: test (any). The sphere replayed: rings, ties and customers on past dates, and where history is silent.
import { describe, expect, it } from 'vitest';
import { contact } from '../../test/support/contact-fixture.ts';
import type { TouchDoc } from '../schemas/index.ts';
import { buildTimeline } from './timeline.ts';

const move = (contactId: string, at: number, fromRing: TouchDoc['fromRing'], toRing: TouchDoc['toRing']): TouchDoc => ({ id: `m${at}${contactId}`, contactId, kind: 'stageChange', direction: 'outbound', at, fromRing, toRing, createdAt: at, updatedBy: 't' });

describe('timeline replay', () => {
  const docs = {
    contacts: [contact('a', { ring: 'trust', createdAt: 10 }), contact('b', { ring: 'like', createdAt: 50 })],
    touches: [move('a', 20, 'know', 'like'), move('a', 40, 'like', 'trust')],
    ties: [{ id: 't1', kind: 'referral' as const, from: 'a', to: 'b', at: 60, createdAt: 60, updatedAt: 60, updatedBy: 't' }],
    deals: [{ id: 'd1', contactId: 'b', amount: 5, currency: 'USD', at: 70, createdAt: 70, updatedAt: 70, updatedBy: 't' }],
  };
  const timeline = buildTimeline(docs, 100);

  it('puts each contact in the ring the recorded moves say, and leaves out people not yet added', () => {
    expect(timeline.at(15).contacts).toEqual([{ id: 'a', ring: 'know', ringKnown: true, customer: false }]);
    expect(timeline.at(30).contacts[0]!.ring).toBe('like');
    expect(timeline.at(45).contacts[0]!.ring).toBe('trust');
  });

  it('adds ties and customers when they happened', () => {
    expect(timeline.at(55).ties).toEqual([]);
    expect(timeline.at(65).ties).toEqual(['t1']);
    expect(timeline.at(65).contacts.find((c) => c.id === 'b')!.customer).toBe(false);
    expect(timeline.at(75).contacts.find((c) => c.id === 'b')!.customer).toBe(true);
  });

  it('knows when history starts and what moments to play', () => {
    expect(timeline.start).toBe(10);
    expect(timeline.moments).toEqual([10, 20, 40, 50, 60, 70]);
  });

  it('says a ring is unknown where the record of moves is broken, instead of guessing', () => {
    // Today "c" is in Trust, but the only recorded move went know → like: a move to Trust was never recorded
    // (data from before moves were kept). After that recorded move, the ring is unknown; nothing is invented.
    const broken = buildTimeline({ contacts: [contact('c', { ring: 'trust', createdAt: 0 })], touches: [move('c', 30, 'know', 'like')], ties: [], deals: [] }, 100);
    expect(broken.at(50).contacts[0]).toMatchObject({ ringKnown: false });
    expect(broken.at(20).contacts[0]).toMatchObject({ ring: 'know', ringKnown: false });
  });
});
