// Process: renderer. Creating and deleting contacts, each reversible. Deleting takes the contact's ties with it.
import type { ContactFields } from '../../shared/domain/contact-input.ts';
import type { ContactDoc, TieDoc } from '../../shared/schemas/index.ts';
import type { Reversible } from './history.ts';
import type { EditContext } from './move-contact.ts';

const clock = (ctx: EditContext) => (ctx.now ?? Date.now)();

export async function addContact(ctx: EditContext, fields: ContactFields): Promise<{ contact: ContactDoc; step: Reversible }> {
  const at = clock(ctx);
  const contact: ContactDoc = {
    id: (ctx.newId ?? (() => crypto.randomUUID()))(),
    ...fields,
    tags: [],
    roles: [],
    stage: 'prospect',
    createdAt: at,
    updatedAt: at,
    updatedBy: ctx.actor,
  };
  await ctx.db.contacts.insert(contact);
  return {
    contact,
    step: {
      label: `add ${contact.name}`,
      undo: async () => {
        await ctx.db.contacts.findOne(contact.id).exec().then((d) => d?.remove());
      },
      redo: async () => {
        await ctx.db.contacts.insert({ ...contact, updatedAt: clock(ctx) });
      },
    },
  };
}

/** How much a delete would take with it, so the UI can say so before the user confirms. */
export async function tiesOf(ctx: EditContext, contactId: string): Promise<TieDoc[]> {
  const docs = await ctx.db.ties.find({ selector: { $or: [{ from: contactId }, { to: contactId }] } }).exec();
  return docs.map((d) => d.toJSON() as TieDoc);
}

export async function deleteContact(ctx: EditContext, contactId: string): Promise<Reversible> {
  const doc = await ctx.db.contacts.findOne(contactId).exec();
  if (!doc) throw new Error('That contact no longer exists.');
  const contact = doc.toJSON() as ContactDoc;
  const ties = await tiesOf(ctx, contactId);
  const remove = async () => {
    await ctx.db.ties.bulkRemove(ties.map((t) => t.id));
    await ctx.db.contacts.findOne(contactId).exec().then((d) => d?.remove());
  };
  await remove();
  return {
    label: ties.length > 0 ? `delete ${contact.name} and ${ties.length} tie${ties.length === 1 ? '' : 's'}` : `delete ${contact.name}`,
    async undo() {
      await ctx.db.contacts.insert(contact);
      if (ties.length > 0) await ctx.db.ties.bulkInsert(ties);
    },
    redo: remove,
  };
}

/** Any change to a contact's own fields; undo puts back exactly what was there. */
export async function updateContact(ctx: EditContext, contactId: string, changes: Partial<Omit<ContactDoc, 'id' | 'createdAt'>>): Promise<Reversible | null> {
  const doc = await ctx.db.contacts.findOne(contactId).exec();
  if (!doc) throw new Error('That contact no longer exists.');
  const before = doc.toJSON() as ContactDoc;
  const after = { ...before, ...changes } as ContactDoc;
  for (const key of Object.keys(after) as (keyof ContactDoc)[]) if (after[key] === undefined || after[key] === '') delete after[key];
  if (JSON.stringify(withoutStamp(before)) === JSON.stringify(withoutStamp(after))) return null;
  const write = async (target: ContactDoc) => {
    const current = await ctx.db.contacts.findOne(contactId).exec();
    if (!current) throw new Error('That contact no longer exists.');
    await current.incrementalModify(() => ({ ...target, updatedAt: clock(ctx), updatedBy: ctx.actor }));
  };
  await write(after);
  return { label: `edit ${after.name}`, undo: () => write(before), redo: () => write(after) };
}

function withoutStamp(doc: ContactDoc): Omit<ContactDoc, 'updatedAt' | 'updatedBy'> {
  const { updatedAt: _a, updatedBy: _b, ...rest } = doc;
  return rest;
}
