import { describe, expect, it } from 'vitest';
import { baseCurrency, formatMoney, inReadingOrder } from './money.ts';
import { DEFAULT_SETTINGS } from '../schemas/settings.ts';

describe('money as the user reads it', () => {
  it('takes the base currency from the settings, US dollars when they have none', () => {
    expect(baseCurrency(DEFAULT_SETTINGS)).toBe('USD');
    expect(baseCurrency({ ...DEFAULT_SETTINGS, baseCurrency: 'EUR' })).toBe('EUR');
  });

  it('puts the base currency first, then the others by code', () => {
    expect(inReadingOrder({ USD: 5_00, JPY: 900_00, EUR: 75_00 }, 'EUR')).toEqual([
      { currency: 'EUR', amount: 75_00 },
      { currency: 'JPY', amount: 900_00 },
      { currency: 'USD', amount: 5_00 },
    ]);
  });

  it('reads zero in the base currency without deals, and leaves it out when every deal is in another', () => {
    expect(inReadingOrder({}, 'GBP')).toEqual([{ currency: 'GBP', amount: 0 }]);
    expect(inReadingOrder({ EUR: 75_00 }, 'USD')).toEqual([{ currency: 'EUR', amount: 75_00 }]);
  });

  it('formats each sum in its own currency, whole units', () => {
    expect(formatMoney(1550_50, 'USD', 'en-US')).toBe('$1,551');
    expect(formatMoney(75_00, 'EUR', 'en-US')).toBe('€75');
    expect(formatMoney(75_00, 'EUR', 'de-DE')).toBe('75\u00a0€');
    expect(formatMoney(1234_00, 'ZZ', 'en-US')).toBe('1,234 ZZ');
  });
});
