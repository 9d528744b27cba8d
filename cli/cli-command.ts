// Process: command line (Node). The shape every command of `npm run cli` has: its own module under
// cli/commands/, its own options, and a one-line JSON summary on success (cli/main.ts prints it).
import type { StoreService } from '../electron/store/store-service.ts';

/** The store a command works on: the host's own store code on the data folder (a second connection is fine). */
export type OpenStore = StoreService;

export type CliCommand = {
  name: string;                 // 'import'
  summary: string;              // one line for `--help`
  usage: string;                // full `<command> --help` text
  /** Parsed with node:util parseArgs by the command itself; returns the one-line JSON summary object. Throws CliError(reason) for a one-line failure. */
  run(args: string[], ctx: CliContext): Promise<Record<string, unknown>>;
};
export type CliContext = { dataDir: string; openStore(): Promise<OpenStore>; progress(done: number, total: number): void };

/** A failure the user can act on, printed as one line; the process exits non-zero. */
export class CliError extends Error {
  override name = 'CliError';
}
