// Process: renderer. Everyday relationship work: log a touch, record a referral and its reward, record a deal.
// Touches and deals are append-only: undo tombstones the new document, it never edits an old one.
import type { TouchKind } from '../../shared/domain/sphere.ts';
import { DEFAULT_LIFE_CYCLE, stageFromHistory, type LifeCycleSettings } from '../../shared/domain/life-cycle.ts';
import type { DealDoc, TieDoc, TouchDoc } from '../../shared/schemas/index.ts';
import type { Reversible } from './history.ts';
import type { EditContext } from './move-contact.ts';

const clock = (ctx: EditContext) => (ctx.now ?? Date.now)();
const makeId = (ctx: EditContext) => (ctx.newId ?? (() => crypto.randomUUID()))();

type Collection = 'touches' | 'deals' | 'ties';

/** Insert one new document; undo removes it, redo puts the same document back. */
async function insertReversibly<T extends { id: string }>(ctx: EditContext, collection: Collection, doc: T, label: string): Promise<Reversible> {
  const target = ctx.db[collection] as unknown as { insert(d: T): Promise<unknown>; findOne(id: string): { exec(): Promise<{ remove(): Promise<unknown> } | null> } };
  await target.insert(doc);
  return {
    label,
    undo: async () => {
      await target.findOne(doc.id).exec().then((d) => d?.remove());
    },
    redo: async () => {
      await target.insert(doc);
    },
  };
}

export async function logTouch(
  ctx: EditContext,
  input: { contactId: string; kind: Exclude<TouchKind, 'stageChange'>; direction: 'inbound' | 'outbound'; at?: number; note?: string },
): Promise<Reversible> {
  const contact = await ctx.db.contacts.findOne(input.contactId).exec();
  if (!contact) throw new Error('That contact no longer exists.');
  const now = clock(ctx);
  const touch: TouchDoc = { id: makeId(ctx), contactId: input.contactId, kind: input.kind, direction: input.direction, at: input.at ?? now, createdAt: now, updatedBy: ctx.actor };
  if (input.note?.trim()) touch.note = input.note.trim();
  return insertReversibly(ctx, 'touches', touch, `log ${input.kind} with ${contact.name}`);
}

export async function recordReferral(ctx: EditContext, input: { from: string; to: string; at?: number; note?: string }): Promise<{ tie: TieDoc; step: Reversible }> {
  if (input.from === input.to) throw new Error('Someone cannot refer themselves.');
  const [referrer, referred] = await Promise.all([ctx.db.contacts.findOne(input.from).exec(), ctx.db.contacts.findOne(input.to).exec()]);
  if (!referrer || !referred) throw new Error('Both people must be in your sphere.');
  const now = clock(ctx);
  const tie: TieDoc = { id: makeId(ctx), kind: 'referral', from: input.from, to: input.to, at: input.at ?? now, createdAt: now, updatedAt: now, updatedBy: ctx.actor };
  if (input.note?.trim()) tie.note = input.note.trim();
  return { tie, step: await insertReversibly(ctx, 'ties', tie, `${referrer.name} referred ${referred.name}`) };
}

/** Thanking the referrer is part of the referral's story, so it is written on the referral tie itself. */
export async function rewardReferral(ctx: EditContext, tieId: string, reward: string, at?: number): Promise<Reversible> {
  const tie = await ctx.db.ties.findOne(tieId).exec();
  if (!tie || tie.kind !== 'referral') throw new Error('That referral no longer exists.');
  const text = reward.trim();
  if (!text) throw new Error('Say how you thanked them (a card, a gift, dinner…).');
  const before = { rewardedAt: tie.rewardedAt, reward: tie.reward };
  const apply = async (values: { rewardedAt?: number; reward?: string }) => {
    const current = await ctx.db.ties.findOne(tieId).exec();
    if (!current) throw new Error('That referral no longer exists.');
    await current.incrementalModify((doc) => {
      const next = { ...doc, updatedAt: clock(ctx), updatedBy: ctx.actor };
      if (values.rewardedAt === undefined) delete next.rewardedAt;
      else next.rewardedAt = values.rewardedAt;
      if (values.reward === undefined) delete next.reward;
      else next.reward = values.reward;
      return next;
    });
  };
  const after = { rewardedAt: at ?? clock(ctx), reward: text };
  await apply(after);
  return { label: 'record thanks for a referral', undo: () => apply(before), redo: () => apply(after) };
}

export async function recordDeal(
  ctx: EditContext,
  input: { contactId: string; amount: number; currency: string; at?: number; referralId?: string; note?: string },
): Promise<Reversible> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw new Error('A deal amount is a positive number.');
  if (!/^[A-Z]{3}$/.test(input.currency)) throw new Error('A currency is a three-letter code such as USD.');
  const contact = await ctx.db.contacts.findOne(input.contactId).exec();
  if (!contact) throw new Error('That contact no longer exists.');
  const now = clock(ctx);
  const deal: DealDoc = { id: makeId(ctx), contactId: input.contactId, amount: input.amount, currency: input.currency, at: input.at ?? now, createdAt: now, updatedBy: ctx.actor };
  if (input.referralId) deal.referralId = input.referralId;
  if (input.note?.trim()) deal.note = input.note.trim();
  const stageBefore = contact.stage;
  const inserted = await insertReversibly(ctx, 'deals', deal, `record a deal with ${contact.name}`);
  await refreshStage(ctx, input.contactId);
  return {
    label: inserted.label,
    async undo() {
      await inserted.undo();
      await ctx.db.contacts.findOne(input.contactId).exec().then((c) => c?.incrementalPatch({ stage: stageBefore }));
    },
    async redo() {
      await inserted.redo();
      await refreshStage(ctx, input.contactId);
    },
  };
}

/** The customer stage follows the deals, unless someone set it by hand. */
export async function refreshStage(ctx: EditContext, contactId: string, settings: LifeCycleSettings = ctx.lifeCycle ?? DEFAULT_LIFE_CYCLE): Promise<void> {
  const contact = await ctx.db.contacts.findOne(contactId).exec();
  if (!contact || contact.stageByHand) return;
  const deals = await ctx.db.deals.find({ selector: { contactId }, sort: [{ at: 'desc' }] }).exec();
  const lastTouch = await ctx.db.touches.findOne({ selector: { contactId }, sort: [{ at: 'desc' }] }).exec();
  const stage = stageFromHistory({ dealCount: deals.length, lastDealAt: deals[0]?.at, lastTouchAt: lastTouch?.at }, clock(ctx), settings);
  if (stage !== contact.stage) await contact.incrementalPatch({ stage, updatedAt: clock(ctx), updatedBy: ctx.actor });
}

/** Influence (a center of influence → someone they sway) and partnership (a host-beneficiary partner → a shared customer). */
export async function linkContacts(ctx: EditContext, kind: 'influence' | 'partner' | 'personal', from: string, to: string): Promise<Reversible> {
  if (from === to) throw new Error('Choose someone else to link.');
  const existing = await ctx.db.ties.findOne({ selector: { kind, from, to } }).exec();
  if (existing) throw new Error('They are already linked that way.');
  const [a, b] = await Promise.all([ctx.db.contacts.findOne(from).exec(), ctx.db.contacts.findOne(to).exec()]);
  if (!a || !b) throw new Error('Both people must be in your sphere.');
  const now = clock(ctx);
  const tie: TieDoc = { id: makeId(ctx), kind, from, to, at: now, createdAt: now, updatedAt: now, updatedBy: ctx.actor };
  const verb = kind === 'influence' ? 'influences' : kind === 'partner' ? 'shares a customer:' : 'knows';
  return insertReversibly(ctx, 'ties', tie, `${a.name} ${verb} ${b.name}`);
}
