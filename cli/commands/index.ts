// Process: command line (Node). Every command `npm run cli` knows, in the order `--help` lists them.
import type { CliCommand } from '../cli-command.ts';
import backup from './backup.ts';
import exportCommand from './export.ts';
import { importCommand } from './import.ts';
import insights from './insights.ts';
import restore from './restore.ts';
import sample from './sample.ts';

export const CLI_COMMANDS: readonly CliCommand[] = [
  importCommand,
  exportCommand,
  restore,
  backup,
  sample,
  insights,
];
