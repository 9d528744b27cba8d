// Process: any (pure). Changing settings is an edit like any other: one document, undone field by field.
import { DEFAULT_SETTINGS, SETTINGS_ID } from '../schemas/settings.ts';
import type { SettingsDoc } from '../schemas/index.ts';
import type { CommandOf } from './domain-command.ts';
import { put, type Plan, type PlanEnv, type SphereReader } from './plan.ts';

export function planUpdateSettings(read: SphereReader, cmd: CommandOf<'settings.update'>, env: PlanEnv): Plan {
  const before = read.get('settings', SETTINGS_ID) ?? DEFAULT_SETTINGS;
  const defined = Object.fromEntries(Object.entries(cmd.changes).filter(([, value]) => value !== undefined));
  const after = { ...before, ...defined, id: SETTINGS_ID, updatedAt: env.now, updatedBy: env.author } as SettingsDoc;
  return { label: 'change settings', writes: [put('settings', after)] };
}
