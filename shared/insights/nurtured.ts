// Process: any (pure). Nurtured vs. cold: do people who came by referral, or were kept in touch with before
// they bought, buy more and more often? The counts behind each figure are given so a small sample reads as one.
import { inPeriod, type SphereIndex } from './insight-input.ts';

export type NurtureGroup = {
  /** People in the group who were not yet customers when the period began. */
  contacts: number;
  /** Of those, how many made a first deal in the period. */
  converted: number;
  conversion: number | null;
  /** Average first deal in the base currency, over the first deals made in the period in that currency. */
  averageFirstDeal: number | null;
  firstDealsCounted: number;
};

export type Nurtured = { currency: string; touchesNeeded: number; nurtured: NurtureGroup; cold: NurtureGroup };

/**
 * Nurtured: came by referral (someone referred them), or had at least `nurturedTouches` touches (stage changes
 * excluded: moving someone on the sphere is not contact) before their first deal, or before the period's end
 * for someone who has not bought.
 */
export function nurturedVersusCold(index: SphereIndex): Nurtured {
  const { period, baseCurrency, nurturedTouches } = index.options;
  const groups = { nurtured: blank(), cold: blank() };
  const sums = { nurtured: 0, cold: 0 };
  for (const contact of index.contacts.values()) {
    if (contact.createdAt > period.to) continue;
    const deals = index.dealsOf.get(contact.id) ?? [];
    const first = deals[0];
    if (first && first.at < period.from) continue; // already a customer: nothing left to convert
    const until = first?.at ?? period.to;
    let touches = 0;
    for (const t of index.touchesOf.get(contact.id) ?? []) if (t.kind !== 'stageChange' && t.at < until) touches++;
    const referred = (index.referralsTo.get(contact.id)?.length ?? 0) > 0;
    const key = referred || touches >= nurturedTouches ? 'nurtured' : 'cold';
    const group = groups[key];
    group.contacts++;
    if (first && inPeriod(first.at, period)) {
      group.converted++;
      if (first.currency === baseCurrency) {
        group.firstDealsCounted++;
        sums[key] += first.amount;
      }
    }
  }
  for (const key of ['nurtured', 'cold'] as const) {
    const g = groups[key];
    g.conversion = g.contacts ? g.converted / g.contacts : null;
    g.averageFirstDeal = g.firstDealsCounted ? Math.round(sums[key] / g.firstDealsCounted) : null;
  }
  return { currency: baseCurrency, touchesNeeded: nurturedTouches, ...groups };
}

function blank(): NurtureGroup {
  return { contacts: 0, converted: 0, conversion: null, averageFirstDeal: null, firstDealsCounted: 0 };
}
