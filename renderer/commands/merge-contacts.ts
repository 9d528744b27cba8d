// Process: renderer. Merging two records of one person: the survivor takes the fields, touches, deals and ties.
import { mergeContactFields, retargetTies } from '../../shared/domain/merge.ts';
import type { ContactDoc, DealDoc, TieDoc, TouchDoc } from '../../shared/schemas/index.ts';
import type { Reversible } from './history.ts';
import type { EditContext } from './move-contact.ts';

/**
 * RxDB has no transaction across collections, so the steps are ordered so that
 * stopping anywhere loses nothing: history is copied to the survivor first,
 * the duplicate's originals go last. Touches and deals are append-only, so
 * moving one means a new document that supersedes the old.
 */
export async function mergeContacts(ctx: EditContext, survivorId: string, duplicateId: string): Promise<Reversible> {
  if (survivorId === duplicateId) throw new Error('Choose two different contacts to merge.');
  const [survivorDoc, duplicateDoc] = await Promise.all([ctx.db.contacts.findOne(survivorId).exec(), ctx.db.contacts.findOne(duplicateId).exec()]);
  if (!survivorDoc || !duplicateDoc) throw new Error('Both contacts must still exist.');
  const survivor = survivorDoc.toJSON() as ContactDoc;
  const duplicate = duplicateDoc.toJSON() as ContactDoc;
  const now = (ctx.now ?? Date.now)();
  const newId = ctx.newId ?? (() => crypto.randomUUID());

  const touches = (await ctx.db.touches.find({ selector: { contactId: duplicateId } }).exec()).map((d) => d.toJSON() as TouchDoc);
  const deals = (await ctx.db.deals.find({ selector: { contactId: duplicateId } }).exec()).map((d) => d.toJSON() as DealDoc);
  const ties = (await ctx.db.ties.find({ selector: { $or: [{ from: { $in: [survivorId, duplicateId] } }, { to: { $in: [survivorId, duplicateId] } }] } }).exec()).map((d) => d.toJSON() as TieDoc);
  const { keep, drop } = retargetTies(ties, survivorId, duplicateId);

  const movedTouches: TouchDoc[] = touches.map((t) => ({ ...t, id: newId(), contactId: survivorId, supersedes: t.id, createdAt: now, updatedBy: ctx.actor }));
  const movedDeals: DealDoc[] = deals.map((d) => ({ ...d, id: newId(), contactId: survivorId, supersedes: d.id, createdAt: now, updatedBy: ctx.actor }));
  const merged = mergeContactFields(survivor, duplicate, now, ctx.actor);
  const retargeted = keep.map((t) => ({ ...t, updatedAt: now, updatedBy: ctx.actor }));

  const apply = async () => {
    if (movedTouches.length) await ctx.db.touches.bulkUpsert(movedTouches);
    if (movedDeals.length) await ctx.db.deals.bulkUpsert(movedDeals);
    if (retargeted.length) await ctx.db.ties.bulkUpsert(retargeted);
    await ctx.db.contacts.upsert(merged);
    if (drop.length) await ctx.db.ties.bulkRemove(drop.map((t) => t.id));
    if (touches.length) await ctx.db.touches.bulkRemove(touches.map((t) => t.id));
    if (deals.length) await ctx.db.deals.bulkRemove(deals.map((d) => d.id));
    await ctx.db.contacts.findOne(duplicateId).exec().then((d) => d?.remove());
  };
  await apply();
  return {
    label: `merge ${duplicate.name} into ${survivor.name}`,
    async undo() {
      await ctx.db.contacts.upsert(duplicate);
      if (touches.length) await ctx.db.touches.bulkUpsert(touches);
      if (deals.length) await ctx.db.deals.bulkUpsert(deals);
      await ctx.db.ties.bulkUpsert(ties);
      await ctx.db.contacts.upsert(survivor);
      if (movedTouches.length) await ctx.db.touches.bulkRemove(movedTouches.map((t) => t.id));
      if (movedDeals.length) await ctx.db.deals.bulkRemove(movedDeals.map((d) => d.id));
    },
    redo: apply,
  };
}
