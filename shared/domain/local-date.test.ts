import { describe, expect, it } from 'vitest';
import { dayInZone, isFutureDay, localNoon, localToday, noonInZone } from './local-date.ts';

// 22:30 on 15 June 2026 in Los Angeles (UTC−7 in summer) and 07:30 the same day in Tokyo (UTC+9).
const LA_EVENING = Date.parse('2026-06-15T22:30:00-07:00');
const TOKYO_MORNING = Date.parse('2026-06-15T07:30:00+09:00');

describe('local calendar days', () => {
  it('takes the day in the zone, where UTC has already moved on or not yet', () => {
    // UTC's day, which the forms used to default to, is the 16th and the 14th.
    expect(new Date(LA_EVENING).toISOString().slice(0, 10)).toBe('2026-06-16');
    expect(new Date(TOKYO_MORNING).toISOString().slice(0, 10)).toBe('2026-06-14');
    expect(dayInZone(LA_EVENING, -420)).toBe('2026-06-15');
    expect(dayInZone(TOKYO_MORNING, 540)).toBe('2026-06-15');
  });

  it('stores a picked day at its noon in the zone, which reads back as the same day there', () => {
    expect(noonInZone('2026-06-15', -420)).toBe(Date.parse('2026-06-15T12:00:00-07:00'));
    expect(noonInZone('2026-06-15', 540)).toBe(Date.parse('2026-06-15T12:00:00+09:00'));
    expect(dayInZone(noonInZone('2026-06-15', -420)!, -420)).toBe('2026-06-15');
    expect(dayInZone(noonInZone('2026-06-15', 540)!, 540)).toBe('2026-06-15');
  });

  it('refuses what is not a day', () => {
    for (const bad of ['', '2026-6-15', '2026-02-30', '2026-13-01', '15/06/2026', '2026-06-15T12:00']) {
      expect(noonInZone(bad, 0)).toBeNull();
      expect(localNoon(bad)).toBeNull();
    }
  });

  it('knows a day after today from today itself', () => {
    const now = Date.now();
    expect(isFutureDay(localToday(now), now)).toBe(false);
    expect(isFutureDay(dayInZone(now + 2 * 86_400_000, 0), now)).toBe(true);
    expect(isFutureDay('2020-01-01', now)).toBe(false);
  });
});
