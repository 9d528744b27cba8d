// Process: any (pure). Host-beneficiary partners ranked by what the partnership does: customers shared, the
// revenue from them, and referrals each way. A partner tie runs from the partner to a customer you share.
import { addMoney, inPeriod, type Money, type SphereIndex } from './insight-input.ts';

export type PartnerRow = {
  id: string;
  sharedCustomers: string[];
  /** Deals of the shared customers in the period, per currency. */
  revenue: Money;
  /** Referral ties from the partner (people they sent). */
  referralsGiven: number;
  /** Referral ties to the partner (someone in the sphere sent them). */
  referralsReceived: number;
};

export function partnerRanking(index: SphereIndex): PartnerRow[] {
  const { period, baseCurrency } = index.options;
  const shared = new Map<string, Set<string>>();
  for (const contact of index.contacts.values()) if (contact.roles.includes('hostBeneficiary')) shared.set(contact.id, new Set());
  for (const tie of index.ties) {
    if (tie.kind !== 'partner') continue;
    const set = shared.get(tie.from) ?? new Set<string>();
    set.add(tie.to);
    shared.set(tie.from, set);
  }
  const rows: PartnerRow[] = [...shared].map(([id, customers]) => {
    const revenue: Money = {};
    for (const c of customers) for (const d of index.dealsOf.get(c) ?? []) if (inPeriod(d.at, period)) addMoney(revenue, d.currency, d.amount);
    return {
      id,
      sharedCustomers: [...customers].sort(),
      revenue,
      referralsGiven: index.referralsFrom.get(id)?.length ?? 0,
      referralsReceived: index.referralsTo.get(id)?.length ?? 0,
    };
  });
  const base = (m: Money) => m[baseCurrency] ?? 0;
  return rows.sort((a, b) => b.sharedCustomers.length - a.sharedCustomers.length || base(b.revenue) - base(a.revenue) || (a.id < b.id ? -1 : 1));
}
