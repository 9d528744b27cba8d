// Process: renderer. Merging two records of one person: the host moves fields, touches, deals and ties to the
// survivor and removes the duplicate, all in one transaction (see shared/commands/contact-commands.ts).
import type { Reversible } from './history.ts';
import { hostStepOrThrow, type EditContext } from './host-step.ts';

export function mergeContacts(ctx: EditContext, survivorId: string, duplicateId: string): Promise<Reversible> {
  return hostStepOrThrow(ctx, { type: 'contact.merge', survivorId, duplicateId });
}
