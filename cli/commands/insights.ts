// Process: command line (Node). `insights [--from DATE] [--to DATE] [--json]`: the figures the Insights panel
// shows, computed by the same code (shared/insights) from the same store, for scripts and Monday reports.
import { insightsJson } from '../../shared/insights/insights.ts';
import { insightsOf, readSphere } from '../../electron/store/sphere-insights.ts';
import { formatMoney } from '../../shared/domain/money.ts';
import { CliError, type CliCommand } from '../cli-command.ts';
import { parseOptions } from '../parse-options.ts';
import { requireStore } from '../require-store.ts';

const DAY = 86_400_000;

/** A calendar day (YYYY-MM-DD, UTC) as the start or the end of that day; anything else is a usage failure. */
function day(option: string, value: string | undefined, end: boolean): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const at = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== value) throw new CliError(`insights: --${option} is a day as YYYY-MM-DD, not ${JSON.stringify(value.slice(0, 40))}`, 2);
  return end ? at + DAY - 1 : at;
}

export default {
  name: 'insights',
  summary: 'the 20/80, funnel, matrix, referral and influence figures as JSON (or a short summary)',
  usage: [
    'Usage: npm run cli -- insights [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--data-dir DIR]',
    '',
    '  --from, --to   the period, whole days in UTC, both included (default: the last 365 days to now)',
    '  --json         print every figure as one JSON document (money in minor units per currency code)',
    '',
    'Keys: pareto, funnel, matrix (every ring x category), referrers, influence, and more; see README.',
  ].join('\n'),
  async run(args, ctx) {
    const { values } = parseOptions('insights', args, { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } });
    const now = Date.now();
    const to = day('to', values.to, true) ?? now;
    const from = day('from', values.from, false) ?? to - 365 * DAY;
    if (from > to) throw new CliError('insights: --from is after --to', 2);
    requireStore('insights', ctx.dataDir);
    const { store } = await ctx.openStore();
    const { docs, settings } = readSphere(store.current.raw);
    // A period in the past is read as of its end: stages and churn as they were then.
    const insights = insightsOf(docs, settings, { period: { from, to }, now: Math.min(now, to) });
    const json = insightsJson(insights);
    if (values.json) return json;
    const p = insights.pareto;
    const f = insights.funnel;
    return {
      period: json.period,
      summary: `top ${Math.round(p.share * 100)}% of customers (${p.members.length} of ${p.customers}) brought ${Math.round(p.revenueShare * 100)}% of ${formatMoney(p.total, p.currency)}; ${f.prospect} prospects, ${f.firstTime} first-time, ${f.repeat} repeat, ${f.lifetime} lifetime, ${f.churned} churned`,
    };
  },
} satisfies CliCommand;
