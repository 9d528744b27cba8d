// Process: any (pure). Money as the user reads it: sums kept per currency, shown with the user's own currency first.
import type { CurrencyTotals } from './life-cycle.ts';

export type CurrencyAmount = { currency: string; amount: number };

/** The user's base currency (an ISO code), from the settings document (schema version 1 on; US dollars by default). */
export function baseCurrency(settings: { baseCurrency?: string }): string {
  return settings.baseCurrency ?? 'USD';
}

/**
 * Totals in the order they are read: the base currency first, then the others by code. A contact without deals
 * reads as zero in the base currency rather than as nothing.
 */
export function inReadingOrder(totals: CurrencyTotals, base: string): CurrencyAmount[] {
  const others = Object.keys(totals).filter((c) => c !== base).sort();
  const first = base in totals || others.length === 0 ? [{ currency: base, amount: totals[base] ?? 0 }] : [];
  return [...first, ...others.map((currency) => ({ currency, amount: totals[currency]! }))];
}

/** Minor units in a currency, whole units only ("€1,551"); a code Intl does not take is shown as it is. */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(minor / 100);
  } catch {
    return `${Math.round(minor / 100).toLocaleString(locale)} ${currency}`;
  }
}
