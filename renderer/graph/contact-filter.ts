// Process: renderer (no DOM). Which contacts the current filters leave out; the graph and the list view share it.
import type { Category, CustomerStage, Ring, Role } from '../../shared/domain/sphere.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';

/** An empty list means "any". */
export type ContactFilter = { categories: Category[]; rings: Ring[]; roles: Role[]; stages: CustomerStage[]; tag: string; dueOnly: boolean };

export const NO_FILTER: ContactFilter = { categories: [], rings: [], roles: [], stages: [], tag: '', dueOnly: false };

export function activeFilterCount(f: ContactFilter): number {
  return f.categories.length + f.rings.length + f.roles.length + f.stages.length + (f.tag.trim() ? 1 : 0) + (f.dueOnly ? 1 : 0);
}

/** A contact's stage as the graph model derived it (stages are computed, never stored). */
export type StageOf = (contactId: string) => CustomerStage;

export function matchesFilter(contact: ContactDoc, f: ContactFilter, dueIds: ReadonlySet<string>, stageOf: StageOf): boolean {
  if (f.categories.length && !f.categories.includes(contact.category)) return false;
  if (f.rings.length && !f.rings.includes(contact.ring)) return false;
  if (f.roles.length && !f.roles.some((r) => contact.roles.includes(r))) return false;
  if (f.stages.length && !f.stages.includes(stageOf(contact.id))) return false;
  const tag = f.tag.trim().toLowerCase();
  if (tag && !contact.tags.some((t) => t.toLowerCase().includes(tag))) return false;
  if (f.dueOnly && !dueIds.has(contact.id)) return false;
  return true;
}

/** Null when nothing is filtered, so the graph can skip the work. */
export function hiddenContacts(contacts: readonly ContactDoc[], f: ContactFilter, dueIds: ReadonlySet<string>, stageOf: StageOf): Set<string> | null {
  if (activeFilterCount(f) === 0) return null;
  const hidden = new Set<string>();
  for (const c of contacts) if (!matchesFilter(c, f, dueIds, stageOf)) hidden.add(c.id);
  return hidden;
}
