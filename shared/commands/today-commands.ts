// Process: any (pure). Today's own command: snooze (or skip) a contact, so the list holds only who to reach today.
import { z } from 'zod';
import type { ContactDoc } from '../schemas/index.ts';
import type { CommandOf } from './domain-command.ts';
import { mustGet, put, type Plan, type PlanEnv, type SphereReader } from './plan.ts';

/** A real calendar day (2026-02-30 is refused), or null to wake the contact up again. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written 2026-12-01').refine((day) => {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}, 'no such day');

export const SnoozeCommandSchema = z.strictObject({ type: z.literal('contact.snooze'), contactId: z.string().min(1).max(64), until: Day.nullable() });

/** Null when the contact is already snoozed until that day, so no empty step is recorded. */
export function planSnoozeContact(read: SphereReader, cmd: CommandOf<'contact.snooze'>, env: PlanEnv): Plan | null {
  const before = mustGet(read, 'contacts', cmd.contactId, 'That contact no longer exists.');
  if ((before.snoozedUntil ?? null) === cmd.until) return null;
  const after: ContactDoc = { ...before, updatedAt: env.now, updatedBy: env.author };
  if (cmd.until === null) delete after.snoozedUntil;
  else after.snoozedUntil = cmd.until;
  return { label: cmd.until === null ? `bring back ${before.name}` : `snooze ${before.name} until ${cmd.until}`, writes: [put('contacts', after)] };
}
