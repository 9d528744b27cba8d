// Process: renderer. How insight figures read: money per currency in whole units, shares as percentages.
import { formatMoney } from '../../../shared/domain/money.ts';
import type { Money } from '../../../shared/insights/insight-input.ts';

export const percent = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 1000) / 10}%`);

/** Each currency on its own ("$1,200 + €300"): there is no exchange rate to add them up with. */
export function moneyText(money: Money, base: string): string {
  const codes = Object.keys(money).sort((a, b) => (a === base ? -1 : b === base ? 1 : a.localeCompare(b)));
  if (codes.length === 0) return formatMoney(0, base);
  return codes.map((c) => formatMoney(money[c]!, c)).join(' + ');
}

export const days = (value: number | null): string => (value === null ? '–' : `${Math.round(value)} days`);
