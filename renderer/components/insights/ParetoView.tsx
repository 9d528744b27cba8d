// Process: renderer. The 20/80 view: the share of customers that brought 80% of the revenue, and who they are.
import { useMemo } from 'react';
import { formatMoney } from '../../../shared/domain/money.ts';
import type { Pareto } from '../../../shared/insights/pareto.ts';
import type { ContactDoc } from '../../../shared/schemas/index.ts';
import { Chart } from './Chart.tsx';
import { percent } from './insight-format.ts';

type Props = { pareto: Pareto; names: Map<string, ContactDoc>; onSpotlight(label: string, ids: string[]): void; onOpen(id: string): void };

const TABLE_ROWS = 200;

export function ParetoView({ pareto: p, names, onSpotlight, onOpen }: Props) {
  const name = (id: string) => names.get(id)?.name ?? 'someone no longer in the sphere';
  const chart = useMemo(() => {
    const rows = p.ranking;
    return {
      xTitle: 'Customer rank',
      xLabels: rows.map((_, i) => String(i + 1)),
      series: [
        { label: `Revenue (${p.currency})`, values: rows.map((r) => r.revenue / 100), kind: 'bars' as const, colour: '#2f6fb0', scale: 'money' },
        { label: 'Cumulative share', values: rows.map((r) => r.cumulativeShare * 100), kind: 'line' as const, colour: '#c8475c', scale: 'share' },
      ],
      axes: [
        { scale: 'money', label: p.currency, format: (v: number) => formatMoney(v * 100, p.currency) },
        { scale: 'share', label: 'cumulative %', format: (v: number) => `${Math.round(v)}%` },
      ],
      table: {
        header: ['Rank', 'Customer', `Revenue (${p.currency})`, 'Share', 'Cumulative share'],
        rows: rows.slice(0, TABLE_ROWS).map((r, i) => [i + 1, name(r.id), r.revenue / 100, percent(r.share), percent(r.cumulativeShare)]),
      },
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- names only label the table
  }, [p]);

  if (p.customers === 0) {
    return <p className="muted" data-testid="pareto-empty">No customer had a deal in {p.currency} in this period. Record deals on your contacts (D), or choose a longer period.</p>;
  }
  return (
    <div data-testid="pareto">
      <p className="headline" data-testid="pareto-headline">
        The top <strong>{percent(p.share)}</strong> of customers ({p.members.length} {p.members.length === 1 ? 'person' : 'people'} of {p.customers}) brought <strong>{percent(p.revenueShare)}</strong> of revenue ({formatMoney(p.total, p.currency)}).
      </p>
      {p.otherCurrencies.length ? <p className="muted">Deals in {p.otherCurrencies.join(', ')} are not in these figures: there is no exchange rate to add them up.</p> : null}
      <Chart title="Revenue by customer (20-80)" testId="pareto-chart" {...chart} />
      <div className="insight-actions">
        <button type="button" onClick={() => onSpotlight(`Top ${percent(p.share)} of customers`, p.members)} data-testid="pareto-spotlight">Show them on the sphere</button>
      </div>
      <h3>The {percent(p.share)} to keep close</h3>
      <ul className="insight-list" data-testid="pareto-keep-close">
        {p.ranking.slice(0, p.members.length).map((r) => (
          <li key={r.id}>
            <button type="button" className="link" onClick={() => onOpen(r.id)}>{name(r.id)}</button>
            <small>{formatMoney(r.revenue, p.currency)} · {r.lastTouchAt === null ? 'never touched' : `last touched ${new Date(r.lastTouchAt).toLocaleDateString()}`}</small>
          </li>
        ))}
      </ul>
    </div>
  );
}
