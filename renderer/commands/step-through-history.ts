// Process: renderer. What undo and redo share: one step through the history, told to the user.
import type { CommandContext } from './command.ts';

export async function stepThroughHistory(app: CommandContext, step: () => Promise<string | undefined>, verb: 'Undid' | 'Redid'): Promise<void> {
  try {
    const label = await step();
    if (label) app.say(`${verb} ${label}`);
  } catch (err) {
    app.say(`Could not ${verb === 'Undid' ? 'undo' : 'redo'}: ${(err as Error).message}`);
  }
}
