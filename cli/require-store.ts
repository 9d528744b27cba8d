// Process: command line (Node). Commands that read a sphere refuse a folder that holds none: a mistyped
// --data-dir would otherwise be made into a new, empty store and exported as an empty file without a word.
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_NAME } from '../shared/schemas/index.ts';
import { CliError } from './cli-command.ts';

export function requireStore(command: string, dataDir: string): void {
  const file = path.join(path.resolve(dataDir), `${DATABASE_NAME}.db`);
  if (!fs.existsSync(file)) throw new CliError(`${command}: there is no sphere in ${path.resolve(dataDir)} (no ${path.basename(file)}); check --data-dir`);
}
