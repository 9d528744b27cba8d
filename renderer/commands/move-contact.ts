// Process: renderer. The central gesture: move a contact to another ring (or sector). The host stores the move
// and its stage-change touch together, in one transaction.
import type { Category, Ring } from '../../shared/domain/sphere.ts';
import type { Reversible } from './history.ts';
import { hostStep, type EditContext } from './host-step.ts';

export type MoveTarget = { ring?: Ring; category?: Category };
export type { EditContext };

/** Returns null when nothing would change (dropped back where it was), so the caller can say so. */
export function moveContact(ctx: EditContext, contactId: string, target: MoveTarget): Promise<Reversible | null> {
  return hostStep(ctx, { type: 'contact.move', contactId, ...target });
}
