// Process: renderer. The life-cycle funnel: how many people are at each stage, how many move on, how fast,
// and how many drift away. Clicking a stage filters the sphere to it.
import { useMemo } from 'react';
import { formatMoney } from '../../../shared/domain/money.ts';
import type { CustomerStage } from '../../../shared/domain/sphere.ts';
import type { Funnel } from '../../../shared/insights/funnel.ts';
import { Chart } from './Chart.tsx';
import { days, percent } from './insight-format.ts';

const STEPS: { stage: CustomerStage; label: string }[] = [
  { stage: 'prospect', label: 'Prospect' },
  { stage: 'firstTime', label: 'First-time' },
  { stage: 'repeat', label: 'Repeat' },
  { stage: 'lifetime', label: 'Lifetime' },
  { stage: 'churned', label: 'Churned' },
];

type Props = { funnel: Funnel; onStage(stage: CustomerStage, label: string): void };

export function FunnelView({ funnel: f, onStage }: Props) {
  const ltv = f.lifetimeValue;
  const histogram = useMemo(() => ({
    xTitle: 'Lifetime value',
    xLabels: ltv.buckets.map((b) => `${formatMoney(b.from, ltv.currency)}–${formatMoney(b.to, ltv.currency)}`),
    series: [{ label: 'Customers', values: ltv.buckets.map((b) => b.count), kind: 'bars' as const, colour: '#2e8b62', scale: 'n' }],
    axes: [{ scale: 'n', label: 'customers', format: (v: number) => String(Math.round(v)) }],
    table: { header: [`Lifetime value (${ltv.currency})`, 'Customers'], rows: ltv.buckets.map((b) => [`${b.from / 100}–${b.to / 100}`, b.count]) },
  }), [ltv]);
  const conversion: Record<CustomerStage, number | null | undefined> = { prospect: undefined, firstTime: f.conversion.firstTime, repeat: f.conversion.repeat, lifetime: f.conversion.lifetime, churned: undefined };
  const time: Record<CustomerStage, number | null | undefined> = { prospect: undefined, firstTime: f.medianDays.firstTime, repeat: f.medianDays.repeat, lifetime: f.medianDays.lifetime, churned: undefined };
  const widest = Math.max(1, ...STEPS.map((s) => f[s.stage]));
  return (
    <div data-testid="funnel">
      <table className="funnel-table">
        <caption className="visually-hidden">Life-cycle funnel</caption>
        <thead><tr><th scope="col">Stage</th><th scope="col">Now</th><th scope="col">Reached from the step before</th><th scope="col">Median time to get there</th></tr></thead>
        <tbody>
          {STEPS.map(({ stage, label }) => (
            <tr key={stage}>
              <th scope="row">
                <button type="button" className="funnel-bar" onClick={() => onStage(stage, label)} data-testid={`funnel-${stage}`} title={`Show ${label.toLowerCase()} contacts on the sphere`}>
                  <span className={`bar stage-${stage}`} style={{ width: `${(100 * f[stage]) / widest}%` }} />
                  <span className="bar-label">{label}</span>
                </button>
              </th>
              <td>{f[stage].toLocaleString()}</td>
              <td>{conversion[stage] === undefined ? '' : percent(conversion[stage] ?? null)}</td>
              <td>{time[stage] === undefined ? '' : days(time[stage] ?? null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="funnel-churn">
        Churn in the period: <strong>{percent(f.churn.rate)}</strong>{' '}
        <span className="muted">({f.churn.churned} of {f.churn.base} customers who were active at its start drifted away)</span>
      </p>
      {ltv.customers === 0 ? <p className="muted">No customers yet: lifetime value appears once deals are recorded.</p> : (
        <>
          <p className="muted">Lifetime value in {ltv.currency}: median {formatMoney(ltv.quartiles![2], ltv.currency)}, middle half {formatMoney(ltv.quartiles![1], ltv.currency)}–{formatMoney(ltv.quartiles![3], ltv.currency)}, highest {formatMoney(ltv.quartiles![4], ltv.currency)}.</p>
          <Chart title="Lifetime value distribution" testId="ltv-chart" {...histogram} height={170} />
        </>
      )}
    </div>
  );
}
