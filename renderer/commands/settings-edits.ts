// Process: renderer. Changing settings is an edit like any other: undo restores the previous values.
import { DEFAULT_SETTINGS, SETTINGS_ID } from '../../shared/schemas/settings.ts';
import type { SettingsDoc } from '../../shared/schemas/index.ts';
import type { Reversible } from './history.ts';
import type { EditContext } from './move-contact.ts';

export async function updateSettings(ctx: EditContext, changes: Partial<Omit<SettingsDoc, 'id'>>): Promise<Reversible> {
  const existing = await ctx.db.settings.findOne(SETTINGS_ID).exec();
  const before = existing ? (existing.toJSON() as SettingsDoc) : DEFAULT_SETTINGS;
  const at = (ctx.now ?? Date.now)();
  const after: SettingsDoc = { ...before, ...changes, id: SETTINGS_ID, updatedAt: at, updatedBy: ctx.actor };
  await ctx.db.settings.upsert(after);
  return {
    label: 'change settings',
    undo: async () => void (await ctx.db.settings.upsert({ ...before, updatedAt: (ctx.now ?? Date.now)(), updatedBy: ctx.actor })),
    redo: async () => void (await ctx.db.settings.upsert({ ...after, updatedAt: (ctx.now ?? Date.now)() })),
  };
}
