// Process: test (Node). The forms' local-day helpers in real time zones: the process's own zone cannot change
// within a test run, so a Node started in each zone answers.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LA_EVENING = Date.parse('2026-06-15T22:30:00-07:00');
const TOKYO_MORNING = Date.parse('2026-06-15T07:30:00+09:00');

describe('local days in a zone west and a zone east of UTC', () => {
  it.each([
    ['America/Los_Angeles', LA_EVENING, '2026-06-15T12:00:00-07:00'],
    ['Asia/Tokyo', TOKYO_MORNING, '2026-06-15T12:00:00+09:00'],
  ])('in %s, today and its noon are the local ones', (zone, now, noon) => {
    const helper = path.join(import.meta.dirname, '../../shared/domain/local-date.ts');
    const script = `import(${JSON.stringify(helper)}).then((m) => console.log(JSON.stringify([m.localToday(${now}), m.localNoon('2026-06-15'), m.isFutureDay('2026-06-16', ${now}), m.localNoon('2026-11-01')])))`;
    const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
    const [today, noonAt, tomorrowIsFuture, dstNoon] = JSON.parse(out) as [string, number, boolean, number];
    expect(today).toBe('2026-06-15');
    expect(noonAt).toBe(Date.parse(noon));
    expect(tomorrowIsFuture).toBe(true);
    // 1 November 2026 is the day Los Angeles goes back to UTC−8: noon of that day takes that day's offset.
    expect(dstNoon).toBe(Date.parse(zone === 'Asia/Tokyo' ? '2026-11-01T12:00:00+09:00' : '2026-11-01T12:00:00-08:00'));
  });
});
