// Process: renderer. An import the user confirmed, asked of the host as one command: one transaction, one undo step.
import type { ImportBatch } from '../../shared/import/import-plan.ts';
import { hostStep, type EditContext, type HostStep } from './host-step.ts';

/** Null when the batch would change nothing (every row skipped). */
export function importContacts(ctx: EditContext, source: string, batch: ImportBatch): Promise<HostStep | null> {
  if (batch.contacts.length === 0 && batch.merges.length === 0) return Promise.resolve(null);
  return hostStep(ctx, { type: 'contact.import', source: source.slice(0, 200) || 'a file', ...batch });
}
