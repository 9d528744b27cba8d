// Process: main or browser host (Node). Insights for the window and the command line, computed here from the
// documents this host already holds, never in the renderer: at 10,000 contacts they take longer than a frame.
// The answer is kept until the store changes (its change stamp) or another period is asked for.
import { computeInsights, type Insights } from '../../shared/insights/insights.ts';
import type { InsightDocs, Period } from '../../shared/insights/insight-input.ts';
import { COLLECTIONS, DATABASE_NAME, type ContactDoc, type DealDoc, type TieDoc, type TouchDoc } from '../../shared/schemas/index.ts';
import { DEFAULT_SETTINGS, SETTINGS_ID, type SettingsDoc } from '../../shared/schemas/settings.ts';
import type { RxStorageSqlite } from './sqlite-storage.ts';

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

export function insightsMaker(storage: () => RxStorageSqlite): (request: InsightsRequest) => Insights {
  let last: { key: string; insights: Insights } | null = null;
  return (request) => {
    const raw = storage();
    const stamp = raw.changeStamp(DATABASE_NAME);
    // A period that ends "now" moves with the clock; a minute's slack keeps repeated asks from recomputing.
    const key = `${stamp}:${request.period.from}:${Math.floor(request.period.to / 60_000)}`;
    if (last && stamp !== null && last.key === key) return last.insights;
    const { docs, settings } = readSphere(raw);
    const insights = insightsOf(docs, settings, request);
    last = { key, insights };
    return insights;
  };
}
