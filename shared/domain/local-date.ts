// Process: any (pure). Calendar days as people pick them in a date field: in their own time zone, not in UTC's.
// `toISOString()` gives UTC's day, which in Los Angeles at 22:30 is already tomorrow and in Tokyo at 07:30 still
// yesterday: a form that defaulted to it saved the touch on the wrong day, and its `max` refused today.

const MINUTE = 60_000;

/** Minutes the local zone is ahead of UTC at a moment (Tokyo +540, Los Angeles in summer −420). */
export function localOffset(at: number): number {
  return -new Date(at).getTimezoneOffset();
}

/** The calendar day `at` falls on in a zone `offsetMinutes` ahead of UTC, as a date field's value (YYYY-MM-DD). */
export function dayInZone(at: number, offsetMinutes: number): string {
  return new Date(at + offsetMinutes * MINUTE).toISOString().slice(0, 10);
}

/** Today where the user is: what a date field starts on, and the latest day it accepts. */
export function localToday(now: number = Date.now()): string {
  return dayInZone(now, localOffset(now));
}

/** Year, month (1-12) and day of a YYYY-MM-DD value, or null for anything else, an impossible day included. */
function parseDay(day: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? [y, m, d] : null;
}

/**
 * Noon of a picked day in a zone `offsetMinutes` ahead of UTC. A day is stored at its middle so that it reads as
 * the same day wherever the hours move it a little (daylight saving, a trip a few zones away).
 */
export function noonInZone(day: string, offsetMinutes: number): number | null {
  const parts = parseDay(day);
  return parts ? Date.UTC(parts[0], parts[1] - 1, parts[2], 12) - offsetMinutes * MINUTE : null;
}

/** Noon of a picked day where the user is, with the zone's offset of that day (not of today's). */
export function localNoon(day: string): number | null {
  const parts = parseDay(day);
  return parts ? new Date(parts[0], parts[1] - 1, parts[2], 12).getTime() : null;
}

/** A picked day after today where the user is: touches and deals are things that happened. */
export function isFutureDay(day: string, now: number = Date.now()): boolean {
  return day > localToday(now);
}
