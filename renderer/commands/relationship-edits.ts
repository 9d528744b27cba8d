// Process: renderer. Everyday relationship work, each one host command: log a touch, record a referral and its
// reward, record a deal, link a center of influence or a partner. What a referral brought and a contact's
// stage are derived from the deals when read, so recording a deal writes the deal alone.
import type { TouchKind } from '../../shared/domain/sphere.ts';
import type { Reversible } from './history.ts';
import { hostStepOrThrow, type EditContext } from './host-step.ts';

export function logTouch(
  ctx: EditContext,
  input: { contactId: string; kind: Exclude<TouchKind, 'stageChange'>; direction: 'inbound' | 'outbound'; at?: number; note?: string },
): Promise<Reversible> {
  return hostStepOrThrow(ctx, { type: 'touch.log', ...input });
}

export function recordReferral(ctx: EditContext, input: { from: string; to: string; at?: number; note?: string }): Promise<Reversible> {
  return hostStepOrThrow(ctx, { type: 'referral.record', ...input });
}

export function rewardReferral(ctx: EditContext, tieId: string, reward: string, at?: number): Promise<Reversible> {
  if (!reward.trim()) return Promise.reject(new Error('Say how you thanked them (a card, a gift, dinner…).'));
  return hostStepOrThrow(ctx, { type: 'referral.reward', tieId, reward, ...(at !== undefined ? { at } : {}) });
}

export function recordDeal(
  ctx: EditContext,
  input: { contactId: string; amount: number; currency: string; at?: number; referralId?: string; note?: string },
): Promise<Reversible> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) return Promise.reject(new Error('A deal amount is a positive number.'));
  if (!/^[A-Z]{3}$/.test(input.currency)) return Promise.reject(new Error('A currency is a three-letter code such as USD.'));
  return hostStepOrThrow(ctx, { type: 'deal.record', ...input });
}

export function linkContacts(ctx: EditContext, kind: 'influence' | 'partner' | 'personal', from: string, to: string): Promise<Reversible> {
  return hostStepOrThrow(ctx, { type: 'tie.link', kind, from, to });
}

/** The sample sphere in one step: one transaction, and one undo takes it all back out. */
export function loadSample(ctx: EditContext): Promise<Reversible> {
  return hostStepOrThrow(ctx, { type: 'sample.load' });
}

/** Takes every sample person back out (and what names them), leaving the user's own; undo puts them back. */
export function removeSample(ctx: EditContext): Promise<Reversible> {
  return hostStepOrThrow(ctx, { type: 'sample.remove' });
}
