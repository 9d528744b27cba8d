// Process: any (pure). A deleted contact comes back as the journal last saw it, with the ties, touches and deals
// that went with it: one command, so one undo takes it all away again.
//
// The contact keeps its id, so everything that names it (touches, deals, a teammate's ties) joins it again. Sync
// carries the restore as a later write over the tombstone: the server's copy was the tombstone this device last
// pulled, so the push meets no conflict and the delete-beats-edit merge rule never sees it.
import type { DealDoc, TieDoc, TouchDoc } from '../schemas/index.ts';
import type { CommandOf } from './domain-command.ts';
import { CommandRefused, put, type DocWrite, type Plan, type PlanEnv, type SphereReader } from './plan.ts';

export function planRestoreContact(read: SphereReader, cmd: CommandOf<'contact.restore'>, env: PlanEnv): Plan {
  const gone = env.deleted?.(cmd.contactId);
  if (read.get('contacts', cmd.contactId)) throw new CommandRefused(`${gone?.contact.name ?? 'That contact'} is already back in the sphere.`);
  if (!gone) throw new CommandRefused('That contact is no longer in the history, so it cannot be restored.');
  const writes: DocWrite[] = [put('contacts', { ...gone.contact, updatedAt: env.now, updatedBy: env.author })];
  // A tie comes back only if the person at its other end is still here.
  const present = (id: string) => id === gone.contact.id || read.get('contacts', id) !== undefined;
  const ties = gone.ties.filter((t: TieDoc) => present(t.from) && present(t.to) && !read.get('ties', t.id));
  for (const tie of ties) writes.push(put('ties', { ...tie, updatedAt: env.now, updatedBy: env.author } as TieDoc));
  for (const touch of gone.touches.filter((t: TouchDoc) => !read.get('touches', t.id))) writes.push(put('touches', touch));
  for (const deal of gone.deals.filter((d: DealDoc) => !read.get('deals', d.id))) writes.push(put('deals', deal));
  const label = ties.length > 0 ? `restore ${gone.contact.name} and ${ties.length} tie${ties.length === 1 ? '' : 's'}` : `restore ${gone.contact.name}`;
  return { label, writes };
}
