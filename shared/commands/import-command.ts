// Process: any (pure). An import as one domain command: every contact it adds and every merge into a contact
// already stored, in one transaction and one undo step. The file was read, mapped and checked before (see
// shared/import/); this command is what the user confirmed, checked again on arrival like any other.
import { z } from 'zod';
import { mergeContactFields } from '../domain/merge.ts';
import { CATEGORIES, RINGS } from '../domain/sphere.ts';
import { draftDoc } from '../import/import-plan.ts';
import type { ContactDraft } from '../import/import-mapping.ts';
import type { ContactDoc } from '../schemas/contact.ts';
import type { CommandOf } from './domain-command.ts';
import { put, type Plan, type PlanEnv, type SphereReader } from './plan.ts';

/** Twice the 50,000 rows an import must take, and no more: one command must fit one message to the host. */
export const MAX_IMPORT_CONTACTS = 100_000;

const ImportedContactSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  category: z.enum(CATEGORIES),
  ring: z.enum(RINGS),
  organisation: z.string().max(200).optional(),
  title: z.string().max(200).optional(),
  emails: z.array(z.string().max(320)).max(50),
  phones: z.array(z.string().max(40)).max(50),
  tags: z.array(z.string().max(60)).max(100),
  notes: z.string().max(20000).optional(),
  address: z.string().max(500).optional(),
  birthday: z.string().regex(/^(\d{4}|-)-\d{2}-\d{2}$/).optional(),
});

export const ImportCommandSchema = z.strictObject({
  type: z.literal('contact.import'),
  /** The file's name, for "Undo import of google.csv". */
  source: z.string().trim().min(1).max(200),
  contacts: z.array(ImportedContactSchema).max(MAX_IMPORT_CONTACTS),
  merges: z.array(z.strictObject({ contactId: z.string().min(1).max(64), contact: ImportedContactSchema })).max(MAX_IMPORT_CONTACTS),
});

export function planImportContacts(read: SphereReader, cmd: CommandOf<'contact.import'>, env: PlanEnv): Plan | null {
  const writes: Plan['writes'] = [];
  const added = (draft: ContactDraft) => put('contacts', draftDoc(draft, env.newId(), env.now, env.author));
  for (const draft of cmd.contacts) writes.push(added(draft));
  let merged = 0;
  const mergedInto = new Map<string, ContactDoc>();
  for (const { contactId, contact } of cmd.merges) {
    const existing = mergedInto.get(contactId) ?? read.get('contacts', contactId);
    // Deleted since the file was checked (by a teammate, or in another window): the person is added instead, not lost.
    if (!existing) {
      writes.push(added(contact));
      continue;
    }
    const doc = mergeContactFields(existing, draftDoc(contact, existing.id, env.now, env.author), env.now, env.author);
    mergedInto.set(contactId, doc);
    merged++;
  }
  for (const doc of mergedInto.values()) writes.push(put('contacts', doc));
  if (writes.length === 0) return null;
  const newCount = cmd.contacts.length + (cmd.merges.length - merged);
  const parts = [newCount > 0 ? `${newCount} new` : '', merged > 0 ? `${merged} merged` : ''].filter(Boolean).join(', ');
  return { label: `import ${cmd.source} (${parts})`, writes };
}
