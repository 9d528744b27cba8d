// Process: test (Node). `npm run cli` as a user runs it: the real `node cli/main.ts` in a child process on a
// throw-away data folder. Exit codes, one JSON line on success, one line of reason on failure, refusals, fuzzed
// arguments, and a host open on the same folder seeing what the command line wrote.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../shared/schemas/index.ts';
import { hostForTest } from '../support/host-api.ts';

const MAIN = path.resolve('cli/main.ts');
const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `sphere-cli-${name}-`));

type Run = { code: number | null; stdout: string; stderr: string };

function cli(args: string[], cwd = os.tmpdir()): Run {
  const run = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The same, without blocking this process: a host running in it must go on answering meanwhile. */
function cliAsync(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Success: exit 0, exactly one line on stdout, which is a JSON object; nothing on stderr. */
function ok(run: Run): Record<string, unknown> {
  expect(run.stderr, run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout.endsWith('\n') && run.stdout.indexOf('\n') === run.stdout.length - 1).toBe(true);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** Failure: a non-zero exit, nothing on stdout, one line on stderr. */
function failed(run: Run, code: number): string {
  expect(run.stdout).toBe('');
  expect(run.code).toBe(code);
  expect(run.stderr.split('\n')).toHaveLength(2);
  expect(run.stderr.endsWith('\n')).toBe(true);
  return run.stderr.trim();
}

describe('npm run cli', () => {
  it('says what it can do, for itself and for each command', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['export', 'restore', 'backup', 'sample']) {
      expect(help.stdout).toContain(`  ${name}`);
      const usage = cli([name, '--help']);
      expect(usage.code).toBe(0);
      expect(usage.stdout).toContain(`npm run cli -- ${name}`);
    }
    expect(failed(cli(['frobnicate']), 2)).toMatch(/unknown command "frobnicate"/);
    expect(failed(cli([]), 2)).toMatch(/which command\?/);
  });

  it('fills an empty store with a sample, refuses one that holds data, exports every format and backs up', () => {
    const dataDir = tempDir('sample');
    const out = tempDir('out');
    expect(ok(cli(['sample', '--contacts', '40', '--seed', '3', '--data-dir', dataDir]))).toMatchObject({ contacts: 40, seed: 3 });
    expect(failed(cli(['sample', '--data-dir', dataDir]), 1)).toMatch(/already holds data \(40 contacts/);
    for (const format of ['csv', 'vcard', 'gexf', 'graphml', 'json']) {
      const file = path.join(out, `sphere.${format}`);
      const summary = ok(cli(['export', '--format', format, '--out', file, '--data-dir', dataDir]));
      expect(summary).toMatchObject({ format, file, contacts: 40, bytes: fs.statSync(file).size });
    }
    expect(fs.readFileSync(path.join(out, 'sphere.vcard'), 'utf8').match(/BEGIN:VCARD/g)).toHaveLength(40);
    // An export never replaces a file unless asked to.
    expect(failed(cli(['export', '--format', 'csv', '--out', path.join(out, 'sphere.csv'), '--data-dir', dataDir]), 1)).toMatch(/already exists \(add --force/);
    expect(ok(cli(['export', '--format', 'csv', '--out', path.join(out, 'sphere.csv'), '--force', '--data-dir', dataDir])).format).toBe('csv');
    expect(failed(cli(['export', '--format', 'pdf', '--out', 'x', '--data-dir', dataDir]), 2)).toMatch(/--format is one of csv, vcard, gexf, graphml, json, not "pdf"/);

    // A mistyped folder is said, not made into a new empty sphere.
    const typo = path.join(dataDir, 'no-such-folder');
    expect(failed(cli(['export', '--format', 'csv', '--out', path.join(out, 'typo.csv'), '--data-dir', typo]), 1)).toMatch(/there is no sphere in .*no-such-folder/);
    expect(failed(cli(['backup', '--data-dir', typo]), 1)).toMatch(/there is no sphere/);
    expect(fs.existsSync(typo)).toBe(false);

    const backup = ok(cli(['backup', '--data-dir', dataDir]));
    expect(fs.existsSync(backup.file as string)).toBe(true);
    expect(path.dirname(backup.file as string)).toBe(path.join(dataDir, 'backups'));
  });

  it('restores a JSON export into an empty store identically, merges without duplicates, and refuses a newer backup', () => {
    const from = tempDir('from');
    const into = tempDir('into');
    const out = tempDir('json');
    ok(cli(['sample', '--contacts', '30', '--data-dir', from]));
    ok(cli(['export', '--format', 'json', '--out', path.join(out, 'a.json'), '--data-dir', from]));
    expect(ok(cli(['restore', path.join(out, 'a.json'), '--data-dir', into]))).toMatchObject({ merge: false, changed: true, label: expect.stringMatching(/^restore the backup of/) });
    ok(cli(['export', '--format', 'json', '--out', path.join(out, 'b.json'), '--data-dir', into]));
    const a = JSON.parse(fs.readFileSync(path.join(out, 'a.json'), 'utf8'));
    const b = JSON.parse(fs.readFileSync(path.join(out, 'b.json'), 'utf8'));
    expect(b.collections).toEqual(a.collections);

    expect(failed(cli(['restore', path.join(out, 'a.json'), '--data-dir', into]), 1)).toMatch(/not empty .*merge/);
    expect(ok(cli(['restore', path.join(out, 'a.json'), '--merge', '--data-dir', into]))).toMatchObject({ merge: true, changed: false });

    const newer = { ...a, collections: { ...a.collections, contacts: { ...a.collections.contacts, schemaVersion: COLLECTIONS.contacts.schema.version + 1 } } };
    fs.writeFileSync(path.join(out, 'newer.json'), JSON.stringify(newer));
    expect(failed(cli(['restore', path.join(out, 'newer.json'), '--merge', '--data-dir', into]), 1)).toMatch(/newer version of Sphere/);
    fs.writeFileSync(path.join(out, 'broken.json'), '{"format": "sphere-backup", ');
    expect(failed(cli(['restore', path.join(out, 'broken.json'), '--data-dir', into]), 1)).toMatch(/is not a JSON backup/);
    expect(failed(cli(['restore', path.join(out, 'missing.json'), '--data-dir', into]), 1)).toMatch(/there is no file/);
  });

  it('never crashes on arguments it does not expect: one line of reason, or one line of JSON', () => {
    const dataDir = tempDir('fuzz');
    const cwd = tempDir('fuzz-cwd');
    // Words the commands know, and arbitrary text that is no path outside the throw-away folder.
    const word = fc.oneof(
      fc.constantFrom('export', 'restore', 'backup', 'sample', '--format', 'csv', 'json', 'gexf', '--out', 'out.txt', '--merge', '--contacts', '--seed', '--force', '-h', '--', '0', '-1', '99999999999', '1e3'),
      fc.string({ maxLength: 12 }).filter((s) => !/[/\\]/.test(s) && !s.startsWith('--data-dir') && !s.includes('\0')),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (args) => {
        const run = cli(['--data-dir', dataDir, ...args], cwd);
        expect([0, 1, 2]).toContain(run.code);
        if (run.code === 0 && !args.includes('--help') && !args.includes('-h') && !args.includes('help')) {
          expect(run.stdout.trim().split('\n')).toHaveLength(1);
          expect(() => JSON.parse(run.stdout)).not.toThrow();
        }
        if (run.code !== 0) {
          expect(run.stdout).toBe('');
          expect(run.stderr.trim().split('\n')).toHaveLength(1);
          expect(run.stderr).not.toMatch(/\n\s+at /);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('writes a store a host has open, and the host sees the change live', async () => {
    const host = await hostForTest('cli-open');
    try {
      const seen: number[] = [];
      const sub = host.db.contacts.count().$.subscribe((n) => seen.push(n));
      const run = await cliAsync(['sample', '--contacts', '25', '--data-dir', host.dataDir]);
      expect(ok(run)).toMatchObject({ contacts: 25 });
      await expect.poll(() => seen.at(-1), { timeout: 15_000 }).toBe(25);
      sub.unsubscribe();
      // And what the host then writes, the command line reads.
      await host.api.call('command.run', { type: 'contact.add', contact: { name: 'Added In The App', category: 'friends', ring: 'like', emails: [], phones: [] } });
      const out = path.join(tempDir('open-out'), 'c.csv');
      expect(ok(await cliAsync(['export', '--format', 'csv', '--out', out, '--data-dir', host.dataDir]))).toMatchObject({ contacts: 26 });
      expect(fs.readFileSync(out, 'utf8')).toContain('Added In The,,App');
    } finally {
      await host.close();
    }
  });
});
