// Process: test (Node, drives Chromium). Settings apply the moment they are saved, the dialog fits the window at
// the sizes people use, and Restore defaults asks before it changes anything.
import { describe, expect, it } from 'vitest';
import { screenshot, withSphere } from './harness.ts';
import { storedDocs } from './stored.ts';

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

describe('settings', () => {
  it('re-derives stages at once when the churn period changes, without a reload', async () => {
    await withSphere('settings-churn', { viewport: { width: 1400, height: 900 } }, async ({ page, session }) => {
      await page.getByTestId('add-contact').click();
      await page.getByTestId('contact-name').fill('Bo Chen');
      await page.getByTestId('contact-category').selectOption('business');
      await page.getByTestId('contact-ring').selectOption('like');
      await page.getByTestId('contact-save').click();
      await page.getByTestId('detail-panel').getByRole('heading', { name: 'Bo Chen' }).waitFor();
      await page.getByTestId('action-deal').click();
      await page.getByTestId('deal-amount').fill('250000');
      await page.getByTestId('deal-date').fill(isoDay(Date.now() - 60 * DAY));
      await page.getByTestId('deal-save').click();
      await expect.poll(() => page.getByTestId('detail-stage').textContent()).toBe('First-time customer');

      // Once to write the settings document, then again to change it: both must show at once.
      for (const days of ['200', '30']) {
        await page.getByTestId('open-settings').click();
        await page.getByTestId('churn-after').fill(days);
        await page.getByTestId('settings-save').click();
        await page.getByTestId('settings-form').waitFor({ state: 'detached' });
      }
      await expect.poll(() => page.getByTestId('detail-stage').textContent()).toBe('Churned');
      expect(session.errors).toEqual([]);
    });
  });

  for (const viewport of [{ width: 1400, height: 900 }, { width: 1024, height: 700 }]) {
    it(`fits the window whole and asks before restoring the defaults (${viewport.width}×${viewport.height})`, async () => {
      await withSphere(`settings-fit-${viewport.width}`, { viewport }, async ({ page, session, dataDir }) => {
        await page.getByTestId('open-settings').click();
        const dialog = page.getByTestId('settings-form');
        await dialog.waitFor();
        // Every field lies inside the dialog's box, and the dialog inside the window: no column cut off.
        const overflow = await dialog.evaluate((d) => {
          const box = d.getBoundingClientRect();
          const out = [...d.querySelectorAll('input, select, button')].filter((el) => {
            const r = el.getBoundingClientRect();
            return r.left < box.left || r.right > box.right;
          }).map((el) => el.getAttribute('data-testid') ?? el.textContent);
          return { out, right: box.right, width: window.innerWidth, scrollWidth: d.scrollWidth, clientWidth: d.clientWidth };
        });
        expect(overflow.out).toEqual([]);
        expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
        expect(overflow.right).toBeLessThanOrEqual(overflow.width);
        await screenshot(page, `settings-${viewport.width}x${viewport.height}`);

        await page.getByTestId('cadence-trust').fill('12');
        await page.getByRole('button', { name: 'Restore defaults' }).click();
        // Asks first: nothing saved, the dialog still open.
        await page.getByTestId('restore-defaults-confirm').waitFor();
        await screenshot(page, `settings-restore-ask-${viewport.width}x${viewport.height}`);
        expect(storedDocs(dataDir, 'settings')).toEqual([]);
        await page.getByRole('button', { name: 'Keep my settings' }).click();
        await page.getByTestId('restore-defaults-confirm').waitFor({ state: 'detached' });
        expect(await page.getByTestId('cadence-trust').inputValue()).toBe('12');

        await page.getByRole('button', { name: 'Restore defaults' }).click();
        await page.getByRole('button', { name: 'Restore the defaults' }).click();
        await dialog.waitFor({ state: 'detached' });
        await expect.poll(() => storedDocs<{ cadence: { trust: number } }>(dataDir, 'settings')[0]?.cadence.trust).toBe(30);
        expect(session.errors).toEqual([]);
      });
    });
  }
});
