// Process: command line (Node). Every command of `npm run cli`, in one list; each engineer adds their own line.
import type { CliCommand } from '../cli-command.ts';
import { importCommand } from './import.ts';

export const CLI_COMMANDS: readonly CliCommand[] = [
  importCommand,
];
