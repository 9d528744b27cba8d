// Process: test (Node). Which collections a server can serve, and that Sphere's keep their rules by default.
import { describe, expect, it } from 'vitest';
import { servedCollections, SPHERE_COLLECTIONS } from '../../server/served-collections.ts';
import { documentProblem, ruleProblem } from '../../server/validation.ts';
import { contact, touch } from './support.ts';

describe('served collections', () => {
  it('refuses at start a collection keyed by several fields, which the docs table cannot key', () => {
    const schema = {
      version: 0,
      primaryKey: { key: 'id', fields: ['team', 'name'], separator: '|' },
      type: 'object',
      properties: { id: { type: 'string', maxLength: 100 }, team: { type: 'string' }, name: { type: 'string' } },
    };
    expect(() => servedCollections({ pairs: { schema } })).toThrow(/pairs: the team server serves only collections whose primaryKey is one field/);
  });

  it('keeps Sphere\'s rules on its own collections by default', () => {
    const served = servedCollections(SPHERE_COLLECTIONS);
    expect([...served.keys()]).toEqual(['contacts', 'ties', 'touches', 'deals']);
    expect(documentProblem(served.get('contacts')!, contact('c1', { private: true }))).toMatch(/private contact stays on its device/);
    expect(documentProblem(served.get('contacts')!, contact('c1', { shoeSize: 44 }))).toMatch(/must NOT have additional properties: shoeSize/);
    expect(documentProblem(served.get('touches')!, { ...touch('t1'), id: undefined })).toBe('id must be a string of 1 to 64 characters');
    expect(ruleProblem(served.get('touches')!, touch('t1'), touch('t1', { kind: 'meeting' }), false)).toMatch(/touches are append-only/);
    expect(ruleProblem(served.get('contacts')!, contact('c1'), contact('c1', { ring: 'like' }), false)).toBeUndefined();
    // Deals are edited in place since deals v1, and merged field by field like contacts.
    const deal = { id: 'd1', contactId: 'c1', amount: 100, currency: 'USD', at: 1, createdAt: 1, updatedAt: 1, updatedBy: 'device-a', _deleted: false };
    expect(ruleProblem(served.get('deals')!, deal, { ...deal, amount: 200 }, false)).toBeUndefined();
  });
});
