// Process: renderer. A contact's deals, newest first, each with the referral that brought it, and Edit and Delete.
import { formatMoney } from '../../../shared/domain/money.ts';
import type { DealDoc, TieDoc } from '../../../shared/schemas/index.ts';
import { RecordButtons, type RecordHandlers } from './RecordButtons.tsx';

type Props = { deals: DealDoc[]; ties: TieDoc[]; nameOf(id: string): string | undefined; handlers: RecordHandlers };

export function DealList({ deals, ties, nameOf, handlers }: Props) {
  if (deals.length === 0) return null;
  const sorted = [...deals].sort((a, b) => b.at - a.at);
  return (
    <section aria-labelledby="detail-deals-title">
      <h3 id="detail-deals-title">Deals <small>{sorted.length}</small></h3>
      <ul className="records" data-testid="detail-deals">
        {sorted.map((d) => {
          const referral = d.referralId ? ties.find((t) => t.id === d.referralId) : undefined;
          const money = formatMoney(d.amount, d.currency);
          const day = new Date(d.at).toLocaleDateString();
          return (
            <li key={d.id} data-testid="deal-row">
              <span className="what"><strong>{money}</strong> <time dateTime={new Date(d.at).toISOString()}>{day}</time>
                {referral ? <small>referred by {nameOf(referral.from) ?? 'someone'}</small> : null}
                {d.note ? <small>{d.note}</small> : null}</span>
              <RecordButtons record={{ kind: 'deal', id: d.id }} what={`the deal of ${money} on ${day}`} handlers={handlers} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
