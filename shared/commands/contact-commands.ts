// Process: any (pure). Commands on contacts themselves: add, edit, move between rings and sectors, delete with
// their ties, merge a duplicate. Each returns the whole of what it changes, for one transaction.
import { mergeContactFields, retargetTies } from '../domain/merge.ts';
import { CATEGORY_LABELS, RING_LABELS } from '../domain/sphere.ts';
import { uniqueTags } from '../domain/contact-input.ts';
import type { ContactDoc, TouchDoc } from '../schemas/index.ts';
import type { CommandOf } from './domain-command.ts';
import { CommandRefused, drop, mustGet, put, type Plan, type PlanEnv, type SphereReader } from './plan.ts';

const GONE = 'That contact no longer exists.';

export function planAddContact(_read: SphereReader, cmd: CommandOf<'contact.add'>, env: PlanEnv): Plan {
  const contact: ContactDoc = { id: env.newId(), ...cmd.contact, tags: [], roles: [], createdAt: env.now, updatedAt: env.now, updatedBy: env.author };
  if (!contact.organisation) delete contact.organisation;
  return { label: `add ${contact.name}`, writes: [put('contacts', contact)], createdId: contact.id };
}

/** Null when nothing would change, so the window can say so instead of recording an empty step. */
export function planUpdateContact(read: SphereReader, cmd: CommandOf<'contact.update'>, env: PlanEnv): Plan | null {
  const before = mustGet(read, 'contacts', cmd.contactId, GONE);
  const after: Record<string, unknown> = { ...before };
  // The host stores a tag once whatever the window sent ("golf, golf").
  const changes = cmd.changes.tags ? { ...cmd.changes, tags: uniqueTags(cmd.changes.tags) } : cmd.changes;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    // Empty text and null both mean "not set": the stored document has no such field.
    if (value === null || value === '') delete after[key];
    else after[key] = value;
  }
  if (sameFields(before, after)) return null;
  const writes = [put('contacts', { ...after, updatedAt: env.now, updatedBy: env.author } as ContactDoc)];
  // A ring chosen in the form is a move like a drag: the timeline and the funnel rebuild rings from these touches.
  if (after.ring !== before.ring) writes.push(put('touches', ringMove(before, after.ring as ContactDoc['ring'], env)));
  return { label: `edit ${String(after.name)}`, writes };
}

function ringMove(contact: ContactDoc, toRing: ContactDoc['ring'], env: PlanEnv): TouchDoc {
  return { id: env.newId(), contactId: contact.id, kind: 'stageChange', direction: 'outbound', at: env.now, fromRing: contact.ring, toRing, createdAt: env.now, updatedBy: env.author };
}

/** The central gesture. A change of ring is recorded as a stage-change touch, written with the move. */
export function planMoveContact(read: SphereReader, cmd: CommandOf<'contact.move'>, env: PlanEnv): Plan | null {
  const contact = mustGet(read, 'contacts', cmd.contactId, GONE);
  const ring = cmd.ring ?? contact.ring;
  const category = cmd.category ?? contact.category;
  if (ring === contact.ring && category === contact.category) return null;
  const writes = [put('contacts', { ...contact, ring, category, updatedAt: env.now, updatedBy: env.author })];
  if (ring !== contact.ring) {
    writes.push(put('touches', ringMove(contact, ring, env)));
  }
  const label = ring !== contact.ring ? `move ${contact.name} to ${RING_LABELS[ring]}` : `move ${contact.name} to ${CATEGORY_LABELS[category]}`;
  return { label, writes };
}

/** A contact goes with every tie that names them; their touches and deals stay in the history. */
export function planDeleteContact(read: SphereReader, cmd: CommandOf<'contact.delete'>): Plan {
  const contact = mustGet(read, 'contacts', cmd.contactId, GONE);
  const ties = read.find('ties', { $or: [{ from: contact.id }, { to: contact.id }] });
  const label = ties.length > 0 ? `delete ${contact.name} and ${ties.length} tie${ties.length === 1 ? '' : 's'}` : `delete ${contact.name}`;
  return { label, writes: [...ties.map((t) => drop('ties', t.id)), drop('contacts', contact.id)] };
}

/**
 * Two records of one person become one: the survivor takes the fields (see mergeContactFields), the touches,
 * deals and ties. Touches are append-only, so each moves as a new document that supersedes the old; deals
 * move the same way, so the record of the duplicate's deal stays what it was.
 */
export function planMergeContacts(read: SphereReader, cmd: CommandOf<'contact.merge'>, env: PlanEnv): Plan {
  if (cmd.survivorId === cmd.duplicateId) throw new CommandRefused('Choose two different contacts to merge.');
  const survivor = mustGet(read, 'contacts', cmd.survivorId, 'Both contacts must still exist.');
  const duplicate = mustGet(read, 'contacts', cmd.duplicateId, 'Both contacts must still exist.');
  const ties = read.find('ties', { $or: [{ from: { $in: [survivor.id, duplicate.id] } }, { to: { $in: [survivor.id, duplicate.id] } }] });
  const { keep, drop: dropped } = retargetTies(ties, survivor.id, duplicate.id);
  const writes = [put('contacts', mergeContactFields(survivor, duplicate, env.now, env.author))];
  for (const touch of read.find('touches', { contactId: duplicate.id })) {
    writes.push(put('touches', { ...touch, id: env.newId(), contactId: survivor.id, supersedes: touch.id, createdAt: env.now, updatedBy: env.author }), drop('touches', touch.id));
  }
  for (const deal of read.find('deals', { contactId: duplicate.id })) {
    writes.push(put('deals', { ...deal, id: env.newId(), contactId: survivor.id, supersedes: deal.id, createdAt: env.now, updatedAt: env.now, updatedBy: env.author }), drop('deals', deal.id));
  }
  for (const tie of keep) writes.push(put('ties', { ...tie, updatedAt: env.now, updatedBy: env.author }));
  for (const tie of dropped) writes.push(drop('ties', tie.id));
  writes.push(drop('contacts', duplicate.id));
  return { label: `merge ${duplicate.name} into ${survivor.name}`, writes };
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key === 'updatedAt' || key === 'updatedBy' || key === 'stamps') continue;
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return false;
  }
  return true;
}
