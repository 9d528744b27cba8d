// Process: test (Node, drives Chromium). The touch and deal forms take today where the user is: a page in a zone
// west of UTC late in the evening, and one east of it early in the morning, when UTC's day is not theirs.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withSphere } from './harness.ts';
import { COLLECTIONS } from '../../shared/schemas/index.ts';

function stored<T>(dataDir: string, table: string): T[] {
  const db = new Database(path.join(dataDir, 'sphere.db'), { readonly: true });
  try {
    return (db.prepare(`SELECT data FROM ${table} WHERE deleted = 0`).pluck().all() as string[]).map((j) => JSON.parse(j) as T);
  } finally {
    db.close();
  }
}

/** The calendar day a stored moment falls on in a zone, as the user there reads it. */
const dayIn = (timeZone: string, at: number) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

async function addContact(page: Page, name: string) {
  await page.getByTestId('add-contact').click();
  await page.getByTestId('contact-name').fill(name);
  await page.getByTestId('contact-category').selectOption('friends');
  await page.getByTestId('contact-save').click();
  await page.getByTestId('detail-panel').getByRole('heading', { name }).waitFor();
}

describe.each([
  // 22:30 in Los Angeles is already the 16th in UTC; 07:30 in Tokyo is still the 14th.
  { timezoneId: 'America/Los_Angeles', fixedTime: '2026-06-15T22:30:00-07:00' },
  { timezoneId: 'Asia/Tokyo', fixedTime: '2026-06-15T07:30:00+09:00' },
])('dates in $timezoneId at $fixedTime', ({ timezoneId, fixedTime }) => {
  it('a touch logged with the form as it opens is dated today there', async () => {
    await withSphere('zone-touch', { timezoneId, fixedTime }, async ({ page, dataDir }) => {
      await addContact(page, 'Ida Local');
      await page.getByTestId('action-touch').click();
      const field = page.getByTestId('touch-date');
      expect(await field.inputValue()).toBe('2026-06-15');
      expect(await field.getAttribute('max')).toBe('2026-06-15');
      await page.getByTestId('touch-date').fill('2026-06-16');
      await page.getByTestId('touch-save').click();
      expect(await page.getByTestId('touch-form').getByRole('alert').textContent()).toMatch(/cannot be in the future/);
      await page.getByTestId('touch-date').fill('2026-06-15');
      await page.getByTestId('touch-save').click();
      await page.getByTestId('touch-form').waitFor({ state: 'detached' });
      await expect.poll(() => stored<{ at: number }>(dataDir, `docs__touches__v${COLLECTIONS.touches.schema.version}`).length).toBe(1);
      expect(dayIn(timezoneId, stored<{ at: number }>(dataDir, `docs__touches__v${COLLECTIONS.touches.schema.version}`)[0]!.at)).toBe('2026-06-15');
    });
  });

  it('a deal is dated today there, and a deal in the future is refused with a message', async () => {
    await withSphere('zone-deal', { timezoneId, fixedTime }, async ({ page, dataDir }) => {
      await addContact(page, 'Dan Local');
      await page.getByTestId('action-deal').click();
      const field = page.getByTestId('deal-date');
      expect(await field.inputValue()).toBe('2026-06-15');
      expect(await field.getAttribute('max')).toBe('2026-06-15');
      await page.getByTestId('deal-amount').fill('400');
      await field.fill('2026-06-16');
      await page.getByTestId('deal-save').click();
      expect(await page.getByTestId('deal-form').getByRole('alert').textContent()).toMatch(/cannot be in the future/);
      expect(stored(dataDir, `docs__deals__v${COLLECTIONS.deals.schema.version}`)).toEqual([]);
      await field.fill('2026-06-15');
      await page.getByTestId('deal-save').click();
      await page.getByTestId('deal-form').waitFor({ state: 'detached' });
      await expect.poll(() => stored<{ at: number }>(dataDir, `docs__deals__v${COLLECTIONS.deals.schema.version}`).length).toBe(1);
      expect(dayIn(timezoneId, stored<{ at: number }>(dataDir, `docs__deals__v${COLLECTIONS.deals.schema.version}`)[0]!.at)).toBe('2026-06-15');
    });
  });
});
