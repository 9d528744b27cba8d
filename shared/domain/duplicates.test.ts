import { describe, expect, it } from 'vitest';
import type { ContactDoc } from '../schemas/contact.ts';
import { generateSphere } from '../sample-sphere.ts';
import { editDistance, findDuplicates } from './duplicates.ts';

const c = (id: string, name: string, extra: Partial<ContactDoc> = {}): ContactDoc => ({
  id, name, category: 'business', ring: 'know', emails: [], phones: [], tags: [], roles: [], createdAt: 0, updatedAt: 0, updatedBy: 'x', ...extra,
});
const pairs = (list: ContactDoc[]) => findDuplicates(list).map((p) => [p.a.id, p.b.id, p.reasons.join(', ')]);

describe('duplicate finder', () => {
  it('pairs a shared email (any case) and a shared phone in any format, strongest evidence first', () => {
    expect(pairs([
      c('1', 'Ann Lee', { emails: ['Ann@Lee.co'] }),
      c('2', 'A. Lee-Wong', { emails: ['ann@lee.co'] }),
      c('3', 'Bo Chen', { phones: ['+1 (555) 201-7788'] }),
      c('4', 'Bob', { phones: ['555.201.7788'] }),
      c('5', 'Cy Diaz', { phones: ['112'] }),
      c('6', 'Dee Diaz', { phones: ['112'] }),
    ])).toEqual([['1', '2', 'same email'], ['3', '4', 'same phone']]);
  });
  it('pairs the same name, a name a slip away and the same words in another order, not merely similar people', () => {
    expect(pairs([
      c('1', 'Yara Banerjee'), c('2', 'Yara  Banerjee'),
      c('3', 'John Smith'), c('4', 'Jon Smith'),
      c('5', 'Smith, Maria'), c('6', 'Maria Smith'),
      c('7', 'Ann Lee'), c('8', 'Ann Lim'),
    ])).toEqual([['1', '2', 'same name'], ['3', '4', 'similar name'], ['5', '6', 'similar name']]);
  });
  it('counts typing slips and gives up beyond the limit', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
  it('runs over 10,000 contacts (time logged, not asserted)', () => {
    const { contacts } = generateSphere({ seed: 3, contacts: 10_000 });
    const started = performance.now();
    const found = findDuplicates(contacts);
    console.log(`duplicate finder at 10,000 contacts: ${found.length} pairs in ${(performance.now() - started).toFixed(0)} ms`);
    expect(found.length).toBeGreaterThan(0);
  });
});
