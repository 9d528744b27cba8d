// Process: test (Node, drives Chromium). Importing through the real Import dialog: a Google CSV with duplicates,
// a mapping changed, duplicates resolved one by one; then a large file cancelled (nothing stored) and imported
// whole with its progress bar seen. Screenshots of each step go to .artifacts/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ContactDoc } from '../../shared/schemas/index.ts';
import { contact } from '../support/contact-fixture.ts';
import { fillStore } from '../support/fill-store.ts';
import { screenshot, withSphere } from './harness.ts';
import { storedDocs } from './stored.ts';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'import');
const seeded = [
  contact('ann', { name: 'Ann Lee', ring: 'trust', emails: ['ann@example.com'], phones: [] }),
  contact('bo', { name: 'Bo Chen', emails: ['bo@example.com'] }),
];
const prepare = (dataDir: string) => fillStore(dataDir, { contacts: seeded, ties: [], touches: [], deals: [] });
const contacts = (dataDir: string) => storedDocs<ContactDoc>(dataDir, 'contacts');

/** Rows in the large file: enough that reading and checking it take visibly long, as a real address book export. */
const LARGE_ROWS = 20_000;

function writeLargeCsv(dir: string): string {
  const file = path.join(dir, 'large-google.csv');
  const lines = ['First Name,Last Name,Organization Name,E-mail 1 - Value,Phone 1 - Value,Labels,Notes'];
  for (let i = 0; i < LARGE_ROWS; i++) {
    lines.push(`Person${i},Family${i % 97},"Firm ${i % 500}, Inc.",person${i}@example.com,+1 415 ${String(200 + (i % 700)).padStart(3, '0')} ${String(i % 10000).padStart(4, '0')},* myContacts ::: Imported,"Row ${i}\nsecond line"`);
  }
  fs.writeFileSync(file, '\ufeff' + lines.join('\r\n') + '\r\n');
  return file;
}

async function openImport(page: Page) {
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('import contacts');
  await page.keyboard.press('Enter');
  await page.getByTestId('import-empty').waitFor();
}

describe('the Import dialog', () => {
  it('imports a Google CSV: mapping changed, duplicates resolved, bad row reported, one undo', () =>
    withSphere('import-google', { prepare, viewport: { width: 1400, height: 950 } }, async ({ page, dataDir, session }) => {
      await openImport(page);
      await screenshot(page, 'import-1-choose');
      // A workbook chosen by mistake is refused with what to do, and the dialog stays at the file step.
      await page.getByTestId('import-file').setInputFiles({ name: 'contacts.xlsx', mimeType: 'application/zip', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]) });
      await expect.poll(() => page.getByTestId('import-failure').textContent()).toBe('This is a ZIP archive (Excel and Numbers workbooks are ZIP archives), not a CSV or vCard file. Save the sheet as CSV and choose that file.');
      await page.getByTestId('import-file').setInputFiles(path.join(fixtures, 'google-current.csv'));
      await page.getByTestId('import-mapping').waitFor();
      await expect.poll(() => page.getByTestId('import-detected').textContent()).toMatch(/google-current\.csv: Google Contacts CSV \(current headers\), UTF-8 with BOM, 8 rows/);
      // The preview shows rows as they will be stored: the Chinese name family name first, the phone in E.164.
      await expect.poll(() => page.getByTestId('import-preview').textContent()).toMatch(/王小明.*\+861065529988/);

      // Job titles are not wanted; everyone imported is a friend, in Like.
      await page.getByLabel('Organization Title becomes').selectOption('ignore');
      await page.getByTestId('import-category').selectOption('friends');
      await page.getByTestId('import-ring').selectOption('like');
      await screenshot(page, 'import-2-mapping');
      await page.getByTestId('import-next').click();

      await page.getByTestId('import-duplicates').waitFor();
      const duplicates = await page.getByTestId('import-duplicates').locator('tbody tr').allTextContents();
      expect(duplicates).toEqual([expect.stringMatching(/^2Ann Lee.*Ann Lee \(in your sphere\)email/), expect.stringMatching(/^11Ann Lee.*Ann Lee \(in your sphere\)email/)]);
      expect(await page.getByTestId('import-errors').textContent()).toBe('Line 12: "not-an-email" is not an email address');
      // Merge the first Ann, skip the second card.
      await page.getByTestId('duplicates-all-merge').click();
      await page.getByTestId('duplicate-11').selectOption('skip');
      await expect.poll(() => page.getByTestId('import-outcome').textContent()).toMatch(/Import will add 5, merge 1 and skip 1, leaving out 1 bad row\./);
      await screenshot(page, 'import-3-duplicates');
      // Choosing to stop on bad rows imports nothing: the Import button is off until the choice is skip again.
      await page.getByTestId('errors-stop').check();
      await expect.poll(() => page.getByTestId('import-outcome').textContent()).toMatch(/^Nothing will be imported/);
      expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
      await page.getByTestId('errors-skip').check();
      expect(contacts(dataDir)).toHaveLength(2);

      await page.getByTestId('import-confirm').click();
      await expect.poll(() => page.getByTestId('import-summary').textContent()).toMatch(/Imported 5, merged 1, skipped 1; 1 row could not be imported/);
      await screenshot(page, 'import-4-summary');
      const stored = contacts(dataDir);
      expect(stored).toHaveLength(7);
      const ann = stored.find((c) => c.id === 'ann')!;
      expect(ann).toMatchObject({ ring: 'trust', phones: ['+14155550100'], organisation: 'Acme' });
      // The skipped second card brought nothing: its phone and note are not there.
      expect(ann.notes).toBeUndefined();
      const jose = stored.find((c) => c.name === 'José Álvarez')!;
      expect(jose).toMatchObject({ category: 'friends', ring: 'like', organisation: 'Smith, Jones & Co' });
      expect(jose.title).toBeUndefined();
      await page.getByTestId('import-close').click();
      await expect.poll(() => page.getByTestId('counts').textContent()).toMatch(/^7 contacts/);

      // One undo takes the whole import back, the merge included.
      await page.keyboard.press('Control+z');
      await expect.poll(() => contacts(dataDir).length).toBe(2);
      expect(contacts(dataDir).find((c) => c.id === 'ann')).toMatchObject({ phones: [], ring: 'trust' });
      expect(session.errors).toEqual([]);
    }));

  it('cancels a large import with nothing stored, then imports it whole with the progress bar seen', () =>
    withSphere('import-large', { prepare, viewport: { width: 1400, height: 950 } }, async ({ page, dataDir, session }) => {
      const file = writeLargeCsv(dataDir);
      await openImport(page);
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-mapping').waitFor({ timeout: 60_000 });
      await page.getByTestId('import-next').click();
      await page.getByTestId('import-progress').waitFor();
      await screenshot(page, 'import-5-large-progress');
      await page.getByTestId('import-cancel').click();
      await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
      expect(contacts(dataDir)).toHaveLength(2);

      await openImport(page);
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-mapping').waitFor({ timeout: 60_000 });
      await page.getByTestId('import-next').click();
      // The bar moves: some rows checked of all of them, before the review.
      const bar = page.getByTestId('import-progress').locator('progress');
      await bar.waitFor();
      expect(Number(await bar.getAttribute('max'))).toBe(LARGE_ROWS);
      await page.getByTestId('import-confirm').waitFor({ timeout: 120_000 });
      expect(await page.getByTestId('import-outcome').textContent()).toMatch(/Import will add 20,000, merge 0 and skip 0/);
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-summary').waitFor({ timeout: 180_000 });
      await screenshot(page, 'import-6-large-done');
      expect(contacts(dataDir)).toHaveLength(LARGE_ROWS + 2);
      expect(contacts(dataDir).find((c) => c.name === 'Person19999 Family17')).toMatchObject({ emails: ['person19999@example.com'], notes: 'Row 19999\nsecond line', tags: ['Imported'] });
      expect(session.errors).toEqual([]);
    }), 300_000);
});
