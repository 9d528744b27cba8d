// Process: any (pure). Correcting and deleting a deal. Deals are edited in place since deals schema v1: the
// command runner stamps each changed field, so two people's edits of one deal merge field by field when they
// sync (shared/sync/field-merge.ts); a delete leaves a tombstone, which wins over an edit made elsewhere.
import { z } from 'zod';
import type { DealDoc } from '../schemas/index.ts';
import { CommandRefused, drop, mustGet, put, type Plan, type PlanEnv, type SphereReader } from './plan.ts';

const dealId = z.string().min(1).max(64);

export const DealUpdateCommandSchema = z.strictObject({
  type: z.literal('deal.update'),
  dealId,
  // `null` clears the note.
  changes: z.strictObject({
    amount: z.number().int().positive().max(1e13),
    currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is a three-letter code such as USD'),
    at: z.number().int().min(0).max(1e15),
    note: z.string().max(2000).nullable(),
  }).partial(),
});

export const DealDeleteCommandSchema = z.strictObject({ type: z.literal('deal.delete'), dealId });

const GONE = 'That deal no longer exists.';
const DAY = 24 * 60 * 60 * 1000;

/** Null when nothing would change. */
export function planUpdateDeal(read: SphereReader, cmd: z.infer<typeof DealUpdateCommandSchema>, env: PlanEnv): Plan | null {
  const before = mustGet(read, 'deals', cmd.dealId, GONE);
  // Dates come from pickers in the user's zone; a day's slack keeps "today" in any zone from being refused.
  if (cmd.changes.at !== undefined && cmd.changes.at > env.now + DAY) throw new CommandRefused('A deal cannot be in the future.');
  const after: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(cmd.changes)) {
    if (value === undefined) continue;
    const text = typeof value === 'string' && key === 'note' ? value.trim() : value;
    if (text === null || text === '') delete after[key];
    else after[key] = text;
  }
  if (JSON.stringify(after) === JSON.stringify(before)) return null;
  const contact = read.get('contacts', before.contactId);
  return { label: `edit a deal${contact ? ` with ${contact.name}` : ''}`, writes: [put('deals', { ...after, updatedAt: env.now, updatedBy: env.author } as DealDoc)] };
}

export function planDeleteDeal(read: SphereReader, cmd: z.infer<typeof DealDeleteCommandSchema>): Plan {
  const deal = mustGet(read, 'deals', cmd.dealId, GONE);
  const contact = read.get('contacts', deal.contactId);
  return { label: `delete a deal${contact ? ` with ${contact.name}` : ''}`, writes: [drop('deals', deal.id)] };
}
