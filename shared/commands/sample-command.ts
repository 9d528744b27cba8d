// Process: any (pure). The sample sphere, added in one step (one transaction, one undo), and taken back out in one
// step at any time later. Every sample document's id starts with `sample-`: that mark, not the author or a tag
// (which the user may edit), is how the sample people are told from the user's own.
import { generateSphere } from '../sample-sphere.ts';
import type { ContactDoc, DealDoc, TieDoc, TouchDoc } from '../schemas/index.ts';
import type { CommandOf } from './domain-command.ts';
import { CommandRefused, drop, put, type DocWrite, type Plan, type PlanEnv, type SphereReader } from './plan.ts';

export const SAMPLE_AUTHOR = 'sample';
export const SAMPLE_ID_PREFIX = 'sample-';

/**
 * Samples loaded before the prefix have the generator's own ids, `c-000001` and on: no contact the user adds has
 * one (theirs are UUIDs), so they are sample people too and can be taken out the same way.
 */
const LEGACY_SAMPLE_CONTACT = /^c-\d{6}$/;

export function isSampleId(id: string): boolean {
  return id.startsWith(SAMPLE_ID_PREFIX) || LEGACY_SAMPLE_CONTACT.test(id);
}

const mark = (id: string) => `${SAMPLE_ID_PREFIX}${id}`;

/** Ids in ['sample-', 'sample.') (every id with the prefix, one range on the primary key), and the older ones. */
function sampleContacts(read: SphereReader): ContactDoc[] {
  const legacy = read.find('contacts', { id: { $gte: 'c-000000', $lte: 'c-999999' } }).filter((c) => LEGACY_SAMPLE_CONTACT.test(c.id));
  return [...read.find('contacts', { id: { $gte: SAMPLE_ID_PREFIX, $lt: 'sample.' } }), ...legacy];
}

export function planLoadSample(read: SphereReader, cmd: CommandOf<'sample.load'>, env: PlanEnv): Plan {
  const already = sampleContacts(read).length;
  if (already > 0) throw new CommandRefused(`The sample people are already here (${already} of them). Remove sample people first to load them afresh.`);
  const sample = generateSphere({ seed: 2026, contacts: cmd.size ?? 300, now: env.now, owner: SAMPLE_AUTHOR });
  const contacts: ContactDoc[] = sample.contacts.map((d) => ({ ...d, id: mark(d.id) }));
  const ties: TieDoc[] = sample.ties.map((d) => ({ ...d, id: mark(d.id), from: mark(d.from), to: mark(d.to) }));
  const touches: TouchDoc[] = sample.touches.map((d) => ({ ...d, id: mark(d.id), contactId: mark(d.contactId) }));
  const deals: DealDoc[] = sample.deals.map((d) => ({ ...d, id: mark(d.id), contactId: mark(d.contactId), ...(d.referralId ? { referralId: mark(d.referralId) } : {}) }));
  return {
    label: `load the sample sphere (${contacts.length} people)`,
    writes: [
      ...contacts.map((d) => put('contacts', d)),
      ...ties.map((d) => put('ties', d)),
      ...touches.map((d) => put('touches', d)),
      ...deals.map((d) => put('deals', d)),
    ],
  };
}

/**
 * Every sample person goes, with whatever names them: ties (the user's own links to them included, as a delete
 * of the person takes its ties), touches and deals. The user's own people and their records stay as they are.
 */
export function planRemoveSample(read: SphereReader): Plan {
  const contacts = sampleContacts(read);
  if (contacts.length === 0) throw new CommandRefused('There are no sample people in this sphere.');
  const ids = contacts.map((c) => c.id);
  const writes: DocWrite[] = [];
  for (const tie of read.find('ties', { $or: [{ from: { $in: ids } }, { to: { $in: ids } }] })) writes.push(drop('ties', tie.id));
  for (const touch of read.find('touches', { contactId: { $in: ids } })) writes.push(drop('touches', touch.id));
  for (const deal of read.find('deals', { contactId: { $in: ids } })) writes.push(drop('deals', deal.id));
  for (const id of ids) writes.push(drop('contacts', id));
  return { label: `remove the ${contacts.length} sample ${contacts.length === 1 ? 'person' : 'people'}`, writes };
}
