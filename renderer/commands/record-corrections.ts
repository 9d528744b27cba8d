// Process: renderer. Correcting a record shown in the detail panel: a touch, a deal, a referral or a link edited
// or deleted, each one host command and one undoable step (see shared/commands/correction-commands.ts).
import type { AppRequestArgs } from '../../shared/app-api.ts';
import type { Reversible } from './history.ts';
import { hostStep, hostStepOrThrow, type EditContext } from './host-step.ts';

type Changes<T extends 'touch.edit' | 'deal.edit' | 'tie.edit'> = Extract<AppRequestArgs<'command.run'>, { type: T }>['changes'];

/** Null: nothing would change. */
export function editTouch(ctx: EditContext, touchId: string, changes: Changes<'touch.edit'>): Promise<Reversible | null> {
  return hostStep(ctx, { type: 'touch.edit', touchId, changes });
}

export function deleteTouch(ctx: EditContext, touchId: string): Promise<Reversible> {
  return hostStepOrThrow(ctx, { type: 'touch.delete', touchId });
}

export function editDeal(ctx: EditContext, dealId: string, changes: Changes<'deal.edit'>): Promise<Reversible | null> {
  if (changes.amount !== undefined && (!Number.isSafeInteger(changes.amount) || changes.amount <= 0)) return Promise.reject(new Error('A deal amount is a positive number.'));
  return hostStep(ctx, { type: 'deal.edit', dealId, changes });
}

export function deleteDeal(ctx: EditContext, dealId: string): Promise<Reversible> {
  return hostStepOrThrow(ctx, { type: 'deal.delete', dealId });
}

export function editTie(ctx: EditContext, tieId: string, changes: Changes<'tie.edit'>): Promise<Reversible | null> {
  return hostStep(ctx, { type: 'tie.edit', tieId, changes });
}

/** A referral, an influence or a partner link; a referral's deals stop naming it. */
export function deleteTie(ctx: EditContext, tieId: string): Promise<Reversible> {
  return hostStepOrThrow(ctx, { type: 'tie.delete', tieId });
}
