// Process: renderer. Insights: what the sphere's rings, touches, referrals and deals mean, for a chosen period.
// The host computes the figures (insights.compute) so that this window never waits on them; each tab can show
// its people on the sphere, and every figure exports as CSV and PNG.
import { useEffect, useMemo, useState } from 'react';
import type { AppApiClient } from '../../../shared/app-api.ts';
import type { CustomerStage } from '../../../shared/domain/sphere.ts';
import type { Insights } from '../../../shared/insights/insights.ts';
import type { MatrixCell } from '../../../shared/insights/matrix.ts';
import type { Timeline } from '../../../shared/insights/timeline.ts';
import type { ContactDoc } from '../../../shared/schemas/index.ts';
import { CATEGORY_LABELS, RING_LABELS } from '../../../shared/domain/sphere.ts';
import { localNoon, localToday } from '../../../shared/domain/local-date.ts';
import { lastYear } from '../../../shared/insights/insight-input.ts';
import { FunnelView } from './FunnelView.tsx';
import { MatrixView } from './MatrixView.tsx';
import { ParetoView } from './ParetoView.tsx';
import { InfluenceView, NurturedView, PartnersView, ReferralsView } from './RelationshipViews.tsx';
import { TimelineView } from './TimelineView.tsx';
import { SaveInsightContext, type SaveInsight } from './save-context.ts';
import { saveFile } from '../../platform/save-file.ts';

export type InsightTab = 'pareto' | 'funnel' | 'matrix' | 'nurtured' | 'referrals' | 'influence' | 'partners' | 'timeline';
const TABS: { id: InsightTab; label: string }[] = [
  { id: 'pareto', label: '20/80' },
  { id: 'funnel', label: 'Funnel' },
  { id: 'matrix', label: 'Matrix' },
  { id: 'nurtured', label: 'Nurtured' },
  { id: 'referrals', label: 'Referrals' },
  { id: 'influence', label: 'Influence' },
  { id: 'partners', label: 'Partners' },
  { id: 'timeline', label: 'Timeline' },
];

type PeriodChoice = 'year' | 'all' | 'custom';
const YEAR = 365 * 86_400_000;

type Props = {
  api: AppApiClient;
  names: Map<string, ContactDoc>;
  base: string;
  /** When the documents last changed: the figures are asked for again. */
  changedAt: number;
  now: number;
  timeline: Timeline;
  replayAt: number | null;
  onReplay(at: number | null): void;
  onSpotlight(label: string, ids: string[]): void;
  onStage(stage: CustomerStage, label: string): void;
  influenceColouring: boolean;
  onInfluenceColouring(scores: Map<string, number> | null): void;
  onOpen(id: string): void;
  onClose(): void;
};

export function InsightsPanel(props: Props) {
  const { api, names, base, changedAt, now } = props;
  const [tab, setTab] = useState<InsightTab>('pareto');
  const [choice, setChoice] = useState<PeriodChoice>('year');
  const [custom, setCustom] = useState(() => ({ from: localToday(now - YEAR), to: localToday(now) }));
  /** The last answer, for the period it was asked for: a stale one is not shown as the current period's. */
  const [answer, setAnswer] = useState<{ key: string; insights?: Insights; error?: string } | null>(null);
  const period = useMemo(() => {
    if (choice === 'all') return { from: 0, to: now };
    if (choice === 'year') return lastYear(now);
    const from = localNoon(custom.from);
    const to = localNoon(custom.to);
    // A custom day runs to its end: noon plus half a day.
    return from !== null && to !== null && from <= to ? { from: from - 43_200_000, to: to + 43_199_999 } : null;
  }, [choice, custom, now]);

  const key = period ? `${period.from}:${period.to}:${changedAt}` : '';
  useEffect(() => {
    if (!period) return;
    let live = true;
    api.call('insights.compute', period).then(
      (insights) => { if (live) setAnswer({ key, insights }); },
      (err: Error) => { if (live) setAnswer({ key, error: err.message }); },
    );
    return () => { live = false; };
  }, [api, period, key]);
  // While a new period is worked out the old figures stay up (the numbers change in place), unless they failed.
  const insights = answer?.insights ?? null;
  const error = answer?.key === key ? (answer.error ?? null) : null;

  // A file that could not be saved is said beside the figures: they are still right, and still wanted.
  const [saveError, setSaveError] = useState<string | null>(null);
  const save = useMemo<SaveInsight>(() => (file) => {
    setSaveError(null);
    saveFile(api, file).catch((err: Error) => setSaveError(`${file.name} was not saved: ${err.message}`));
  }, [api]);
  const onCell = (cell: MatrixCell) => props.onSpotlight(`${RING_LABELS[cell.ring]} × ${CATEGORY_LABELS[cell.category]}`, cell.ids);
  const body = () => {
    if (error) return <p className="problem" role="alert">The figures could not be worked out: {error}</p>;
    if (!insights) return <p className="muted" role="status" data-testid="insights-loading">Working out the figures…</p>;
    const common = { names, base, onOpen: props.onOpen, onSpotlight: props.onSpotlight };
    switch (tab) {
      case 'pareto': return <ParetoView pareto={insights.pareto} names={names} onSpotlight={props.onSpotlight} onOpen={props.onOpen} />;
      case 'funnel': return <FunnelView funnel={insights.funnel} onStage={props.onStage} />;
      case 'matrix': return <MatrixView cells={insights.matrix} base={base} onCell={onCell} />;
      case 'nurtured': return <NurturedView nurtured={insights.nurtured} />;
      case 'referrals': return <ReferralsView {...common} report={insights.referrals} />;
      case 'influence': return (
        <InfluenceView {...common} report={insights.influence} colouring={props.influenceColouring}
          onColour={(on) => props.onInfluenceColouring(on ? new Map(insights.influence.ranking.map((r) => [r.id, r.score])) : null)} />
      );
      case 'partners': return <PartnersView {...common} rows={insights.partners} />;
      case 'timeline': return <TimelineView timeline={props.timeline} at={props.replayAt} onAt={props.onReplay} />;
    }
  };

  return (
    <aside className="side-list insights-panel" aria-labelledby="insights-title" data-testid="insights-panel">
      <header>
        <h2 id="insights-title">Insights</h2>
        <button type="button" className="close" onClick={props.onClose} aria-label="Close insights">×</button>
      </header>
      <div className="insights-period" role="group" aria-label="Period">
        <select value={choice} onChange={(e) => setChoice(e.target.value as PeriodChoice)} aria-label="Period" data-testid="insights-period">
          <option value="year">Last 12 months</option>
          <option value="all">All time</option>
          <option value="custom">Custom…</option>
        </select>
        {choice === 'custom' ? (
          <>
            <input type="date" value={custom.from} max={custom.to} onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))} aria-label="From" />
            <input type="date" value={custom.to} min={custom.from} onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))} aria-label="To" />
          </>
        ) : null}
      </div>
      <div className="tabs" role="tablist" aria-label="Insight">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => { setTab(t.id); if (t.id !== 'timeline') props.onReplay(null); }} data-testid={`insights-tab-${t.id}`}>{t.label}</button>
        ))}
      </div>
      {saveError ? (
        <p className="problem" role="alert" data-testid="insights-save-error">
          {saveError} <button type="button" className="link" onClick={() => setSaveError(null)}>Dismiss</button>
        </p>
      ) : null}
      <SaveInsightContext value={save}>
        <div role="tabpanel" className="insights-body">{body()}</div>
      </SaveInsightContext>
    </aside>
  );
}
