import { describe, expect, it } from 'vitest';
import { addDays, nextOccurrence, todayList, upcomingOccasions } from './today-list.ts';
import type { Ring } from './sphere.ts';

const DAY = 86_400_000;
// Local noon, so calendar days are the same in any zone the tests run in.
const now = new Date(2026, 10, 27, 12).getTime();
const today = '2026-11-27';

const person = (name: string, ring: Ring, extra: { birthday?: string; snoozedUntil?: string } = {}) => ({ id: name, name, ring, createdAt: now - 400 * DAY, ...extra });
const touched = (contactId: string, daysAgo: number) => ({ contactId, at: now - daysAgo * DAY, kind: 'call' });

describe('the Today list', () => {
  it('puts Trust before Like before Know before prospects, then the most overdue first', () => {
    const contacts = [person('Pat Prospect', 'prospect'), person('Kim Know', 'know'), person('Tia Trust', 'trust'), person('Lee Like', 'like'), person('Tom Trust', 'trust')];
    // The prospect was never touched: due since the day they were added, 400 days ago.
    const touches = [touched('Kim Know', 100), touched('Tia Trust', 37), touched('Lee Like', 70), touched('Tom Trust', 50)];
    const { sections, total } = todayList(contacts, touches, now, undefined, today);
    expect(sections.map((s) => s.ring)).toEqual(['trust', 'like', 'know', 'prospect']);
    expect(sections[0]!.entries.map((e) => [e.contact.name, e.due.daysOverdue])).toEqual([['Tom Trust', 20], ['Tia Trust', 7]]);
    expect(sections.flatMap((s) => s.entries.map((e) => e.contact.name))).toEqual(['Tom Trust', 'Tia Trust', 'Lee Like', 'Kim Know', 'Pat Prospect']);
    expect(total).toBe(5);
  });

  it('leaves out people touched within their cadence, and omits empty sections', () => {
    const { sections } = todayList([person('Tia Trust', 'trust'), person('Kim Know', 'know')], [touched('Tia Trust', 3), touched('Kim Know', 91)], now, undefined, today);
    expect(sections.map((s) => s.ring)).toEqual(['know']);
  });

  it('lists everyone due, however many', () => {
    const many = Array.from({ length: 129 }, (_, i) => person(`P${String(i).padStart(3, '0')}`, 'know'));
    const { sections, total } = todayList(many, [], now, undefined, today);
    expect(total).toBe(129);
    expect(sections[0]!.entries).toHaveLength(129);
  });

  it('holds a snoozed person back until the day after the snooze, and counts them', () => {
    const contacts = [person('Sam Snoozed', 'trust', { snoozedUntil: today }), person('Ola Over', 'trust', { snoozedUntil: addDays(today, -1) })];
    const { sections, snoozed } = todayList(contacts, [], now, undefined, today);
    expect(sections.flatMap((s) => s.entries.map((e) => e.contact.name))).toEqual(['Ola Over']);
    expect(snoozed).toBe(1);
    expect(todayList(contacts, [], now + DAY, undefined, addDays(today, 1)).snoozed).toBe(0);
  });

  it('follows the cadences in the settings', () => {
    const contacts = [person('Kim Know', 'know')];
    expect(todayList(contacts, [touched('Kim Know', 20)], now, undefined, today).total).toBe(0);
    expect(todayList(contacts, [touched('Kim Know', 20)], now, { trust: 30, like: 60, know: 10, prospect: 14 }, today).total).toBe(1);
  });

  it('gives each person their next birthday', () => {
    const { sections } = todayList([person('Bea Born', 'like', { birthday: '1980-12-02' })], [], now, undefined, today);
    expect(sections[0]!.entries[0]!.birthday).toEqual({ on: '2026-12-02', inDays: 5 });
  });
});

describe('yearly days', () => {
  it('comes round this year, or next year once it has passed', () => {
    expect(nextOccurrence('1980-11-27', today)).toEqual({ on: '2026-11-27', inDays: 0 });
    expect(nextOccurrence('--01-03', today)).toEqual({ on: '2027-01-03', inDays: 37 });
    expect(nextOccurrence('1990-11-26', today)).toEqual({ on: '2027-11-26', inDays: 364 });
  });

  it('keeps a 29 February birthday on the 28th in common years', () => {
    expect(nextOccurrence('2000-02-29', '2027-01-10')).toEqual({ on: '2027-02-28', inDays: 49 });
    expect(nextOccurrence('2000-02-29', '2028-01-10')?.on).toBe('2028-02-29');
  });

  it('lists birthdays and deal anniversaries of the coming month, soonest first, with the years', () => {
    const contacts = [person('Bea Born', 'like', { birthday: '1980-12-02' }), person('Dan Deal', 'trust'), person('Far Off', 'know', { birthday: '--06-01' }), person('New Buyer', 'know')];
    const deals = [
      { contactId: 'Dan Deal', at: new Date(2023, 11, 10, 12).getTime() },
      { contactId: 'Dan Deal', at: new Date(2023, 11, 10, 15).getTime() },
      // Bought today: no year has gone round yet.
      { contactId: 'New Buyer', at: now },
    ];
    expect(upcomingOccasions(contacts, deals, today)).toEqual([
      { contactId: 'Bea Born', name: 'Bea Born', kind: 'birthday', on: '2026-12-02', inDays: 5, years: 46 },
      { contactId: 'Dan Deal', name: 'Dan Deal', kind: 'dealAnniversary', on: '2026-12-10', inDays: 13, years: 3 },
    ]);
  });
});
