// Process: any (pure). What a domain command reads and what it decides to write, apart from how it is stored:
// the host gives a planner a reader over the store inside its transaction and writes the plan it returns.
import type { MangoQuerySelector } from 'rxdb';
import type { CollectionName, ContactDoc, DealDoc, SettingsDoc, TieDoc, TouchDoc } from '../schemas/index.ts';
import type { DeletedContact } from '../history.ts';

export type DocOf<C extends CollectionName> = {
  contacts: ContactDoc;
  ties: TieDoc;
  touches: TouchDoc;
  deals: DealDoc;
  settings: SettingsDoc;
}[C];

/** Live documents (deleted ones are invisible), as plain data without RxDB's bookkeeping. */
export type SphereReader = {
  get<C extends CollectionName>(collection: C, id: string): DocOf<C> | undefined;
  find<C extends CollectionName>(collection: C, selector: MangoQuerySelector<DocOf<C>>): DocOf<C>[];
};

/**
 * One document's new state: the whole document, or null to delete it. `keepStamps`: the document's field stamps
 * are already the right ones (a restore merging in a backup's older edits), so the write must not stamp the
 * changed fields as edited now.
 */
export type DocWrite = { collection: CollectionName; id: string; doc: Record<string, unknown> | null; keepStamps?: boolean };

export type Plan = {
  /** What the user sees in "Undo …": lower case, no full stop ("move Ann to Trust"). */
  label: string;
  writes: DocWrite[];
  /** The contact the command created, for the window to select. */
  createdId?: string;
};

/**
 * What a planner knows besides the store: the clock, new ids, and who is acting. `deleted`: a deleted contact's
 * last full state, from the host's journal (restore reads it; the documents themselves are gone).
 */
export type PlanEnv = { now: number; newId(): string; author: string; deleted?(contactId: string): DeletedContact | undefined };

/** A planner refuses with a message the user can act on; nothing has been written when it throws. */
export class CommandRefused extends Error {
  override name = 'CommandRefused';
}

export const put = <C extends CollectionName>(collection: C, doc: DocOf<C>): DocWrite => ({ collection, id: doc.id, doc: doc as unknown as Record<string, unknown> });
export const drop = (collection: CollectionName, id: string): DocWrite => ({ collection, id, doc: null });

export function mustGet<C extends CollectionName>(read: SphereReader, collection: C, id: string, gone: string): DocOf<C> {
  const doc = read.get(collection, id);
  if (!doc) throw new CommandRefused(gone);
  return doc;
}
