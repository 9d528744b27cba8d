import { describe, expect, it } from 'vitest';
import type { ContactDoc } from '../schemas/contact.ts';
import type { TieDoc } from '../schemas/tie.ts';
import { mergeContactFields, retargetTies } from './merge.ts';

const contact = (id: string, extra: Partial<ContactDoc>): ContactDoc => ({
  id, name: id, category: 'business', ring: 'know', emails: [], phones: [], tags: [], roles: [], createdAt: 100, updatedAt: 100, updatedBy: 'x', ...extra,
});
const tie = (id: string, kind: TieDoc['kind'], from: string, to: string): TieDoc => ({ id, kind, from, to, at: 1, createdAt: 1, updatedAt: 1, updatedBy: 'x' });

describe('merging duplicates', () => {
  it('keeps the survivor\'s fields, fills gaps from the duplicate, unites lists and keeps both notes', () => {
    const merged = mergeContactFields(
      contact('a', { name: 'Ann Lee', emails: ['ann@x.io'], tags: ['golf'], notes: 'met at expo', createdAt: 300 }),
      contact('b', { name: 'Ann L.', organisation: 'Lee & Co', emails: ['ann@x.io', 'ann@lee.co'], ring: 'trust', tags: ['vip'], notes: 'loves jazz', createdAt: 200 }),
      999,
      'me',
    );
    expect(merged).toMatchObject({ id: 'a', name: 'Ann Lee', organisation: 'Lee & Co', ring: 'trust', createdAt: 200, updatedAt: 999, updatedBy: 'me' });
    expect(merged.emails).toEqual(['ann@x.io', 'ann@lee.co']);
    expect(merged.tags).toEqual(['golf', 'vip']);
    expect(merged.notes).toBe('met at expo\n\nloves jazz');
  });

  it('re-points ties at the survivor, dropping self-ties and repeats', () => {
    const { keep, drop } = retargetTies(
      [tie('1', 'referral', 'b', 'c'), tie('2', 'referral', 'a', 'c'), tie('3', 'personal', 'a', 'b'), tie('4', 'influence', 'd', 'b'), tie('5', 'referral', 'x', 'y')],
      'a',
      'b',
    );
    expect(keep.map((t) => [t.id, t.from, t.to])).toEqual([['4', 'd', 'a']]);
    expect(drop.map((t) => t.id).sort()).toEqual(['1', '3']);
  });
});
