// Process: main or browser host (Node). Insights for the window and the command line, computed from the store,
// never in the renderer: at 10,000 contacts they take longer than a frame. A host that can gives the work to a
// worker thread (insights-worker.ts, reading the file with its own connection), so its event loop, which answers
// every window, never holds still for them (the first computation took about 0.4 s of it); the command line,
// and Electron without its bundled worker, compute here. An answer is kept until the store changes (its change
// stamp) or another period is asked for.
import { computeInsights, type Insights } from '../../shared/insights/insights.ts';
import { lastYear, type InsightDocs, type Period } from '../../shared/insights/insight-input.ts';
import { COLLECTIONS, DATABASE_NAME, type ContactDoc, type DealDoc, type TieDoc, type TouchDoc } from '../../shared/schemas/index.ts';
import { DEFAULT_SETTINGS, SETTINGS_ID, type SettingsDoc } from '../../shared/schemas/settings.ts';
import type { RxStorageSqlite } from './sqlite-storage.ts';
import { storeWorker } from './store-worker.ts';

export type InsightsRequest = { period: Period; now?: number };

/** Every live document and the settings, as of now. */
export function readSphere(raw: RxStorageSqlite): { docs: InsightDocs; settings: SettingsDoc } {
  const of = <K extends keyof typeof COLLECTIONS>(name: K) => raw.liveDocuments(DATABASE_NAME, name, COLLECTIONS[name].schema.version);
  const stored = (of('settings') as SettingsDoc[]).find((s) => s.id === SETTINGS_ID);
  return {
    docs: { contacts: of('contacts') as ContactDoc[], ties: of('ties') as TieDoc[], touches: of('touches') as TouchDoc[], deals: of('deals') as DealDoc[] },
    settings: { ...DEFAULT_SETTINGS, ...stored },
  };
}

export function insightsOf(docs: InsightDocs, settings: SettingsDoc, request: InsightsRequest): Insights {
  return computeInsights(docs, { now: request.now ?? Date.now(), period: request.period, lifeCycle: settings.lifeCycle, baseCurrency: settings.baseCurrency });
}

/**
 * Both ends to the minute: a period that ends "now" moves with the clock, and the panel and the detail panel ask
 * for "the last 12 months" a few seconds apart; a minute's slack keeps them to one computation.
 */
function periodKey(period: Period): string {
  return `${Math.floor(period.from / 60_000)}:${Math.floor(period.to / 60_000)}`;
}

/** An answer holds for the store's change stamp and the period. */
function answerKey(stamp: string, period: Period): string {
  return `${stamp}:${periodKey(period)}`;
}

export type InsightsService = {
  insights(request: InsightsRequest): Promise<Insights>;
  /** With a worker: works out the panel's first question (the last 12 months) ahead of it, and warms the worker. */
  prepare(now?: number): void;
  /** How many times the figures were worked out (here or in the worker), for tests. */
  readonly computed: number;
  close(): void;
};

/** What the insights worker is asked: the period, and whether the store is another generation (a restore). */
export type InsightsJob = { request: Required<InsightsRequest>; fresh: boolean };

/** `worker`: the worker script's location; `file`: the store file it reads. Without them, computed here. */
export function insightsService(
  storage: () => RxStorageSqlite,
  options: { worker?: URL | string; file?: string; log?: (line: string) => void } = {},
): InsightsService {
  let worker = options.worker && options.file ? storeWorker<InsightsJob, Insights>(options.worker, options.file, 'insights') : null;
  /** The store generation the kept answer is of, and the one the worker last read (a restore makes a new one). */
  let builtFor: RxStorageSqlite | null = null;
  let sentFor: RxStorageSqlite | null = null;
  let last: { key: string; answer: Promise<Insights> } | null = null;
  /**
   * One computation at a time. Asks made while one runs wait, one per period, and share the computation that
   * starts next, made from the store as it is then: a window with the panel open asks again at every change, and
   * a first sync brings hundreds of changes; each would otherwise queue a computation of its own.
   */
  let running: Promise<unknown> = Promise.resolve();
  const waiting = new Map<string, Promise<Insights>>();
  let closed = false;
  let computed = 0;
  const compute = async (request: Required<InsightsRequest>): Promise<Insights> => {
    if (closed) throw new Error('the store was closed');
    computed++;
    const raw = storage();
    const fresh = raw !== sentFor;
    sentFor = raw;
    if (worker) {
      try {
        return await worker.ask({ request, fresh });
      } catch (err) {
        if (closed) throw err;
        // A worker that cannot run (a packaging fault, a crash) must not cost the window its figures.
        options.log?.(`the insights worker failed, working them out here instead: ${(err as Error).message}`);
        worker?.close();
        worker = null;
      }
    }
    const { docs, settings } = readSphere(raw);
    return insightsOf(docs, settings, request);
  };
  const service: InsightsService = {
    insights(request) {
      const raw = storage();
      if (raw !== builtFor) {
        builtFor = raw;
        last = null;
      }
      const stamp = raw.changeStamp(DATABASE_NAME);
      const key = stamp === null ? null : answerKey(stamp, request.period);
      if (last && key !== null && last.key === key) return last.answer;
      const period = periodKey(request.period);
      let answer = waiting.get(period);
      if (!answer) {
        const full = { period: request.period, now: request.now ?? Date.now() };
        const next = running.then(() => {
          waiting.delete(period);
          return compute(full);
        });
        waiting.set(period, next);
        running = next.catch(() => {});
        answer = next;
      }
      if (key !== null) {
        const kept = { key, answer };
        last = kept;
        // A failed answer is not kept: the next ask tries again.
        answer.catch(() => {
          if (last === kept) last = null;
        });
      }
      return answer;
    },
    prepare(now = Date.now()) {
      // Here, it would hold this thread still for as long as the worker is there to spare it.
      if (!worker || closed) return;
      service.insights({ period: lastYear(now), now }).catch((err: Error) => {
        if (!closed) options.log?.(`working out the insights ahead failed: ${err.message}`);
      });
    },
    get computed() {
      return computed;
    },
    close() {
      closed = true;
      worker?.close();
    },
  };
  return service;
}
