// Process: renderer. The central gesture: move a contact to another ring (or sector), recorded as a stage-change touch.
import type { Category, Ring } from '../../shared/domain/sphere.ts';
import { RING_LABELS, CATEGORY_LABELS } from '../../shared/domain/sphere.ts';
import type { SphereDatabase, TouchDoc } from '../../shared/schemas/index.ts';
import type { LifeCycleSettings } from '../../shared/domain/life-cycle.ts';
import type { Reversible } from './history.ts';

export type MoveTarget = { ring?: Ring; category?: Category };

export type EditContext = { db: SphereDatabase; actor: string; now?: () => number; newId?: () => string; lifeCycle?: LifeCycleSettings };

const clock = (ctx: EditContext) => (ctx.now ?? Date.now)();
const makeId = (ctx: EditContext) => (ctx.newId ?? (() => crypto.randomUUID()))();

/**
 * Returns null when nothing would change (dropped back where it was), so the
 * caller can say so instead of recording an empty step.
 */
export async function moveContact(ctx: EditContext, contactId: string, target: MoveTarget): Promise<Reversible | null> {
  const doc = await ctx.db.contacts.findOne(contactId).exec();
  if (!doc) throw new Error('That contact no longer exists.');
  const before = { ring: doc.ring, category: doc.category };
  const after = { ring: target.ring ?? before.ring, category: target.category ?? before.category };
  if (after.ring === before.ring && after.category === before.category) return null;

  const apply = async (to: typeof after, from: typeof before, touchId: string | null) => {
    const current = await ctx.db.contacts.findOne(contactId).exec();
    if (!current) throw new Error('That contact no longer exists.');
    const at = clock(ctx);
    const move = current.incrementalPatch({ ring: to.ring, category: to.category, updatedAt: at, updatedBy: ctx.actor });
    if (!touchId || to.ring === from.ring) return void (await move);
    const touch: TouchDoc = { id: touchId, contactId, kind: 'stageChange', direction: 'outbound', at, fromRing: from.ring, toRing: to.ring, createdAt: at, updatedBy: ctx.actor };
    // Sent together with the move rather than after it: the move's own redraw would otherwise hold it back.
    const [moved, recorded] = await Promise.allSettled([move, ctx.db.touches.insert(touch)]);
    if (moved.status === 'rejected') {
      // No record of a move that did not happen.
      if (recorded.status === 'fulfilled') await recorded.value.remove();
      throw moved.reason;
    }
    if (recorded.status === 'rejected') {
      // Nor a move without its record: put the contact back where it was.
      const latest = await ctx.db.contacts.findOne(contactId).exec();
      await latest?.incrementalPatch({ ring: from.ring, category: from.category, updatedAt: current.updatedAt, updatedBy: current.updatedBy });
      throw recorded.reason;
    }
  };

  let touchId = makeId(ctx);
  await apply(after, before, touchId);
  const label = after.ring !== before.ring
    ? `move ${doc.name} to ${RING_LABELS[after.ring]}`
    : `move ${doc.name} to ${CATEGORY_LABELS[after.category]}`;
  return {
    label,
    async undo() {
      await apply(before, after, null);
      // The stage-change touch described a move that no longer happened.
      await ctx.db.touches.findOne(touchId).exec().then((t) => t?.remove());
    },
    async redo() {
      touchId = makeId(ctx);
      await apply(after, before, touchId);
    },
  };
}
