// Process: benchmark (Node). The insights as the window gets them from a host: from a real store file on disk,
// in the host's worker thread, while the host's event loop goes on answering. What the host's thread loses while
// the first computation runs (worked out there, or in the worker); when the figures are ready after the host has
// warmed; and the panel's answer after an edit, once the worker is warm.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreService } from '../../electron/store/store-service.ts';
import { lastYear } from '../../shared/insights/insight-input.ts';
import type { SampleSphere } from '../../shared/sample-sphere.ts';
import { fillStore, sphereDatabase } from '../support/fill-store.ts';

export type InsightsHostFigures = {
  /** The same measure with nothing to do: how late a 1 ms timer fires on this machine anyway. */
  stallIdleMs: number;
  /** The host thread's longest stall while the first computation runs: worked out on it, and in the worker. */
  stallHereMs: number;
  stallWorkerMs: number;
  /** The host thread's own CPU time over that first answer from the worker: its share of the work, whatever the
   * machine's load does to the stall (a busy machine leaves the thread waiting for a core). */
  hostCpuWorkerMs: number;
  /** The first answer from a cold worker: its start, reading the whole file, computing, the answer's transfer. */
  firstAskWorkerMs: number;
  /** From warm() having resolved to the figures being ready (the worker works them out meanwhile). */
  readyAfterWarmMs: number;
  /** The panel opened once they are: the kept answer. */
  panelAfterWarmMs: number;
  /** The panel's answer after a touch is logged (another connection), from the warm worker. */
  afterEditMs: number;
  /** The same after a new tie: the one edit that makes the worker work the network centrality out again. */
  afterTieMs: number;
};

const WORKER = new URL('../../electron/store/insights-worker.ts', import.meta.url);

/** The longest gap between 1 ms timer ticks while `work` runs, and a little after, so a late tick is seen. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const t = performance.now();
    longest = Math.max(longest, t - last);
    last = t;
  }, 1);
  await work();
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(timer);
  return longest;
}

export async function runInsightsHostBench(docs: SampleSphere, now: number, log?: (line: string) => void): Promise<InsightsHostFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-insights-bench-'));
  try {
    log?.('insights: filling a store file with the same sphere');
    await fillStore(dataDir, docs);
    const period = lastYear(now);

    const stallIdleMs = await longestStall(() => new Promise((resolve) => setTimeout(resolve, 500)));

    // Worked out on the host's thread, from documents it already holds (warm() parsed them), as before the worker.
    const here = new StoreService(dataDir, { clock: () => now });
    await here.warm();
    const stallHereMs = await longestStall(() => here.insights({ period, now }));
    here.close();

    // In a worker that has not run yet: it starts, reads the file and computes while the host's thread is free.
    const cold = new StoreService(dataDir, { insightsWorker: WORKER, clock: () => now });
    await cold.ready();
    let firstAskWorkerMs = 0;
    let hostCpuWorkerMs = 0;
    const threadCpu = () => {
      const used = process.threadCpuUsage();
      return (used.user + used.system) / 1000;
    };
    const stallWorkerMs = await longestStall(async () => {
      const start = performance.now();
      const cpuStart = threadCpu();
      await cold.insights({ period, now });
      hostCpuWorkerMs = threadCpu() - cpuStart;
      firstAskWorkerMs = performance.now() - start;
    });
    cold.close();

    // As a host runs: warm() starts the panel's first question in the worker.
    const host = new StoreService(dataDir, { insightsWorker: WORKER, clock: () => now });
    await host.warm();
    let start = performance.now();
    await host.insights({ period, now });
    const readyAfterWarmMs = performance.now() - start;
    start = performance.now();
    await host.insights({ period, now });
    const panelAfterWarmMs = performance.now() - start;

    // A call is logged through another connection (as the import command or a second host would write).
    const other = new StoreService(dataDir);
    const db = await sphereDatabase(other);
    const someone = docs.contacts[0]!;
    await db.touches.insert({ id: 'bench-edit-touch', contactId: someone.id, kind: 'call', direction: 'outbound', at: now, createdAt: now, updatedBy: 'bench' });
    start = performance.now();
    await host.insights({ period, now });
    const afterEditMs = performance.now() - start;
    // A referral between two people not yet tied: the ties change, so centrality is not reused.
    const [a, b] = [docs.contacts[1]!, docs.contacts[docs.contacts.length - 1]!];
    await db.ties.insert({ id: 'bench-edit-tie', from: a.id, to: b.id, kind: 'referral', at: now, createdAt: now, updatedAt: now, updatedBy: 'bench' });
    start = performance.now();
    await host.insights({ period, now });
    const afterTieMs = performance.now() - start;
    await db.close();
    other.close();
    host.close();
    return { stallIdleMs, stallHereMs, stallWorkerMs, hostCpuWorkerMs, firstAskWorkerMs, readyAfterWarmMs, panelAfterWarmMs, afterEditMs, afterTieMs };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
