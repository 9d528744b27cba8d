import { describe, expect, it } from 'vitest';
import { buildSphereModel, createModelBuilder, diffModels, MAX_NODE, MIN_NODE, type SphereDocs } from './sphere-model.ts';
import { generateSphere } from '../sample-sphere.ts';

const now = Date.UTC(2026, 0, 1);

describe('sphere graph model', () => {
  it('draws one node per contact and one edge per tie between drawn contacts', () => {
    const docs = generateSphere({ seed: 1, contacts: 200 });
    const model = buildSphereModel(docs, now);
    expect(model.nodes.size).toBe(200);
    expect(model.edges.size).toBe(docs.ties.length);
    const coi = docs.contacts.find((c) => c.roles.includes('centerOfInfluence'))!;
    expect(model.nodes.get(coi.id)!.data.mark).toBe('coi');
  });

  it('sizes nodes by trust score', () => {
    const model = buildSphereModel(generateSphere({ seed: 2, contacts: 300 }), now);
    const nodes = [...model.nodes.values()].sort((a, b) => a.data.score - b.data.score);
    for (const n of nodes) {
      expect(n.data.size).toBeGreaterThanOrEqual(MIN_NODE);
      expect(n.data.size).toBeLessThanOrEqual(MAX_NODE);
    }
    expect(nodes[nodes.length - 1]!.data.size).toBeGreaterThan(nodes[0]!.data.size);
  });

  it('derives each stage from deals and touches, follows the churn setting at once, and keeps a hand-set stage', () => {
    const DAY = 86_400_000;
    const base = { category: 'business' as const, ring: 'like' as const, emails: [], phones: [], tags: [], roles: [], createdAt: 1, updatedAt: 1, updatedBy: 't' };
    const docs: SphereDocs = {
      contacts: [{ ...base, id: 'quiet', name: 'Quiet' }, { ...base, id: 'byHand', name: 'By hand', stageByHand: 'lifetime' }],
      ties: [],
      touches: [{ id: 's', contactId: 'quiet', kind: 'stageChange', direction: 'outbound', at: now - DAY, fromRing: 'know', toRing: 'like', createdAt: 1, updatedBy: 't' }],
      deals: [
        { id: 'd1', contactId: 'quiet', amount: 100, currency: 'USD', at: now - 60 * DAY, createdAt: 1, updatedAt: 1, updatedBy: 't' },
        { id: 'd2', contactId: 'quiet', amount: 100, currency: 'USD', at: now - 50 * DAY, createdAt: 1, updatedAt: 1, updatedBy: 't' },
      ],
    };
    const builder = createModelBuilder();
    expect(builder.build(docs, now).nodes.get('quiet')!.data.stage).toBe('repeat');
    // A shorter churn window applies to the next build, not the next reload; the ring move is not activity.
    const strict = { repeatAt: 2, lifetimeAt: 5, churnAfterDays: 30 };
    const model = builder.build(docs, now, { lifeCycle: strict });
    expect(model.nodes.get('quiet')!.data.stage).toBe('churned');
    expect(model.nodes.get('byHand')!.data.stage).toBe('lifetime');
  });

  it('weighs a referral tie by the deals that name it', () => {
    const docs = generateSphere({ seed: 4, contacts: 200 });
    const referral = docs.ties.find((t) => t.kind === 'referral')!;
    const plain = buildSphereModel({ ...docs, deals: docs.deals.filter((d) => d.referralId !== referral.id) }, now).edges.get(referral.id)!.data.width;
    const weighed = buildSphereModel({ ...docs, deals: [...docs.deals, { id: 'big', contactId: referral.to, amount: 5_000_000, currency: 'USD', at: now, referralId: referral.id, createdAt: now, updatedAt: now, updatedBy: 't' }] }, now);
    expect(plain).toBe(1);
    expect(weighed.edges.get(referral.id)!.data.width).toBeGreaterThan(2);
  });

  it('diffs to exactly what changed', () => {
    const docs = generateSphere({ seed: 3, contacts: 120 });
    const before = buildSphereModel(docs, now);
    expect(diffModels(null, before).addNodes).toHaveLength(120);
    expect(diffModels(before, buildSphereModel(docs, now))).toEqual({ addNodes: [], updateNodes: [], moveNodes: [], removeNodes: [], addEdges: [], updateEdges: [], removeEdges: [] });

    const moved = docs.contacts[0]!;
    const changed = { ...docs, contacts: docs.contacts.slice(1).concat({ ...moved, ring: moved.ring === 'trust' ? 'know' : 'trust' }) };
    const diff = diffModels(before, buildSphereModel(changed, now));
    expect(diff.updateNodes.map((n) => n.data.id)).toContain(moved.id);
    expect(diff.addNodes).toEqual([]);
    expect(diff.removeNodes).toEqual([]);

    const removed = { ...docs, contacts: docs.contacts.slice(1) };
    const gone = diffModels(before, buildSphereModel(removed, now));
    expect(gone.removeNodes).toEqual([moved.id]);
    expect(gone.removeEdges.length).toBe(docs.ties.filter((t) => t.from === moved.id || t.to === moved.id).length);
  });
});

describe('incremental model builder', () => {
  const plain = (model: ReturnType<typeof buildSphereModel>) => ({
    nodes: [...model.nodes.values()].map((n) => [n.data, n.position]),
    edges: [...model.edges.values()].map((e) => e.data),
    sectors: model.layout.sectors,
    rings: model.layout.rings,
  });

  it('builds, after any sequence of edits, exactly what a build from scratch gives', () => {
    const sphere = generateSphere({ seed: 7, contacts: 150 });
    let docs: SphereDocs = { contacts: sphere.contacts, ties: sphere.ties, touches: sphere.touches, deals: sphere.deals };
    const builder = createModelBuilder();
    const random = mulberry(42);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    builder.build(docs, now);
    for (let step = 0; step < 300; step++) {
      const someone = pick(docs.contacts);
      const other = pick(docs.contacts);
      const edit = Math.floor(random() * 8);
      // Like RxDB: a changed document is a new object, every other document stays the very same object.
      if (edit === 0) docs = { ...docs, contacts: docs.contacts.map((c) => (c === someone ? { ...c, ring: pick(['trust', 'like', 'know', 'prospect'] as const) } : c)) };
      if (edit === 1) docs = { ...docs, touches: [...docs.touches, { id: `t${step}`, contactId: someone.id, kind: 'call', direction: 'outbound', at: now - step * 3_600_000, createdAt: now, updatedBy: 'me' }] };
      if (edit === 2 && docs.touches.length) docs = { ...docs, touches: docs.touches.filter((t) => t !== pick(docs.touches)) };
      if (edit === 3) docs = { ...docs, deals: [...docs.deals, { id: `d${step}`, contactId: someone.id, amount: 100, currency: 'EUR', at: now - 1000, createdAt: now, updatedAt: now, updatedBy: 'me' }] };
      if (edit === 4 && someone !== other) docs = { ...docs, ties: [...docs.ties, { id: `r${step}`, kind: 'referral', from: someone.id, to: other.id, at: now, createdAt: now, updatedAt: now, updatedBy: 'me' }] };
      if (edit === 5 && docs.ties.length) docs = { ...docs, ties: docs.ties.filter((t) => t !== pick(docs.ties)) };
      if (edit === 6 && docs.contacts.length > 20) docs = { ...docs, contacts: docs.contacts.filter((c) => c !== someone) };
      if (edit === 7) docs = { ...docs, contacts: [...docs.contacts, { ...someone, id: `n${step}`, name: `New ${step}` }] };
      expect(plain(builder.build(docs, now))).toEqual(plain(buildSphereModel(docs, now)));
    }
  });

  it('scores only the contact a logged touch belongs to', () => {
    const sphere = generateSphere({ seed: 8, contacts: 400 });
    const builder = createModelBuilder();
    builder.build(sphere, now);
    expect(builder.lastScored).toBe(400);
    const someone = sphere.contacts[17]!;
    builder.build({ ...sphere, touches: [...sphere.touches, { id: 'new', contactId: someone.id, kind: 'meeting', direction: 'inbound', at: now, createdAt: now, updatedBy: 'me' }] }, now + 5_000);
    expect(builder.lastScored).toBe(1);
    // Once the clock has moved on far enough, every score is brought up to date again.
    builder.build(sphere, now + 3_600_000);
    expect(builder.lastScored).toBe(400);
  });
});

/** A small seeded generator, so a failure replays exactly. */
function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
