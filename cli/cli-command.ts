// Process: command line (Node). The shape of every `npm run cli -- <command>`: each command is one module
// exporting one of these, listed in cli/commands/index.ts; cli/main.ts parses the shared options, opens the
// store and prints the one-line result or reason.
import type { CommandRunner } from '../electron/store/command-runner.ts';
import type { StoreService } from '../electron/store/store-service.ts';

export type CliCommand = {
  name: string;                 // 'import'
  summary: string;              // one line for `--help`
  usage: string;                // full `<command> --help` text
  /** Parsed with node:util parseArgs by the command itself; returns the one-line JSON summary object. Throws CliError(reason) for a one-line failure. */
  run(args: string[], ctx: CliContext): Promise<Record<string, unknown>>;
};
export type CliContext = { dataDir: string; openStore(): Promise<OpenStore>; progress(done: number, total: number): void };

/**
 * The store as the app's host opens it: the same StoreService (a second connection to the file is fine, and the
 * commit log makes an open window see what the command line writes) and its CommandRunner, which runs domain
 * commands in one transaction each. cli/main.ts closes it when the command is done.
 */
export type OpenStore = { store: StoreService; commands: CommandRunner };

/** A failure the user can act on, printed as one line; `exitCode` 2 means the command line itself was wrong. */
export class CliError extends Error {
  override name = 'CliError';
  readonly exitCode: number;

  constructor(reason: string, exitCode = 1) {
    super(reason);
    this.exitCode = exitCode;
  }
}
