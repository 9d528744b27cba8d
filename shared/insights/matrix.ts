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
  // One cell per ring × category, found by the two positions rather than by a key string made per contact.
  const cells: (MatrixCell & { dealsIn: Money })[] = [];
  for (const ring of RINGS) for (const category of CATEGORIES) cells.push({ ring, category, contacts: 0, deals: 0, referrals: 0, revenue: {}, averageDeal: {}, ids: [], dealsIn: {} });
  const ringAt = new Map<string, number>(RINGS.map((r, i) => [r, i]));
  const categoryAt = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));
  for (const contact of index.contacts.values()) {
    const cell = cells[ringAt.get(contact.ring)! * CATEGORIES.length + categoryAt.get(contact.category)!]!;
    cell.contacts++;
    cell.ids.push(contact.id);
    for (const d of index.dealsOf.get(contact.id) ?? []) {
      if (!inPeriod(d.at, period)) continue;
      cell.deals++;
      addMoney(cell.revenue, d.currency, d.amount);
      addMoney(cell.dealsIn, d.currency, 1);
    }
    for (const t of index.referralsFrom.get(contact.id) ?? []) if (inPeriod(t.at, period)) cell.referrals++;
  }
  return cells.map(({ dealsIn, ...cell }) => ({
    ...cell,
    averageDeal: Object.fromEntries(Object.entries(cell.revenue).map(([c, sum]) => [c, Math.round(sum / dealsIn[c]!)])),
  }));
}
