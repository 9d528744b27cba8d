// Process: renderer. Creating, editing and deleting contacts, each one host command and one undoable step.
import type { ContactFields } from '../../shared/domain/contact-input.ts';
import type { ContactChanges } from '../../shared/commands/domain-command.ts';
import type { Reversible } from './history.ts';
import { hostStep, hostStepOrThrow, type EditContext } from './host-step.ts';

export async function addContact(ctx: EditContext, fields: ContactFields): Promise<{ contactId: string; step: Reversible }> {
  const step = await hostStepOrThrow(ctx, { type: 'contact.add', contact: fields });
  return { contactId: step.createdId ?? '', step };
}

/** Their ties go with them, in the same transaction; undo brings both back. */
export function deleteContact(ctx: EditContext, contactId: string): Promise<Reversible> {
  return hostStepOrThrow(ctx, { type: 'contact.delete', contactId });
}

/** Any change to a contact's own fields; null or '' clears a field. Undo reverts only the fields changed. */
export function updateContact(ctx: EditContext, contactId: string, changes: ContactChanges): Promise<Reversible | null> {
  return hostStep(ctx, { type: 'contact.update', contactId, changes });
}
