// Process: dev tool (Node). The stages of `npm test`, each a real command, and the one-line summary CI reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

export type Tally = { passed: number; failed: number; skipped: number };
export const emptyTally = (): Tally => ({ passed: 0, failed: 0, skipped: 0 });

export function stage(name: string, run: () => boolean): boolean {
  console.log(`\n━━ ${name}`);
  const started = performance.now();
  const ok = run();
  console.log(`━━ ${name}: ${ok ? 'ok' : 'FAILED'} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

export function command(file: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const result = spawnSync(file, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  return result.status === 0;
}

export const typecheck = () => command(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
export const lint = () => command(bin('eslint'), ['.']);
export const build = () => command(process.execPath, [path.join(root, 'scripts', 'build.ts')]);
/** electron-builder --dir on the fresh build, held to what may ship (scripts/package-check.ts); a few seconds. */
export const packageCheck = () => command(process.execPath, [path.join(root, 'scripts', 'package-check.ts')]);

/** Runs Vitest with a JSON report and adds its counts to the tally; the report, not the exit code alone, is the truth. */
export function vitest(config: string, tally: Tally, env: NodeJS.ProcessEnv = {}): boolean {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-report-')), 'report.json');
  const ok = command(bin('vitest'), ['run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile=${report}`], env);
  if (!fs.existsSync(report)) {
    console.log(`no report from vitest (${config}): counted as one failure`);
    tally.failed += 1;
    return false;
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numTotalTestSuites: number; numFailedTestSuites: number };
  tally.passed += json.numPassedTests;
  tally.failed += json.numFailedTests + (json.numFailedTests === 0 && !ok ? 1 : 0);
  tally.skipped += json.numPendingTests + json.numTodoTests;
  return ok;
}

export function summary(tally: Tally): string {
  return `${tally.passed} passed, ${tally.failed} failed${tally.skipped > 0 ? `, ${tally.skipped} skipped` : ''}`;
}
