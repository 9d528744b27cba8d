// Process: any (pure). Everyday relationship work: log a touch, record a deal, a referral and its thanks, link a
// center of influence or a host-beneficiary partner. Touches are append-only; deals are corrected in place by
// correction-commands.ts (deals are field-merged since deals v1).
import type { DealDoc, TieDoc, TouchDoc } from '../schemas/index.ts';
import type { CommandOf } from './domain-command.ts';
import { CommandRefused, mustGet, put, type Plan, type PlanEnv, type SphereReader } from './plan.ts';

const GONE = 'That contact no longer exists.';
const BOTH = 'Both people must be in your sphere.';

/** Dates come from pickers in the user's zone; a day's slack keeps "today" in any zone from being refused. */
function notInFuture(at: number | undefined, env: PlanEnv, what: string): void {
  if (at !== undefined && at > env.now + 24 * 60 * 60 * 1000) throw new CommandRefused(`${what} cannot be in the future.`);
}

export function planLogTouch(read: SphereReader, cmd: CommandOf<'touch.log'>, env: PlanEnv): Plan {
  const contact = mustGet(read, 'contacts', cmd.contactId, GONE);
  notInFuture(cmd.at, env, 'A touch');
  const touch: TouchDoc = { id: env.newId(), contactId: contact.id, kind: cmd.kind, direction: cmd.direction, at: cmd.at ?? env.now, createdAt: env.now, updatedBy: env.author };
  if (cmd.note?.trim()) touch.note = cmd.note.trim();
  return { label: `log ${cmd.kind} with ${contact.name}`, writes: [put('touches', touch)] };
}

export function planRecordDeal(read: SphereReader, cmd: CommandOf<'deal.record'>, env: PlanEnv): Plan {
  const contact = mustGet(read, 'contacts', cmd.contactId, GONE);
  notInFuture(cmd.at, env, 'A deal');
  if (cmd.referralId) {
    const referral = read.get('ties', cmd.referralId);
    if (!referral || referral.kind !== 'referral' || referral.to !== contact.id) throw new CommandRefused(`That referral did not bring ${contact.name}.`);
  }
  const deal: DealDoc = { id: env.newId(), contactId: contact.id, amount: cmd.amount, currency: cmd.currency, at: cmd.at ?? env.now, createdAt: env.now, updatedAt: env.now, updatedBy: env.author };
  if (cmd.referralId) deal.referralId = cmd.referralId;
  if (cmd.note?.trim()) deal.note = cmd.note.trim();
  return { label: `record a deal with ${contact.name}`, writes: [put('deals', deal)] };
}

export function planRecordReferral(read: SphereReader, cmd: CommandOf<'referral.record'>, env: PlanEnv): Plan {
  if (cmd.from === cmd.to) throw new CommandRefused('Someone cannot refer themselves.');
  const referrer = mustGet(read, 'contacts', cmd.from, BOTH);
  const referred = mustGet(read, 'contacts', cmd.to, BOTH);
  notInFuture(cmd.at, env, 'A referral');
  const tie: TieDoc = { id: env.newId(), kind: 'referral', from: referrer.id, to: referred.id, at: cmd.at ?? env.now, createdAt: env.now, updatedAt: env.now, updatedBy: env.author };
  if (cmd.note?.trim()) tie.note = cmd.note.trim();
  return { label: `${referrer.name} referred ${referred.name}`, writes: [put('ties', tie)] };
}

/**
 * Thanking the referrer is part of the referral's story, so it is written on the referral tie itself. It is also
 * a touch with the referrer (a thank-you), written with it: a thank-you is contact, and without the touch the
 * person just thanked stayed on Today as overdue.
 */
export function planRewardReferral(read: SphereReader, cmd: CommandOf<'referral.reward'>, env: PlanEnv): Plan {
  const tie = read.get('ties', cmd.tieId);
  if (!tie || tie.kind !== 'referral') throw new CommandRefused('That referral no longer exists.');
  const at = cmd.at ?? env.now;
  const writes = [put('ties', { ...tie, rewardedAt: at, reward: cmd.reward, updatedAt: env.now, updatedBy: env.author })];
  if (read.get('contacts', tie.from)) {
    const touch: TouchDoc = { id: env.newId(), contactId: tie.from, kind: 'thankYou', direction: 'outbound', at, note: cmd.reward, createdAt: env.now, updatedBy: env.author };
    writes.push(put('touches', touch));
  }
  return { label: 'record thanks for a referral', writes };
}

/** Influence (a center of influence → someone they sway), partnership (a host-beneficiary partner → a shared customer). */
export function planLinkContacts(read: SphereReader, cmd: CommandOf<'tie.link'>, env: PlanEnv): Plan {
  if (cmd.from === cmd.to) throw new CommandRefused('Choose someone else to link.');
  const a = mustGet(read, 'contacts', cmd.from, BOTH);
  const b = mustGet(read, 'contacts', cmd.to, BOTH);
  if (read.find('ties', { kind: cmd.kind, from: cmd.from, to: cmd.to }).length > 0) throw new CommandRefused('They are already linked that way.');
  const tie: TieDoc = { id: env.newId(), kind: cmd.kind, from: a.id, to: b.id, at: env.now, createdAt: env.now, updatedAt: env.now, updatedBy: env.author };
  const verb = cmd.kind === 'influence' ? 'influences' : cmd.kind === 'partner' ? 'shares a customer:' : 'knows';
  return { label: `${a.name} ${verb} ${b.name}`, writes: [put('ties', tie)] };
}
