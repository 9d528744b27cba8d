// Process: test (Node). `npm run cli -- import` as a user runs it: the real `node cli/main.ts` on a fixture file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedDocs } from '../e2e/stored.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';

const MAIN = path.resolve('cli/main.ts');
const cli = (args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('npm run cli -- import', () => {
  it('imports a Google CSV into the store and prints the one-line summary; the same file again merges', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-cli-import-'));
    const file = path.resolve('test/fixtures/import/google-current.csv');
    const first = cli(['import', file, '--category', 'friends', '--ring', 'like', '--data-dir', dataDir]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const summary = JSON.parse(first.stdout) as { imported: number; merged: number; skipped: number; errors: { line: number; reason: string }[] };
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(['imported', 'merged', 'skipped', 'errors']));
    expect(summary.imported).toBeGreaterThan(0);
    const stored = storedDocs<ContactDoc>(dataDir, 'contacts');
    expect(stored).toHaveLength(summary.imported);
    expect(stored.every((c) => c.category === 'friends' && c.ring === 'like')).toBe(true);
    const again = JSON.parse(cli(['import', file, '--duplicates', 'merge', '--data-dir', dataDir]).stdout) as typeof summary;
    expect(again.imported).toBe(0);
    expect(storedDocs<ContactDoc>(dataDir, 'contacts')).toHaveLength(summary.imported);
  });

  it('refuses a file that is not there with one line and exit 1', () => {
    const run = cli(['import', '/nonexistent/file.csv', '--data-dir', fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-cli-import-none-'))]);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
