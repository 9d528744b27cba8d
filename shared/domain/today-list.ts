// Process: any (pure). The Today list: who to reach out to, in the order that matters (the deepest relationships
// first, then the most overdue), who is snoozed, and the birthdays and anniversaries coming up.
import { touchDue, DEFAULT_CADENCE, type Cadence, type TouchDue } from './cadence.ts';
import { dayInZone, localOffset } from './local-date.ts';
import { RINGS, type Ring } from './sphere.ts';

type Person = { id: string; name: string; ring: Ring; createdAt: number; birthday?: string; snoozedUntil?: string };

export type DueEntry<C extends Person = Person> = { contact: C; due: TouchDue; birthday: Occurrence | null };
/** One ring's people who are due, most overdue first. */
export type TodaySection<C extends Person = Person> = { ring: Ring; entries: DueEntry<C>[] };

/** The next time a yearly day comes round: its date and how many days away (0 = today). */
export type Occurrence = { on: string; inDays: number };

export type Occasion = { contactId: string; name: string; kind: 'birthday' | 'dealAnniversary'; on: string; inDays: number; /** Years it will be (age, or years since the deal), when known. */ years?: number };

const DAY = 24 * 60 * 60 * 1000;

function dayNumber(day: string): number {
  return Math.round(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY);
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** `day` plus `n` calendar days. */
export function addDays(day: string, n: number): string {
  return new Date((dayNumber(day) + n) * DAY).toISOString().slice(0, 10);
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The next time a month and day (from YYYY-MM-DD or --MM-DD) falls on or after `today`. A 29 February is kept on
 * the 28th in common years: a birthday should not skip three years out of four.
 */
export function nextOccurrence(monthDay: string, today: string): Occurrence | null {
  const match = /^(?:\d{4}|-)-(\d{2})-(\d{2})$/.exec(monthDay);
  if (!match) return null;
  const [month, day] = [match[1]!, match[2]!];
  const on = (year: number) => `${year}-${month}-${month === '02' && day === '29' && !isLeap(year) ? '28' : day}`;
  const year = Number(today.slice(0, 4));
  const thisYear = on(year);
  const next = thisYear >= today ? thisYear : on(year + 1);
  return { on: next, inDays: daysBetween(today, next) };
}

/** A snooze holds until the end of its day: on that day the person is still left alone. */
export function isSnoozed(contact: { snoozedUntil?: string }, today: string): boolean {
  return contact.snoozedUntil !== undefined && contact.snoozedUntil >= today;
}

/**
 * Everyone due for a touch, in sections by ring: Trust before Like before Know before prospects, and within a ring
 * the most overdue first. Ordering by days overdue alone put a prospect "1806 days overdue" above a Trust contact
 * a week late, though the Trust relationship is the one that pays and the one that suffers from silence.
 * Snoozed people are counted, not listed.
 */
export function todayList<C extends Person>(
  contacts: readonly C[],
  touches: readonly { contactId: string; at: number; kind: string }[],
  now: number,
  cadence: Cadence = DEFAULT_CADENCE,
  today: string = dayInZone(now, localOffset(now)),
): { sections: TodaySection<C>[]; snoozed: number; total: number } {
  const last = new Map<string, number>();
  for (const t of touches) if (t.kind !== 'stageChange' && t.at > (last.get(t.contactId) ?? -Infinity)) last.set(t.contactId, t.at);
  const byRing = new Map<Ring, DueEntry<C>[]>(RINGS.map((r) => [r, []]));
  let snoozed = 0;
  let total = 0;
  for (const contact of contacts) {
    const due = touchDue(contact.ring, last.get(contact.id), contact.createdAt, now, cadence);
    if (due.status === 'ok') continue;
    if (isSnoozed(contact, today)) {
      snoozed++;
      continue;
    }
    total++;
    byRing.get(contact.ring)!.push({ contact, due, birthday: contact.birthday ? nextOccurrence(contact.birthday, today) : null });
  }
  const sections: TodaySection<C>[] = [];
  for (const ring of RINGS) {
    const entries = byRing.get(ring)!.sort((a, b) => b.due.daysOverdue - a.due.daysOverdue || a.contact.name.localeCompare(b.contact.name));
    if (entries.length) sections.push({ ring, entries });
  }
  return { sections, snoozed, total };
}

/**
 * Birthdays and deal anniversaries in the next `withinDays` days (today included), soonest first. A deal's
 * anniversary is a reason to call that needs no pretext: the day they bought the house, a year on.
 */
export function upcomingOccasions(
  contacts: readonly Person[],
  deals: readonly { contactId: string; at: number }[],
  today: string,
  withinDays = 30,
): Occasion[] {
  const occasions: Occasion[] = [];
  const names = new Map(contacts.map((c) => [c.id, c]));
  for (const c of contacts) {
    if (!c.birthday) continue;
    const next = nextOccurrence(c.birthday, today);
    if (!next || next.inDays > withinDays) continue;
    const born = /^\d{4}/.test(c.birthday) ? Number(c.birthday.slice(0, 4)) : undefined;
    occasions.push({ contactId: c.id, name: c.name, kind: 'birthday', ...next, ...(born ? { years: Number(next.on.slice(0, 4)) - born } : {}) });
  }
  // One anniversary per contact and day: two deals signed the same day are one occasion.
  const seen = new Set<string>();
  for (const deal of deals) {
    const contact = names.get(deal.contactId);
    if (!contact) continue;
    const day = dayInZone(deal.at, localOffset(deal.at));
    const next = nextOccurrence(day, today);
    if (!next || next.inDays > withinDays) continue;
    const years = Number(next.on.slice(0, 4)) - Number(day.slice(0, 4));
    const key = `${contact.id}:${next.on}`;
    if (years < 1 || seen.has(key)) continue;
    seen.add(key);
    occasions.push({ contactId: contact.id, name: contact.name, kind: 'dealAnniversary', ...next, years });
  }
  return occasions.sort((a, b) => a.inDays - b.inDays || a.name.localeCompare(b.name));
}
