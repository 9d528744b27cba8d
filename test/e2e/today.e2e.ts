// Process: test (Node, drives Chromium). The Today list as a person opens it each morning: the closest relationships
// first, everyone listed, a phone number and an address one click away, a snooze that can be undone, and the
// birthdays and anniversaries coming up; at the two window sizes people use.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { localToday } from '../../shared/domain/local-date.ts';
import { addDays, todayList } from '../../shared/domain/today-list.ts';
import { fillStore } from '../support/fill-store.ts';
import { screenshot, withSphere } from './harness.ts';
import { storedDocs } from './stored.ts';

const DAY = 86_400_000;
const now = Date.now();
const sphere = generateSphere({ seed: 14, contacts: 360, now });
// A birthday in three days, and a deal bought three years ago in ten days' time.
const today = localToday(now);
const birthdayPerson = sphere.contacts[3]!;
birthdayPerson.birthday = `1985-${addDays(today, 3).slice(5)}`;
const buyer = sphere.contacts[5]!;
sphere.deals.push({ id: 'anniversary-deal', contactId: buyer.id, amount: 450_000_00, currency: 'USD', at: new Date(`${addDays(today, 10)}T12:00:00`).getTime() - 3 * 365.25 * DAY, createdAt: now, updatedAt: now, updatedBy: 'test' });
const expected = todayList(sphere.contacts, sphere.touches, now);

const rowNames = (page: Page) => page.getByTestId('today-row').locator('button.link').allTextContents();

describe('Today', () => {
  for (const viewport of [{ width: 1400, height: 900 }, { width: 1024, height: 700 }]) {
    it(`lists everyone due, Trust first, with links and a snooze that undoes (${viewport.width}×${viewport.height})`, () =>
      withSphere(`today-${viewport.width}`, { viewport, prepare: (dir) => fillStore(dir, sphere) }, async ({ page, session, dataDir }) => {
        // Once the documents are in (the graph mounts before them).
        await page.getByTestId('counts').filter({ hasText: `${sphere.contacts.length} contacts` }).waitFor({ state: 'attached' });
        await page.keyboard.press('t');
        const panel = page.getByTestId('today-panel');
        await panel.waitFor();
        // The panel takes the focus, on the first person due (above them, the birthdays are folded away).
        await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="today-row"]')?.querySelector('button.link')?.textContent)).toBe(expected.sections[0]!.entries[0]!.contact.name);

        const sections = await panel.locator('section[data-testid^="today-section-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
        expect(sections).toEqual(expected.sections.map((s) => `today-section-${s.ring}`));
        expect(sections[0]).toBe('today-section-trust');
        // Everyone, not 60 and "and 69 more".
        expect(expected.total).toBeGreaterThan(60);
        await expect.poll(() => page.getByTestId('today-row').count()).toBe(expected.total);
        expect(await rowNames(page)).toEqual(expected.sections.flatMap((s) => s.entries.map((e) => e.contact.name)));
        expect(await panel.textContent()).not.toMatch(/more\./);
        await page.getByTestId('today-row').last().scrollIntoViewIfNeeded();
        expect(await page.getByTestId('today-row').last().isVisible()).toBe(true);

        const withPhone = expected.sections.flatMap((s) => s.entries).find((e) => e.contact.phones.length)!.contact;
        const row = page.getByTestId('today-row').filter({ has: page.getByRole('button', { name: withPhone.name, exact: true }) });
        expect(await row.getByTestId('today-tel').getAttribute('href')).toBe(`tel:${withPhone.phones[0]!.replace(/[^\d+]/g, '')}`);
        const withEmail = expected.sections.flatMap((s) => s.entries).find((e) => e.contact.emails.length)!.contact;
        expect(await page.getByTestId('today-row').filter({ has: page.getByRole('button', { name: withEmail.name, exact: true }) }).getByTestId('today-mailto').getAttribute('href')).toBe(`mailto:${withEmail.emails[0]}`);

        const occasions = await page.getByTestId('occasion-row').allTextContents();
        expect(occasions.some((t) => t.startsWith(birthdayPerson.name) && /Birthday, \d+/.test(t) && /in 3 days/.test(t))).toBe(true);
        expect(occasions.some((t) => t.startsWith(buyer.name) && /3 years since their deal/.test(t) && /in 10 days/.test(t))).toBe(true);
        await page.getByTestId('today-panel').evaluate((el) => (el.scrollTop = 0));
        await screenshot(page, `today-${viewport.width}x${viewport.height}`);

        // Snooze the first Trust contact for a week: gone from the list, back with Ctrl+Z.
        const first = expected.sections[0]!.entries[0]!.contact;
        await page.getByRole('button', { name: `Snooze ${first.name} for a week` }).click();
        await expect.poll(() => rowNames(page)).not.toContain(first.name);
        expect(await page.getByTestId('today-snoozed').textContent()).toMatch(/^1 snoozed/);
        expect(storedDocs<{ id: string; snoozedUntil?: string }>(dataDir, 'contacts').find((c) => c.id === first.id)?.snoozedUntil).toBe(addDays(today, 6));
        await page.keyboard.press('Control+z');
        await expect.poll(() => rowNames(page)).toContain(first.name);
        expect(storedDocs<{ id: string; snoozedUntil?: string }>(dataDir, 'contacts').find((c) => c.id === first.id)).not.toHaveProperty('snoozedUntil');
        expect(session.errors).toEqual([]);
      }));
  }
});
