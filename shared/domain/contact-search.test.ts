import { describe, expect, it } from 'vitest';
import type { ContactDoc } from '../schemas/contact.ts';
import { searchContacts } from './contact-search.ts';

const c = (id: string, name: string, extra: Partial<ContactDoc> = {}): ContactDoc => ({
  id, name, category: 'business', ring: 'know', emails: [], phones: [], tags: [], roles: [], createdAt: 0, updatedAt: 0, updatedBy: 'x', ...extra,
});
const people = [
  c('1', 'John Smith', { organisation: 'Harbor Realty', emails: ['john@harbor.example'] }),
  c('2', 'Joanna Smithers', { tags: ['golf'] }),
  c('3', 'Zoë Müller', { organisation: 'Cedar Legal' }),
  c('4', 'Bob Johnson'),
];

describe('contact search', () => {
  it('ranks a name that starts with the query first', () => {
    expect(searchContacts(people, 'jo').map((h) => h.contact.id)).toEqual(['2', '1', '4']);
  });
  it('finds by organisation, email and tag, ignoring accents and case', () => {
    expect(searchContacts(people, 'harbor')[0]?.contact.id).toBe('1');
    expect(searchContacts(people, 'GOLF')[0]).toMatchObject({ field: 'tag' });
    expect(searchContacts(people, 'zoe muller')[0]?.contact.id).toBe('3');
  });
  it('forgives a typo by letters in order, and finds nothing for nonsense', () => {
    expect(searchContacts(people, 'jhn smth')[0]?.contact.id).toBe('1');
    expect(searchContacts(people, 'qqq')).toEqual([]);
    expect(searchContacts(people, '   ')).toEqual([]);
  });
});
