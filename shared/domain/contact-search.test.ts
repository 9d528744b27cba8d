import { describe, expect, it } from 'vitest';
import type { ContactDoc } from '../schemas/contact.ts';
import { generateSphere } from '../sample-sphere.ts';
import { ContactIndex, searchContacts } from './contact-search.ts';

const c = (id: string, name: string, extra: Partial<ContactDoc> = {}): ContactDoc => ({
  id, name, category: 'business', ring: 'know', emails: [], phones: [], tags: [], roles: [], createdAt: 0, updatedAt: 0, updatedBy: 'x', ...extra,
});
const people = [
  c('1', 'John Smith', { organisation: 'Harbor Realty', emails: ['john@harbor.example'], title: 'Loan Officer' }),
  c('2', 'Joanna Smithers', { tags: ['golf'], phones: ['+1 (555) 201-7788'] }),
  c('3', 'Zoë Müller', { organisation: 'Cedar Legal', notes: 'Loves sailing; daughter starts college in the fall.' }),
  c('4', 'Bob Johnson'),
];
const ids = (hits: { contact: ContactDoc }[]) => hits.map((h) => h.contact.id);

describe('contact search', () => {
  it('finds by the start of a name, the people whose names start with it first', () => {
    const found = ids(searchContacts(people, 'jo'));
    expect(found.sort()).toEqual(['1', '2', '4']);
    expect(ids(searchContacts(people, 'smith'))).toEqual(['1', '2']);
  });
  it('finds by organisation, job title, phone digits in any grouping, email, tag and notes, ignoring accents and case', () => {
    expect(searchContacts(people, 'harbor')[0]).toMatchObject({ contact: { id: '1' }, field: 'organisation' });
    expect(searchContacts(people, 'loan officer')[0]).toMatchObject({ contact: { id: '1' }, field: 'title' });
    expect(searchContacts(people, '555 201')[0]).toMatchObject({ contact: { id: '2' }, field: 'phone' });
    expect(searchContacts(people, '201-7788')[0]).toMatchObject({ contact: { id: '2' }, field: 'phone' });
    expect(searchContacts(people, 'GOLF')[0]).toMatchObject({ contact: { id: '2' }, field: 'tag' });
    expect(searchContacts(people, 'sailing')[0]).toMatchObject({ contact: { id: '3' }, field: 'notes' });
    expect(ids(searchContacts(people, 'zoe muller'))).toEqual(['3']);
  });
  it('forgives a typo, needs every word typed, and finds nothing for nonsense', () => {
    expect(ids(searchContacts(people, 'johm smoth'))[0]).toBe('1');
    expect(ids(searchContacts(people, 'muler'))).toEqual(['3']);
    expect(ids(searchContacts(people, 'john harbor'))).toEqual(['1']);
    expect(searchContacts(people, 'qqqq')).toEqual([]);
    expect(searchContacts(people, '   ')).toEqual([]);
  });
  it('lists what matches as typed before what only a forgiven typo reaches', () => {
    const list = [c('b', 'Aisha Becker'), c('k1', 'Ann Lee', { title: 'Broker' }), c('k2', 'Bo Chen', { title: 'Broker' }), c('k3', 'Cy Park', { title: 'Broker' })];
    expect(ids(searchContacts(list, 'broker'))).toEqual(['k1', 'k2', 'k3']);
    expect(ids(searchContacts(list, 'bekcer smith'))).toEqual([]);
    expect(ids(searchContacts([...list, c('m', 'Mara Becket', { title: 'Agent' })], 'becker'))).toEqual(['b', 'm']);
  });
  it('says how many matched beyond the ones shown', () => {
    const many = Array.from({ length: 30 }, (_, i) => c(`m${i}`, `Maya ${i}`));
    const result = new ContactIndex(many).search('maya', 8);
    expect(result.hits).toHaveLength(8);
    expect(result.total).toBe(30);
  });
  it('follows edits: a renamed contact is found by the new name only, a removed one not at all', () => {
    const index = new ContactIndex(people);
    index.update([{ ...people[0]!, name: 'Jonathan Smythe', updatedAt: 5 }, ...people.slice(1, 3)]);
    expect(ids(index.search('smythe').hits)).toEqual(['1']);
    expect(ids(index.search('bob').hits)).toEqual([]);
    expect(ids(index.search('john smith').hits)).toEqual([]);
    expect(index.size).toBe(3);
  });
  it('builds and answers at 10,000 contacts (times logged, not asserted)', () => {
    const { contacts } = generateSphere({ seed: 7, contacts: 10_000 });
    const started = performance.now();
    const index = new ContactIndex(contacts);
    const built = performance.now() - started;
    const queries = ['maya', 'harbor realty', 'jana kowalsk', '555 3', 'golf', 'brennan', 'lopez'];
    const t0 = performance.now();
    for (const q of queries) expect(index.search(q).total).toBeGreaterThan(0);
    const perQuery = (performance.now() - t0) / queries.length;
    const edit = performance.now();
    index.update(contacts.map((x, i) => (i === 17 ? { ...x, name: 'Renamed Person', updatedAt: x.updatedAt + 1 } : x)));
    const updated = performance.now() - edit;
    console.log(`contact search at 10,000 contacts: index built in ${built.toFixed(0)} ms, ${perQuery.toFixed(1)} ms a query, one edit re-indexed in ${updated.toFixed(1)} ms`);
    expect(ids(index.search('renamed person').hits)).toEqual([contacts[17]!.id]);
  });
});
