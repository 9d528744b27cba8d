// Process: renderer. Changing settings is an edit like any other: undo restores the previous values.
import type { SettingsDoc } from '../../shared/schemas/index.ts';
import type { Reversible } from './history.ts';
import { hostStepOrThrow, type EditContext } from './host-step.ts';

export function updateSettings(ctx: EditContext, changes: Partial<Omit<SettingsDoc, 'id' | 'updatedAt' | 'updatedBy'>>): Promise<Reversible> {
  return hostStepOrThrow(ctx, { type: 'settings.update', changes });
}
