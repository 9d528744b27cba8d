import { describe, expect, it } from 'vitest';
import { getAjv } from 'rxdb/plugins/validate-ajv';
import { generateSphere } from './sample-sphere.ts';
import { COLLECTIONS } from './schemas/index.ts';
import { customerStage, stageFromHistory } from './domain/life-cycle.ts';

describe('sample sphere', () => {
  it('is the same for a seed and different for another', () => {
    expect(generateSphere({ seed: 1, contacts: 50 })).toEqual(generateSphere({ seed: 1, contacts: 50 }));
    expect(generateSphere({ seed: 2, contacts: 50 }).contacts.map((c) => c.name)).not.toEqual(generateSphere({ seed: 1, contacts: 50 }).contacts.map((c) => c.name));
  });

  it('produces documents that satisfy their schemas', () => {
    const sphere = generateSphere({ seed: 3, contacts: 500 });
    const ajv = getAjv();
    for (const [name, docs] of [['contacts', sphere.contacts], ['ties', sphere.ties], ['touches', sphere.touches], ['deals', sphere.deals]] as const) {
      const { primaryKey: _p, indexes: _i, version: _v, ...jsonSchema } = COLLECTIONS[name].schema as Record<string, unknown>;
      const validate = ajv.compile(jsonSchema);
      for (const doc of docs) {
        if (!validate(doc)) throw new Error(`${name} ${(doc as { id: string }).id}: ${ajv.errorsText(validate.errors)}`);
      }
    }
  });

  it('holds together: unique ids, every reference points at a contact, no one tied to themselves', () => {
    const { contacts, ties, touches, deals } = generateSphere({ seed: 4, contacts: 800 });
    const ids = new Set(contacts.map((c) => c.id));
    expect(ids.size).toBe(800);
    for (const list of [ties, touches, deals]) expect(new Set(list.map((d) => d.id)).size).toBe(list.length);
    for (const tie of ties) {
      expect(ids.has(tie.from) && ids.has(tie.to)).toBe(true);
      expect(tie.from).not.toBe(tie.to);
    }
    for (const doc of [...touches, ...deals]) expect(ids.has(doc.contactId)).toBe(true);
    const tieIds = new Set(ties.map((t) => t.id));
    for (const deal of deals) if (deal.referralId) expect(tieIds.has(deal.referralId)).toBe(true);
  });

  it('gives each contact the stage its deals and touches say', () => {
    const now = Date.UTC(2026, 0, 1);
    const { contacts, touches, deals } = generateSphere({ seed: 5, contacts: 600, now });
    for (const c of contacts) {
      const mine = deals.filter((d) => d.contactId === c.id);
      const lastDealAt = mine.length ? Math.max(...mine.map((d) => d.at)) : undefined;
      const ts = touches.filter((t) => t.contactId === c.id);
      const lastTouchAt = ts.length ? Math.max(...ts.map((t) => t.at)) : undefined;
      expect(customerStage(c, mine, ts, now)).toBe(stageFromHistory({ dealCount: mine.length, lastDealAt, lastTouchAt }, now));
    }
    const stages = new Set(contacts.map((c) => customerStage(c, deals.filter((d) => d.contactId === c.id), touches.filter((t) => t.contactId === c.id), now)));
    expect([...stages].sort()).toEqual(['churned', 'firstTime', 'lifetime', 'prospect', 'repeat']);
  });

  it('looks like a sphere: every category and ring, family smallest, a few centers of influence and partners', () => {
    const { contacts, ties } = generateSphere({ seed: 6, contacts: 2000 });
    const by = (key: 'category' | 'ring') => contacts.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c[key]]: (acc[c[key]] ?? 0) + 1 }), {});
    const categories = by('category');
    expect(Object.keys(categories).sort()).toEqual(['acquaintance', 'business', 'family', 'friends', 'servicers']);
    expect(Math.min(...Object.values(categories))).toBe(categories.family);
    expect(Object.keys(by('ring')).sort()).toEqual(['know', 'like', 'prospect', 'trust']);
    const coi = contacts.filter((c) => c.roles.includes('centerOfInfluence')).length;
    expect(coi).toBeGreaterThan(20);
    expect(coi).toBeLessThan(200);
    expect(contacts.some((c) => c.roles.includes('hostBeneficiary'))).toBe(true);
    expect(new Set(ties.map((t) => t.kind)).size).toBe(4);
    expect(ties.length).toBeGreaterThan(2000 * 1.3);
  });

  it('makes 10,000 contacts with 30,000 ties', () => {
    const sphere = generateSphere({ seed: 7, contacts: 10_000, ties: 30_000 });
    expect(sphere.contacts).toHaveLength(10_000);
    expect(sphere.ties.length).toBeGreaterThan(28_000);
  });
});
