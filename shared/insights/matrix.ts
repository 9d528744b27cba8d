// Process: any (pure). The relationship-sales matrix: does opportunity widen as relationships deepen?
import { CATEGORIES, RINGS, type Category, type Ring } from '../domain/sphere.ts';
import { addMoney, inPeriod, type Money, type SphereIndex } from './insight-input.ts';

export type MatrixCell = {
  ring: Ring;
  category: Category;
  contacts: number;
  deals: number;
  /** Referral ties made in the period by the people in this cell. */
  referrals: number;
  revenue: Money;
  /** Revenue / deals per currency (deals counted in that currency). */
  averageDeal: Money;
  /** The people in the cell, for the click-through filter. */
  ids: string[];
};

/** Every ring × category, empty cells included, in ring order (Trust first) then category order. */
export function salesMatrix(index: SphereIndex): MatrixCell[] {
  const { period } = index.options;
  const cells = new Map<string, MatrixCell & { dealsIn: Money }>();
  for (const ring of RINGS) for (const category of CATEGORIES) cells.set(`${ring}/${category}`, { ring, category, contacts: 0, deals: 0, referrals: 0, revenue: {}, averageDeal: {}, ids: [], dealsIn: {} });
  for (const contact of index.contacts.values()) {
    const cell = cells.get(`${contact.ring}/${contact.category}`)!;
    cell.contacts++;
    cell.ids.push(contact.id);
    for (const d of index.dealsOf.get(contact.id) ?? []) {
      if (!inPeriod(d.at, period)) continue;
      cell.deals++;
      addMoney(cell.revenue, d.currency, d.amount);
      addMoney(cell.dealsIn, d.currency, 1);
    }
    cell.referrals += (index.referralsFrom.get(contact.id) ?? []).filter((t) => inPeriod(t.at, period)).length;
  }
  return [...cells.values()].map(({ dealsIn, ...cell }) => ({
    ...cell,
    averageDeal: Object.fromEntries(Object.entries(cell.revenue).map(([c, sum]) => [c, Math.round(sum / dealsIn[c]!)])),
  }));
}
