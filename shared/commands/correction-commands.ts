// Process: any (pure). Corrections of what was typed earlier: a touch, a deal, a referral or a link edited or
// deleted, each one command and one undo. Touches stay append-only for sync (an edit writes a new touch that
// supersedes the old one and tombstones it); deals and ties are edited in place like any document.
import type { DealDoc, TieDoc, TouchDoc } from '../schemas/index.ts';
import type { CommandOf } from './domain-command.ts';
import { CommandRefused, drop, mustGet, put, type DocWrite, type Plan, type PlanEnv, type SphereReader } from './plan.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Dates come from pickers in the user's zone; a day's slack keeps "today" in any zone from being refused. */
function notInFuture(at: number | undefined, env: PlanEnv, what: string): void {
  if (at !== undefined && at > env.now + DAY) throw new CommandRefused(`${what} cannot be in the future.`);
}

/** Applies optional changes where `null` or empty text means "clear": the stored document has no such field. */
function applied<T extends object>(doc: T, changes: Record<string, unknown>): T {
  const next = { ...doc } as Record<string, unknown>;
  for (const [key, raw] of Object.entries(changes)) {
    if (raw === undefined) continue;
    const value = typeof raw === 'string' && key === 'note' ? raw.trim() : raw;
    if (value === null || value === '') delete next[key];
    else next[key] = value;
  }
  return next as T;
}

function unchanged(a: object, b: object): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function nameOf(read: SphereReader, id: string): string {
  return read.get('contacts', id)?.name ?? 'someone';
}

export function planEditTouch(read: SphereReader, cmd: CommandOf<'touch.edit'>, env: PlanEnv): Plan | null {
  const touch = mustGet(read, 'touches', cmd.touchId, 'That touch no longer exists.');
  if (touch.kind === 'stageChange') throw new CommandRefused('A move between rings is corrected by moving the contact back.');
  notInFuture(cmd.changes.at, env, 'A touch');
  const next = applied(touch, cmd.changes);
  if (unchanged(touch, next)) return null;
  // A new document that names the one it replaces: a device that synced the old touch learns of the correction.
  const corrected: TouchDoc = { ...next, id: env.newId(), supersedes: touch.id, createdAt: env.now, updatedBy: env.author };
  return { label: `edit a touch with ${nameOf(read, touch.contactId)}`, writes: [put('touches', corrected), drop('touches', touch.id)] };
}

export function planDeleteTouch(read: SphereReader, cmd: CommandOf<'touch.delete'>): Plan {
  const touch = mustGet(read, 'touches', cmd.touchId, 'That touch no longer exists.');
  if (touch.kind === 'stageChange') throw new CommandRefused('A move between rings is corrected by moving the contact back.');
  return { label: `delete a touch with ${nameOf(read, touch.contactId)}`, writes: [drop('touches', touch.id)] };
}

export function planEditDeal(read: SphereReader, cmd: CommandOf<'deal.edit'>, env: PlanEnv): Plan | null {
  const deal = mustGet(read, 'deals', cmd.dealId, 'That deal no longer exists.');
  notInFuture(cmd.changes.at, env, 'A deal');
  if (cmd.changes.referralId) {
    const referral = read.get('ties', cmd.changes.referralId);
    if (!referral || referral.kind !== 'referral' || referral.to !== deal.contactId) throw new CommandRefused(`That referral did not bring ${nameOf(read, deal.contactId)}.`);
  }
  const next = applied(deal, cmd.changes);
  if (unchanged(deal, next)) return null;
  const edited: DealDoc = { ...next, updatedBy: env.author };
  // Deals that carry their own edit time (the field-merged deal schema) say when they were corrected.
  if ('updatedAt' in edited) (edited as DealDoc & { updatedAt: number }).updatedAt = env.now;
  return { label: `edit a deal with ${nameOf(read, deal.contactId)}`, writes: [put('deals', edited)] };
}

export function planDeleteDeal(read: SphereReader, cmd: CommandOf<'deal.delete'>): Plan {
  const deal = mustGet(read, 'deals', cmd.dealId, 'That deal no longer exists.');
  return { label: `delete a deal with ${nameOf(read, deal.contactId)}`, writes: [drop('deals', deal.id)] };
}

function describeTie(read: SphereReader, tie: TieDoc): string {
  const from = nameOf(read, tie.from);
  const to = nameOf(read, tie.to);
  if (tie.kind === 'referral') return `the referral of ${to} by ${from}`;
  if (tie.kind === 'influence') return `${from}'s influence on ${to}`;
  if (tie.kind === 'partner') return `${to} as a customer shared with ${from}`;
  return `the tie between ${from} and ${to}`;
}

export function planEditTie(read: SphereReader, cmd: CommandOf<'tie.edit'>, env: PlanEnv): Plan | null {
  const tie = mustGet(read, 'ties', cmd.tieId, 'That tie no longer exists.');
  notInFuture(cmd.changes.at, env, 'A tie');
  const { reward, ...rest } = cmd.changes;
  if (reward !== undefined && tie.kind !== 'referral') throw new CommandRefused('Only a referral is thanked or rewarded.');
  const next = applied(tie, rest);
  if (reward !== undefined) {
    const text = reward?.trim() ?? '';
    // Clearing the reward means the referrer is still waiting for thanks; a new one keeps the day it was first given.
    if (!text) {
      delete next.reward;
      delete next.rewardedAt;
    } else {
      next.reward = text;
      next.rewardedAt = tie.rewardedAt ?? env.now;
    }
  }
  if (unchanged(tie, next)) return null;
  return { label: `edit ${describeTie(read, tie)}`, writes: [put('ties', { ...next, updatedAt: env.now, updatedBy: env.author })] };
}

/** A referral that goes takes its name off the deals it brought, so their value is no longer credited to it. */
export function planDeleteTie(read: SphereReader, cmd: CommandOf<'tie.delete'>, env: PlanEnv): Plan {
  const tie = mustGet(read, 'ties', cmd.tieId, 'That tie no longer exists.');
  const writes: DocWrite[] = [drop('ties', tie.id)];
  if (tie.kind === 'referral') {
    for (const deal of read.find('deals', { referralId: tie.id })) {
      const { referralId: _gone, ...rest } = deal;
      const next: DealDoc = { ...rest, updatedBy: env.author };
      if ('updatedAt' in next) (next as DealDoc & { updatedAt: number }).updatedAt = env.now;
      writes.push(put('deals', next));
    }
  }
  return { label: `remove ${describeTie(read, tie)}`, writes };
}
