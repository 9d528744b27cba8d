// Process: renderer. A domain command is asked of the host, which runs it in one transaction; what comes back is
// a step for the history whose undo and redo are asked of the host too (it reverts field by field).
import type { AppApiClient, AppRequestArgs } from '../../shared/app-api.ts';
import type { Reversible } from './history.ts';

/** What every edit needs: the host to ask. The renderer no longer writes documents itself. */
export type EditContext = { api: AppApiClient };

export type HostStep = Reversible & { createdId?: string };

/** Null: the command would have changed nothing, and nothing was recorded. */
export async function hostStep(ctx: EditContext, command: AppRequestArgs<'command.run'>): Promise<HostStep | null> {
  const outcome = await ctx.api.call('command.run', command);
  if (!outcome) return null;
  const { runId, label, createdId } = outcome;
  return { ...keptStep(ctx, runId, label), ...(createdId ? { createdId } : {}) };
}

/** A step the host journaled under `runId`: undone and redone by the host, field by field. */
export function keptStep(ctx: EditContext, runId: string, label: string): Reversible {
  return {
    label,
    undo: async () => void (await ctx.api.call('command.undo', { runId })),
    redo: async () => void (await ctx.api.call('command.redo', { runId })),
  };
}

/** The host's undo and redo steps, kept across reloads and restarts, for a new window's history. */
export async function keptHistory(ctx: EditContext): Promise<{ undo: Reversible[]; redo: Reversible[] }> {
  const stack = await ctx.api.call('command.stack');
  return { undo: stack.undo.map((s) => keptStep(ctx, s.runId, s.label)), redo: stack.redo.map((s) => keptStep(ctx, s.runId, s.label)) };
}

/** For commands that always change something: a null answer would mean the host and window disagree. */
export async function hostStepOrThrow(ctx: EditContext, command: AppRequestArgs<'command.run'>): Promise<HostStep> {
  const step = await hostStep(ctx, command);
  if (!step) throw new Error('The store changed nothing.');
  return step;
}
