import { describe, expect, it } from 'vitest';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { hiddenContacts, NO_FILTER } from './contact-filter.ts';

const prospect = () => 'prospect' as const;

const { contacts } = generateSphere({ seed: 9, contacts: 400 });

describe('contact filters', () => {
  it('hides nothing without filters', () => {
    expect(hiddenContacts(contacts, NO_FILTER, new Set(), prospect)).toBeNull();
  });
  it('combines groups with AND and values within a group with OR', () => {
    const hidden = hiddenContacts(contacts, { ...NO_FILTER, categories: ['family', 'friends'], rings: ['trust'] }, new Set(), prospect)!;
    const shown = contacts.filter((c) => !hidden.has(c.id));
    expect(shown.length).toBeGreaterThan(0);
    for (const c of shown) {
      expect(['family', 'friends']).toContain(c.category);
      expect(c.ring).toBe('trust');
    }
    expect(shown.length + hidden.size).toBe(contacts.length);
  });
  it('filters by role, tag and due-for-a-touch', () => {
    const coi = hiddenContacts(contacts, { ...NO_FILTER, roles: ['centerOfInfluence'] }, new Set(), prospect)!;
    for (const c of contacts) expect(coi.has(c.id)).toBe(!c.roles.includes('centerOfInfluence'));
    const due = new Set([contacts[0]!.id, contacts[5]!.id]);
    const onlyDue = hiddenContacts(contacts, { ...NO_FILTER, dueOnly: true }, due, prospect)!;
    expect(contacts.filter((c) => !onlyDue.has(c.id)).map((c) => c.id)).toEqual([contacts[0]!.id, contacts[5]!.id]);
    const golf = hiddenContacts(contacts, { ...NO_FILTER, tag: 'GOL' }, new Set(), prospect)!;
    for (const c of contacts) expect(golf.has(c.id)).toBe(!c.tags.includes('golf'));
  });
  it('filters by the stage the model derived, not by anything stored on the contact', () => {
    const firstTime = new Set([contacts[3]!.id]);
    const hidden = hiddenContacts(contacts, { ...NO_FILTER, stages: ['firstTime'] }, new Set(), (id) => (firstTime.has(id) ? 'firstTime' : 'prospect'))!;
    expect(contacts.filter((c) => !hidden.has(c.id)).map((c) => c.id)).toEqual([contacts[3]!.id]);
  });
});
