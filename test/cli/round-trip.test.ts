// Process: test (Node). Leaving and coming back: the sphere exported by `npm run cli -- export` and imported into
// an empty store by `npm run cli -- import` is the same people with the same fields (CSV and vCard).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedDocs } from '../e2e/stored.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';

const MAIN = path.resolve('cli/main.ts');
const cli = (args: string[]) => {
  const run = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
};
const temp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `sphere-round-${name}-`));

/** What a person is, apart from ids and clocks: the fields a contacts file carries. */
const person = (c: ContactDoc) => ({
  name: c.name,
  organisation: c.organisation ?? null,
  title: c.title ?? null,
  emails: [...c.emails].sort(),
  // Phones come back normalised to E.164 ("+1 555 675 5993" → "+15556755993"): the same numbers.
  phones: c.phones.map((p) => p.replace(/[^+\d]/g, '')).sort(),
  category: c.category,
  ring: c.ring,
});
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

describe('export then import into an empty store', () => {
  for (const format of ['csv', 'vcard'] as const) {
    it(`gives the same people and fields (${format})`, () => {
      const source = temp(`${format}-from`);
      cli(['sample', '--contacts', '80', '--seed', '11', '--data-dir', source]);
      const file = path.join(temp(`${format}-file`), `sphere.${format === 'csv' ? 'csv' : 'vcf'}`);
      cli(['export', '--format', format, '--out', file, '--data-dir', source]);
      const target = temp(`${format}-to`);
      const summary = cli(['import', file, '--duplicates', 'keep', '--data-dir', target]);
      const before = storedDocs<ContactDoc>(source, 'contacts').map(person).sort(byName);
      const after = storedDocs<ContactDoc>(target, 'contacts').map(person).sort(byName);
      expect(summary.imported).toBe(before.length);
      expect(after).toEqual(before);
    });
  }
});
