// Process: test (Node). A few of issue 12's kill trials on every `npm test` (the full counts: `npm run test:kills`):
// writers and the browser host SIGKILLed mid-write lose no acknowledged write; kills mid-backup never leave a
// listed backup that is not whole.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupTrials, hostTrials, writerTrials } from '../support/kill-trials.ts';

// scripts/host.ts serves the built renderer; `npm test` builds before the unit tests run.
const built = fs.existsSync(path.join(import.meta.dirname, '..', '..', 'dist', 'renderer', 'index.html'));

describe('kills at random moments', () => {
  it('lose none of a killed writer\'s acknowledged writes, 5 kills', async () => {
    const figures = await writerTrials(5);
    expect(figures.acknowledged).toBeGreaterThan(0);
    expect(figures).toMatchObject({ lost: 0, integrityFailures: 0 });
  });

  it.skipIf(!built)('lose none of the browser host\'s acknowledged writes over its socket, 3 kills (skipped when the renderer is not built)', async () => {
    const figures = await hostTrials(3);
    expect(figures.acknowledged).toBeGreaterThan(0);
    expect(figures).toMatchObject({ lost: 0, integrityFailures: 0 });
  });

  it('never list a partial backup, 5 kills during backups', async () => {
    const figures = await backupTrials(5, { contacts: 600 });
    expect(figures.listedChecked).toBeGreaterThan(0);
    expect(figures.partialListed).toBe(0);
  });
});
