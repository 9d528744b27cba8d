// Process: command line (Node). The commands' shared way of reading their options: node:util's parseArgs, strict,
// with its errors turned into one-line usage failures that name the command.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-command.ts';

export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: O, positionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
  } catch (err) {
    throw new CliError(`${command}: ${(err as Error).message.split('\n')[0]} (npm run cli -- ${command} --help)`, 2);
  }
  if (parsed.positionals.length > positionals) throw new CliError(`${command}: unexpected ${JSON.stringify(parsed.positionals[positionals]!.slice(0, 60))} (npm run cli -- ${command} --help)`, 2);
  return parsed;
}

/** A whole number option within bounds, or a usage failure naming it. */
export function wholeNumber(command: string, option: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) throw new CliError(`${command}: --${option} is a whole number from ${min} to ${max}, not ${JSON.stringify(value.slice(0, 40))}`, 2);
  return n;
}
