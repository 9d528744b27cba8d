// Process: command line (Node). `npm run cli -- <command> [options]`: works on a data folder (`--data-dir`, by
// default the app's) whether the app is open or not. Prints one line of JSON on success; on failure one line
// saying why, and a non-zero exit code (2: the command line was wrong; 1: the command could not be done).
import { defaultDataDir } from '../electron/data-dir.ts';
import { StoreService } from '../electron/store/store-service.ts';
import { CliError, type CliContext, type OpenStore } from './cli-command.ts';
import { CLI_COMMANDS } from './commands/index.ts';

const USAGE = [
  'Usage: npm run cli -- <command> [options]',
  '',
  'Commands:',
  ...CLI_COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary}`),
  '',
  'Options for every command:',
  '  --data-dir DIR  the data folder to work on (default: the app\'s own)',
  '  --help          what a command does and its options: npm run cli -- <command> --help',
].join('\n');

/** The reason on one line, short enough to read: a multi-line message would break scripts reading stderr. */
function oneLine(text: string): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 497)}...` : line || 'unknown error';
}

/** `--data-dir` may come before or after the command's name; it is taken out before the command parses the rest. */
function takeDataDir(argv: string[]): { dataDir: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--data-dir') {
      const value = argv[i + 1];
      if (value === undefined || value === '') throw new CliError('--data-dir needs a folder', 2);
      dataDir = value;
      i++;
    } else if (arg.startsWith('--data-dir=')) {
      dataDir = arg.slice('--data-dir='.length);
      if (!dataDir) throw new CliError('--data-dir needs a folder', 2);
    } else rest.push(arg);
  }
  return { dataDir, rest };
}

async function main(argv: string[]): Promise<{ out: string; code: 0 }> {
  const { dataDir: given, rest } = takeDataDir(argv);
  const [name, ...args] = rest;
  if (name === undefined) throw new CliError('which command? npm run cli -- --help lists them', 2);
  if (name === '--help' || name === '-h' || name === 'help') return { out: USAGE, code: 0 };
  const command = CLI_COMMANDS.find((c) => c.name === name);
  if (!command) throw new CliError(`unknown command ${JSON.stringify(name.slice(0, 40))}; the commands are ${CLI_COMMANDS.map((c) => c.name).join(', ')} (npm run cli -- --help)`, 2);
  if (args.includes('--help') || args.includes('-h')) return { out: command.usage, code: 0 };

  const dataDir = given ?? defaultDataDir();
  let opened: OpenStore | undefined;
  const ctx: CliContext = {
    dataDir,
    async openStore() {
      if (opened) return opened;
      // The app's own permissions for what it makes in the data folder: the user's alone.
      process.umask(0o077);
      const store = new StoreService(dataDir, { log: (line) => process.stderr.isTTY && process.stderr.write(`${line}\n`) });
      opened = { store, commands: store.commands };
      await store.ready();
      const refusal = store.refusal();
      if (refusal) throw new CliError(refusal);
      return opened;
    },
    progress(done, total) {
      // Only for a person watching: scripts read stdout's one line, and a log of progress lines helps nobody.
      if (process.stderr.isTTY) process.stderr.write(`\r${done} of ${total}${done >= total ? '\n' : ''}`);
    },
  };
  try {
    const summary = await command.run(args, ctx);
    return { out: JSON.stringify(summary), code: 0 };
  } finally {
    opened?.store.close();
  }
}

try {
  const { out, code } = await main(process.argv.slice(2));
  process.stdout.write(`${out}\n`);
  process.exit(code);
} catch (err) {
  // parseArgs reports an unknown or malformed option with a TypeError and an ERR_PARSE_ARGS_ code.
  const usage = err instanceof CliError ? err.exitCode === 2 : (err as { code?: unknown })?.code?.toString().startsWith('ERR_PARSE_ARGS') === true;
  process.stderr.write(`sphere: ${oneLine(err instanceof Error ? err.message : String(err))}\n`);
  process.exit(err instanceof CliError ? err.exitCode : usage ? 2 : 1);
}
