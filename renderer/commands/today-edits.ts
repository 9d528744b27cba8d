// Process: renderer. Snooze a contact on Today (or wake them again): a host command, undone like any edit.
import type { Reversible } from './history.ts';
import { hostStep, type EditContext } from './host-step.ts';

/** `until` is a YYYY-MM-DD day (they stay off Today through it), or null to bring them back. Null: nothing changed. */
export function snoozeContact(ctx: EditContext, contactId: string, until: string | null): Promise<Reversible | null> {
  return hostStep(ctx, { type: 'contact.snooze', contactId, until });
}
