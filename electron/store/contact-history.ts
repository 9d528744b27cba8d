// Process: main or browser host (Node). The journal read for the window: one contact's history in words the panel
// can show, and the contacts that can be restored.
import { changedFields, type ContactHistoryEntry, type DeletedContactSummary } from '../../shared/history.ts';
import type { StoredEntry } from './journal.ts';
import type { CommandRunner } from './command-runner.ts';

/** Who "this device" is: its id and, when signed in to a team, the member's email. */
export type HereCheck = (author: string) => boolean;

const NOUN: Record<string, string> = { touches: 'touch', ties: 'tie', deals: 'deal', settings: 'settings' };

function describe(entry: StoredEntry, contactId: string, here: HereCheck): ContactHistoryEntry {
  let contact: ContactHistoryEntry['contact'] = 'unchanged';
  let fields: ContactHistoryEntry['fields'] = [];
  const related: string[] = [];
  for (const change of entry.changes) {
    if (change.collection === 'contacts') {
      if (change.id !== contactId) continue;
      if (!change.before && change.after) contact = 'added';
      else if (change.before && !change.after) contact = 'deleted';
      else {
        fields = changedFields(change.before, change.after);
        contact = fields.length ? 'changed' : 'unchanged';
      }
      continue;
    }
    const doc = change.after ?? change.before;
    const names = change.collection === 'ties' ? [doc?.from, doc?.to] : [doc?.contactId];
    if (!names.includes(contactId)) continue;
    const kind = doc?.kind ? `${String(doc.kind)} ` : '';
    related.push(`${kind}${NOUN[change.collection] ?? change.collection} ${!change.before ? 'added' : !change.after ? 'removed' : 'changed'}`);
  }
  return {
    seq: entry.seq, at: entry.at, kind: entry.kind, label: entry.label, author: entry.author, here: here(entry.author),
    contact, fields, related,
    merges: (entry.merges ?? []).filter((m) => m.collection !== 'contacts' || m.id === contactId),
  };
}

/** A contact's history, newest first: what changed, when, by whom, and what merges kept and took. */
export async function contactHistory(commands: CommandRunner, contactId: string, here: HereCheck): Promise<ContactHistoryEntry[]> {
  const journal = await commands.journal();
  return journal.ofContact(contactId).map((entry) => describe(entry, contactId, here))
    // A teammate's re-sent copy of what was here already says nothing.
    .filter((e) => e.contact !== 'unchanged' || e.related.length > 0 || e.merges.length > 0);
}

/** Contacts deleted here or by a teammate that are still gone, newest first. */
export async function deletedContacts(commands: CommandRunner, liveIds: () => Set<string>, here: HereCheck): Promise<DeletedContactSummary[]> {
  const journal = await commands.journal();
  const live = liveIds();
  return journal.deletedContacts((id) => live.has(id)).map((d) => ({
    contactId: d.contact.id, name: d.contact.name, at: d.at, by: d.by, here: here(d.by),
    ties: d.ties.length, touches: d.touches.length, deals: d.deals.length,
  }));
}
