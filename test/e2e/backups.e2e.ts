// Process: test (Node, drives Chromium). Settings → Backups through the real UI: the backups listed with what they
// hold, one made on demand, and a restore that names its counts before it replaces the sphere.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshDataDir, screenshot, withSphere, addContact } from './harness.ts';
import { storedDocs } from './stored.ts';
import { StoreService } from '../../electron/store/store-service.ts';

const SAMPLE = 24;

/** A sphere already there when the host starts, so its launch backup holds it. */
async function sampleSphere(dataDir: string): Promise<void> {
  const store = new StoreService(dataDir);
  try {
    await store.ready();
    await store.commands.run({ type: 'sample.load', size: SAMPLE });
  } finally {
    store.close();
  }
}


const nodeCount = (page: Page) => page.evaluate(() => (window as unknown as { __sphere: { nodeCount(): number } }).__sphere.nodeCount());

describe('backups in Settings', () => {
  it('lists backups with their counts, backs up now, and restores one after naming what it holds', async () => {
    await withSphere('backups', { prepare: sampleSphere, viewport: { width: 1400, height: 900 } }, async ({ dataDir, page }) => {
      const count = (collection: 'ties' | 'touches' | 'deals') => storedDocs(dataDir, collection).length;
      const sample = { ties: count('ties'), touches: count('touches'), deals: count('deals') };
      await expect.poll(() => nodeCount(page)).toBe(SAMPLE);

      // Reachable from Settings at any time, not only after damage: the launch backup is there with its counts.
      await page.keyboard.press('Control+,');
      await page.getByTestId('settings-form').waitFor();
      await page.getByTestId('settings-backups').scrollIntoViewIfNeeded();
      await screenshot(page, 'backups-0-settings');
      await page.getByTestId('settings-backups').click();
      const rows = page.getByTestId('backup-row');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain(`${SAMPLE} contacts, ${sample.ties} ties, ${sample.touches} touches and ${sample.deals} deals`);
      await screenshot(page, 'backups-1-settings-list');
      await page.getByTestId('backups-form').getByRole('button', { name: 'Close' }).click();

      // The sphere changes, and the user backs it up on demand: the new backup says so, and is listed first.
      await addContact(page, 'Noor Haddad', { category: 'friends' });
      await expect.poll(() => storedDocs(dataDir, 'contacts').length).toBe(SAMPLE + 1);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+k');
      await page.getByTestId('palette-input').fill('restore backup');
      await page.keyboard.press('Enter');
      await page.getByTestId('backups-form').waitFor();
      await page.getByTestId('backup-now').click();
      await expect.poll(() => page.getByTestId('backup-made').textContent()).toMatch(new RegExp(`^Backed up: ${SAMPLE + 1} contacts`));
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.nth(0).textContent()).toContain(`${SAMPLE + 1} contacts`);
      expect(await rows.nth(1).textContent()).toContain(`${SAMPLE} contacts`);
      await screenshot(page, 'backups-2-made-now');

      // Restoring the older one names what it holds and what the sphere holds now, before anything happens.
      await rows.nth(1).getByTestId('backup-restore').click();
      const confirm = page.getByTestId('restore-confirm');
      await confirm.waitFor();
      expect(await page.getByTestId('restore-confirm-counts').textContent()).toBe(`It holds ${SAMPLE} contacts, ${sample.ties} ties, ${sample.touches} touches and ${sample.deals} deals.`);
      expect(await confirm.textContent()).toContain(`Your sphere now holds ${SAMPLE + 1} contacts`);
      expect(storedDocs(dataDir, 'contacts')).toHaveLength(SAMPLE + 1);
      await screenshot(page, 'backups-3-confirm-restore');

      await page.getByTestId('restore-confirm-yes').click();
      // The window reloads on the restored store: Noor is gone again, the sample is whole.
      await expect.poll(() => storedDocs(dataDir, 'contacts').length).toBe(SAMPLE);
      await page.waitForFunction((n) => (window as unknown as { __sphere?: { nodeCount(): number } }).__sphere?.nodeCount() === n, SAMPLE);
      expect(storedDocs<{ name: string }>(dataDir, 'contacts').some((c) => c.name === 'Noor Haddad')).toBe(false);
      // The reloaded window says what was restored and where the replaced sphere went.
      await expect.poll(() => page.getByTestId('toast').textContent()).toMatch(new RegExp(`^Restored the backup of .*: ${SAMPLE} contacts.*kept in the data folder`));
      await screenshot(page, 'backups-4-restored');
    });
  });

  it('offers "Back up now" in the palette and says what the backup holds', async () => {
    await withSphere('backup-now', { prepare: sampleSphere }, async ({ page }) => {
      await expect.poll(() => nodeCount(page)).toBe(SAMPLE);
      await page.keyboard.press('Control+k');
      await page.getByTestId('palette-input').fill('back up now');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('toast').textContent()).toContain(`Backed up: ${SAMPLE} contacts`);
      await screenshot(page, 'backups-5-palette-back-up-now');
    });
  });

  it('after a damaged store, offers only whole backups from the banner and names what one holds before restoring it', async () => {
    // A good backup from an earlier day, and a zero-byte file with a backup's name beside it.
    const earlier = freshDataDir('earlier');
    const source = new StoreService(earlier);
    await source.ready();
    await source.commands.run({ type: 'sample.load', size: SAMPLE });
    const good = await source.backupNow();
    source.close();
    const prepare = async (dataDir: string) => {
      fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
      fs.copyFileSync(path.join(earlier, 'backups', good.name), path.join(dataDir, 'backups', good.name));
      fs.writeFileSync(path.join(dataDir, 'backups', 'sphere-2026-01-01T00-00-00.000Z.db'), '');
      fs.writeFileSync(path.join(dataDir, 'sphere.db'), Buffer.from('SQLite format 3\0' + 'x'.repeat(5000)));
    };
    await withSphere('backups-banner', { prepare }, async ({ dataDir, page }) => {
      const banner = page.getByTestId('store-problem');
      await banner.waitFor();
      await banner.getByRole('button', { name: 'Restore a backup…' }).click();
      const items = banner.locator('li');
      await expect.poll(() => items.count()).toBeGreaterThanOrEqual(2);
      const whole = items.filter({ hasText: `${SAMPLE} contacts` });
      const empty = items.filter({ hasText: 'cannot be read' });
      expect(await empty.getByTestId('problem-restore').isDisabled()).toBe(true);
      await screenshot(page, 'backups-6-banner-list');
      let asked = '';
      page.once('dialog', (dialog) => {
        asked = dialog.message();
        void dialog.accept();
      });
      await whole.getByTestId('problem-restore').click();
      await page.waitForFunction((n) => (window as unknown as { __sphere?: { nodeCount(): number } }).__sphere?.nodeCount() === n, SAMPLE);
      expect(asked).toMatch(new RegExp(`It holds ${SAMPLE} contacts, \\d+ ties, \\d+ touches and \\d+ deals\\.$`));
      expect(storedDocs(dataDir, 'contacts')).toHaveLength(SAMPLE);
      await expect.poll(() => page.getByTestId('toast').textContent()).toMatch(new RegExp(`^Restored the backup of .*: ${SAMPLE} contacts`));
      await screenshot(page, 'backups-7-banner-restored');
    });
  });
});
