import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeDocs, type MergeableDoc } from './field-merge.ts';
import { stampChangedFields } from './field-stamps.ts';
import { ClockDriftError, formatStamp, HybridClock, MAX_DRIFT_MS, parseStamp, receive } from './hlc.ts';

const doc = (fields: Record<string, unknown>, stamps: Record<string, string> = {}, deleted = false): MergeableDoc => ({ id: 'a', ...fields, stamps, _deleted: deleted });

describe('field-level three-way merge', () => {
  const base = doc({ name: 'Ann', ring: 'know', notes: 'x' });

  it('takes a change made on one side only, from either side', () => {
    const mine = doc({ name: 'Ann Lee', ring: 'know', notes: 'x' }, { name: 's2' });
    const theirs = doc({ name: 'Ann', ring: 'trust', notes: 'x' }, { ring: 's1' });
    expect(mergeDocs(base, mine, theirs)).toMatchObject({ name: 'Ann Lee', ring: 'trust', notes: 'x', stamps: { name: 's2', ring: 's1' } });
  });

  it('gives a field changed on both sides to the later stamp, whichever side it is on', () => {
    const early = doc({ name: 'Ann', ring: 'like', notes: 'x' }, { ring: formatStamp({ wall: 1000, counter: 0 }, 'device-b') });
    const late = doc({ name: 'Ann', ring: 'trust', notes: 'x' }, { ring: formatStamp({ wall: 1000, counter: 1 }, 'device-a') });
    expect(mergeDocs(base, early, late).ring).toBe('trust');
    expect(mergeDocs(base, late, early).ring).toBe('trust');
  });

  it('gives a field put back to its base value by a later edit to that edit, not to an earlier one elsewhere', () => {
    // Ann changed the notes and then put them back (stamp s3); Bo changed them in between (s2). Ann's edit is the
    // latest, so it stands, though its value is the base's.
    const base = doc({ name: 'Ann', notes: 'x' }, { notes: 's1' });
    const putBack = doc({ name: 'Ann', notes: 'x' }, { notes: 's3' });
    const between = doc({ name: 'Ann', notes: 'z' }, { notes: 's2' });
    expect(mergeDocs(base, putBack, between)).toMatchObject({ notes: 'x', stamps: { notes: 's3' } });
    expect(mergeDocs(base, between, putBack)).toMatchObject({ notes: 'x', stamps: { notes: 's3' } });
  });
  it('keeps the stamp of a field cleared on one side when neither side has the field any more', () => {
    // Ann cleared the notes (stamp s3) of a contact whose notes both sides now lack; the stamp must survive the
    // merge, or a teammate's earlier edit of the notes (s2) would later win against the clear.
    const base = doc({ name: 'Ann' });
    const cleared = doc({ name: 'Ann' }, { notes: 's3' });
    const other = doc({ name: 'Ann', organisation: 'x' }, { organisation: 's1' });
    const merged = mergeDocs(base, cleared, other);
    expect(merged.stamps).toEqual({ notes: 's3', organisation: 's1' });
    expect(mergeDocs(base, { ...doc({ name: 'Ann', notes: 'y' }, { notes: 's2' }) }, merged)).not.toHaveProperty('notes');
  });
  it('lets a delete on either side beat an edit on the other', () => {
    const edited = doc({ name: 'Ann Lee', ring: 'know', notes: 'x' }, { name: 's9' });
    const deleted = doc({ name: 'Ann', ring: 'know', notes: 'x' }, {}, true);
    expect(mergeDocs(base, edited, deleted)._deleted).toBe(true);
    expect(mergeDocs(base, deleted, edited)._deleted).toBe(true);
  });

  it('removes a field one side cleared and the other left alone', () => {
    const cleared = doc({ name: 'Ann', ring: 'know' }, { notes: 's3' });
    expect(mergeDocs(base, cleared, base)).not.toHaveProperty('notes');
    expect(mergeDocs(base, base, cleared)).not.toHaveProperty('notes');
  });

  it('decides the same on every device: the merge does not depend on which side is which', () => {
    const value = fc.constantFrom('a', 'b', 'c', undefined);
    const stamp = fc.constantFrom('', 's1', 's2', 's3');
    const side = fc.record({ f: value, g: value, sf: stamp, sg: stamp, deleted: fc.boolean() }).map(({ f, g, sf, sg, deleted }) => {
      const d: MergeableDoc = { id: 'a', _deleted: deleted, stamps: {} };
      if (f !== undefined) d.f = f;
      if (g !== undefined) d.g = g;
      if (sf) d.stamps!.f = sf;
      if (sg) d.stamps!.g = sg;
      return d;
    });
    fc.assert(fc.property(side, side, side, (b, x, y) => {
      const one = mergeDocs({ ...b, _deleted: false }, x, y);
      const other = mergeDocs({ ...b, _deleted: false }, y, x);
      if (x._deleted || y._deleted) return one._deleted && other._deleted;
      expect(one).toEqual(other);
      return true;
    }), { numRuns: 2000 });
  });
});

describe('deals, edited in place since deals schema v1', () => {
  const recorded = { id: 'd1', contactId: 'c1', amount: 100, currency: 'USD', at: 1, createdAt: 1, updatedAt: 1, updatedBy: 'ann' };

  it('are stamped field by field when edited, and merge three ways like contacts', () => {
    const ann = stampChangedFields('deals', recorded, { ...recorded, amount: 120, note: 'corrected', updatedAt: 2 }, () => 's2');
    const bo = stampChangedFields('deals', recorded, { ...recorded, amount: 125, currency: 'EUR', updatedAt: 3 }, () => 's3');
    expect(ann.stamps).toEqual({ amount: 's2', note: 's2' });
    expect(bo.stamps).toEqual({ amount: 's3', currency: 's3' });
    const live = (fields: Record<string, unknown>): MergeableDoc => ({ ...fields, _deleted: false });
    const merged = mergeDocs(live(recorded), live(ann), live(bo));
    expect(merged).toMatchObject({ amount: 125, currency: 'EUR', note: 'corrected', stamps: { amount: 's3', currency: 's3', note: 's2' } });
    expect(mergeDocs(live(recorded), live(bo), live(ann))).toEqual(merged);
  });

  it('lose an edit to a delete made elsewhere, whichever side it is on', () => {
    const edited: MergeableDoc = { ...stampChangedFields('deals', recorded, { ...recorded, note: 'edited' }, () => 's2'), _deleted: false };
    const deleted: MergeableDoc = { ...recorded, _deleted: true };
    const base: MergeableDoc = { ...recorded, _deleted: false };
    expect(mergeDocs(base, edited, deleted)._deleted).toBe(true);
    expect(mergeDocs(base, deleted, edited)._deleted).toBe(true);
  });
});

describe('hybrid logical clock', () => {
  it('hands out increasing stamps even when the wall clock steps back', () => {
    let now = 5_000;
    const clock = new HybridClock('device-a', () => now);
    const first = clock.stamp();
    now = 4_000;
    const second = clock.stamp();
    expect(second > first).toBe(true);
    expect(parseStamp(second)).toEqual({ wall: 5_000, counter: 1 });
  });

  it('moves past a later stamp it hears of, so its next edit is later still', () => {
    const clock = new HybridClock('device-a', () => 1_000);
    const remote = formatStamp({ wall: 60_000, counter: 3 }, 'device-b');
    clock.observe(remote);
    expect(clock.stamp() > remote).toBe(true);
  });

  it('refuses to follow a clock further ahead than the allowed drift, with a clear message', () => {
    const remote = formatStamp({ wall: 1_000 + MAX_DRIFT_MS + 24 * 3600_000, counter: 0 }, 'device-b');
    expect(() => receive({ wall: 1_000, counter: 0 }, remote, 1_000)).toThrow(ClockDriftError);
    expect(() => receive({ wall: 1_000, counter: 0 }, remote, 1_000)).toThrow(/clock is wrong/);
  });
});
