// Process: command line (Node). A file written whole or not at all: a crash or a full disk never leaves half an
// export where the user asked for one (nor a truncated copy of a file that was there).
import fs from 'node:fs';
import path from 'node:path';
import { CliError } from './cli-command.ts';

export function writeWhole(file: string, text: string, overwrite: boolean): { file: string; bytes: number } {
  const target = path.resolve(file);
  if (!overwrite && fs.existsSync(target)) throw new CliError(`${target} already exists (add --force to replace it)`);
  if (!fs.existsSync(path.dirname(target))) throw new CliError(`the folder ${path.dirname(target)} does not exist`);
  const partial = `${target}.${process.pid}.partial`;
  try {
    fs.writeFileSync(partial, text, { flush: true });
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw new CliError(`cannot write ${target}: ${(err as Error).message}`);
  }
  return { file: target, bytes: Buffer.byteLength(text) };
}
