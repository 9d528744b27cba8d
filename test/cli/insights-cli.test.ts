// Process: test (Node). `npm run cli -- insights --json` as a script runs it: the real `node cli/main.ts` on a
// sample sphere, its figures the same as the shared computation over what the store file holds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedDocs } from '../e2e/stored.ts';
import { computeInsights, insightsJson } from '../../shared/insights/insights.ts';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import type { ContactDoc, DealDoc, TieDoc, TouchDoc } from '../../shared/schemas/index.ts';

const MAIN = path.resolve('cli/main.ts');
const cli = (args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('npm run cli -- insights', () => {
  it('prints every figure as one JSON document, as the shared code computes it from the store', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-cli-insights-'));
    expect(cli(['sample', '--contacts', '400', '--seed', '7', '--data-dir', dataDir]).status).toBe(0);
    const run = cli(['insights', '--json', '--from', '2020-01-01', '--to', '2030-12-31', '--data-dir', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const printed = JSON.parse(run.stdout) as Record<string, unknown>;
    const docs = {
      contacts: storedDocs<ContactDoc>(dataDir, 'contacts'),
      ties: storedDocs<TieDoc>(dataDir, 'ties'),
      touches: storedDocs<TouchDoc>(dataDir, 'touches'),
      deals: storedDocs<DealDoc>(dataDir, 'deals'),
    };
    const from = Date.UTC(2020, 0, 1);
    const to = Date.UTC(2030, 11, 31) + 86_400_000 - 1;
    const expected = insightsJson(computeInsights(docs, { now: Date.now(), period: { from, to }, lifeCycle: DEFAULT_SETTINGS.lifeCycle, baseCurrency: 'USD' }));
    for (const key of ['pareto', 'funnel', 'matrix', 'referrers'] as const) expect(printed[key]).toEqual(expected[key]);
    const pareto = printed.pareto as { customers: number; members: string[]; share: number };
    expect(pareto.customers).toBeGreaterThan(10);
    expect(pareto.share).toBeCloseTo(pareto.members.length / pareto.customers);
    expect(printed.matrix).toHaveLength(20);
    expect((printed.influence as unknown[]).length).toBeGreaterThan(0);
  });

  it('refuses a day that is not a day, and a period that ends before it starts', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-cli-insights-bad-'));
    const bad = cli(['insights', '--from', '2025-02-30', '--data-dir', dataDir]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--from is a day as YYYY-MM-DD/);
    const backwards = cli(['insights', '--from', '2025-03-01', '--to', '2025-01-01', '--data-dir', dataDir]);
    expect(backwards.status).toBe(2);
    expect(backwards.stderr).toMatch(/--from is after --to/);
  });
});
