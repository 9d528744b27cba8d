// Process: test (Node, drives Chromium). Issue 14 through the real UI: every record in the detail panel corrected
// or deleted with undo, the panel showing what was typed, the sample taken back out, the picker that never picks
// for the user, and the duplicate finder. At the two window sizes people use (1400×900 and 1024×700).
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshDataDir, openPage, screenshot, startHost, type Host, type Session } from './harness.ts';
import { storedDocs } from './stored.ts';

const running: { host: Host; session: Session }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.session.browser.close();
    await r.host.stop();
  }
});

const WIDE = { width: 1400, height: 900 };
const SMALL = { width: 1024, height: 700 };

type Contact = { id: string; name: string; tags: string[]; notes?: string; optIn?: { granted: boolean; at: number; source: string } };
type Tie = { id: string; kind: string; from: string; to: string; note?: string };
type Touch = { id: string; note?: string; supersedes?: string };
type Deal = { id: string; amount: number };

async function start(name: string, viewport: { width: number; height: number }) {
  const dataDir = freshDataDir(name);
  const host = await startHost(dataDir);
  const session = await openPage(host.url, { viewport });
  running.push({ host, session });
  await session.page.waitForFunction(() => (window as unknown as { __sphere?: unknown }).__sphere !== undefined);
  return { dataDir, page: session.page, session };
}

async function addContact(page: Page, name: string, extra: { organisation?: string; email?: string; phone?: string } = {}) {
  await page.getByTestId('add-contact').click();
  await page.getByTestId('contact-name').fill(name);
  await page.getByTestId('contact-category').selectOption('business');
  await page.getByTestId('contact-ring').selectOption('like');
  if (extra.organisation) await page.getByTestId('contact-organisation').fill(extra.organisation);
  if (extra.email) await page.getByTestId('contact-email').fill(extra.email);
  if (extra.phone) await page.getByTestId('contact-phone').fill(extra.phone);
  await page.getByTestId('contact-save').click();
  await page.getByTestId('contact-form').waitFor({ state: 'detached' });
  await page.getByTestId('detail-panel').getByRole('heading', { name }).waitFor();
}

/** The add forms' buttons are named `touch-save`, `deal-save`; the others `<form>-save`. */
const SAVE_BUTTON: Record<string, string> = { 'touch-form': 'touch-save', 'deal-form': 'deal-save', 'edit-form': 'edit-save', 'edit-touch-form': 'edit-touch-save', 'edit-deal-form': 'edit-deal-save', 'edit-tie-form': 'edit-tie-save' };

async function save(page: Page, form: string) {
  await page.getByTestId(SAVE_BUTTON[form] ?? `${form}-save`).click();
  await page.getByTestId(form).waitFor({ state: 'detached' });
}

const panel = (page: Page) => page.getByTestId('detail-panel');

describe('correcting what was typed', () => {
  it('edits and deletes a deal, a touch and a referral from the detail panel, each undoable', async () => {
    const { dataDir, page, session } = await start('correct-records', WIDE);
    await addContact(page, 'Bo Chen');
    await addContact(page, 'Ann Lee');
    await page.getByTestId('action-referral').click();
    await page.getByTestId('referral-form-person').fill('bo');
    await page.getByTestId('referral-form-option').filter({ hasText: 'Bo Chen' }).click();
    await save(page, 'referral-form');
    await page.getByTestId('action-touch').click();
    await page.getByTestId('touch-note').fill('Cofee, typo');
    await save(page, 'touch-form');
    await page.getByTestId('action-deal').click();
    await page.getByTestId('deal-amount').fill('12000');
    await save(page, 'deal-form');

    // The panel lists the deal, the referral by name and the touch.
    await expect.poll(() => panel(page).getByTestId('deal-row').textContent()).toMatch(/\$12,000/);
    expect(await panel(page).getByTestId('referrals-given').textContent()).toMatch(/Bo Chen/);
    await screenshot(page, 'corrections-1-panel-records');

    // A wrong amount is corrected, deleted, and both steps undone.
    await panel(page).getByTestId('deal-edit').click();
    await page.getByTestId('edit-deal-amount').fill('9,500');
    await screenshot(page, 'corrections-1a-edit-deal');
    await save(page, 'edit-deal-form');
    await expect.poll(() => storedDocs<Deal>(dataDir, 'deals').map((d) => d.amount)).toEqual([950_000]);
    await expect.poll(() => panel(page).getByTestId('deal-row').textContent()).toMatch(/\$9,500/);
    await panel(page).getByTestId('deal-delete').click();
    await expect.poll(() => storedDocs<Deal>(dataDir, 'deals')).toEqual([]);
    await expect.poll(() => panel(page).getByTestId('deal-row').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => storedDocs<Deal>(dataDir, 'deals').map((d) => d.amount)).toEqual([950_000]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => storedDocs<Deal>(dataDir, 'deals').map((d) => d.amount)).toEqual([1_200_000]);

    // A touch is corrected by a new touch that supersedes it; deleting it and undoing brings it back.
    const [typo] = storedDocs<Touch>(dataDir, 'touches');
    await panel(page).getByTestId('touch-edit').click();
    await page.getByTestId('edit-touch-note').fill('Coffee at Luigi\'s');
    await screenshot(page, 'corrections-1b-edit-touch');
    await save(page, 'edit-touch-form');
    await expect.poll(() => storedDocs<Touch>(dataDir, 'touches').map((t) => [t.note, t.supersedes])).toEqual([['Coffee at Luigi\'s', typo!.id]]);
    await expect.poll(() => panel(page).getByTestId('touch-row').textContent()).toMatch(/Coffee at Luigi's/);
    await panel(page).getByTestId('touch-delete').click();
    await expect.poll(() => storedDocs<Touch>(dataDir, 'touches')).toEqual([]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => storedDocs<Touch>(dataDir, 'touches').map((t) => t.note)).toEqual(['Coffee at Luigi\'s']);

    // The referral: a note added, then removed and brought back.
    await panel(page).getByTestId('referrals-given').getByTestId('tie-edit').click();
    await page.getByTestId('edit-tie-note').fill('Met at the school fair');
    await save(page, 'edit-tie-form');
    await expect.poll(() => storedDocs<Tie>(dataDir, 'ties').map((t) => t.note)).toEqual(['Met at the school fair']);
    await panel(page).getByTestId('referrals-given').getByTestId('tie-delete').click();
    await expect.poll(() => storedDocs<Tie>(dataDir, 'ties')).toEqual([]);
    await expect.poll(() => panel(page).getByTestId('referrals-given').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => storedDocs<Tie>(dataDir, 'ties').map((t) => t.kind)).toEqual(['referral']);

    // The referred person opens from the list, and shows who referred them.
    await panel(page).getByTestId('referrals-given').getByTestId('open-person').click();
    await panel(page).getByRole('heading', { name: 'Bo Chen' }).waitFor();
    expect(await panel(page).getByTestId('referred-by').textContent()).toMatch(/Ann Lee/);
    await screenshot(page, 'corrections-2-referred-by');
    expect(session.errors).toEqual([]);
  });

  for (const viewport of [WIDE, SMALL]) {
    it(`shows notes, tags, birthday, address and links that wrap, and keeps tags once (${viewport.width}×${viewport.height})`, async () => {
      const { dataDir, page, session } = await start(`panel-${viewport.width}`, viewport);
      const email = 'dee.ray.with.a.rather.long.address@harbor-realty-and-mortgage.example';
      await addContact(page, 'Dee Ray', { email, phone: '+1 (555) 201-7788' });
      await page.getByTestId('action-edit').click();
      await page.getByTestId('edit-tags').fill('golf, golf, Golf , vip');
      await page.getByTestId('edit-notes').fill('Two kids; loves sailing.\nAsk about the lake house.');
      await page.getByTestId('edit-birthday').fill('1980-04-23');
      await page.getByTestId('edit-address').fill('12 Harbor Road, Portland');
      await page.getByTestId('edit-optin').check();
      await page.getByTestId('edit-optin-date').fill('2024-03-05');
      await page.getByTestId('edit-optin-source').fill('open house sign-in');
      await save(page, 'edit-form');

      await expect.poll(() => panel(page).getByTestId('detail-tags').locator('li').allTextContents()).toEqual(['golf', 'vip']);
      const stored = storedDocs<Contact>(dataDir, 'contacts')[0]!;
      expect(stored.tags).toEqual(['golf', 'vip']);
      expect(await panel(page).getByTestId('detail-notes').textContent()).toBe('Two kids; loves sailing.\nAsk about the lake house.');
      expect(await panel(page).getByTestId('detail-birthday').textContent()).toMatch(/23.*April.*1980|April 23, 1980/);
      expect(await panel(page).getByTestId('detail-address').textContent()).toBe('12 Harbor Road, Portland');
      expect(await panel(page).getByTestId('detail-phones').locator('a').getAttribute('href')).toBe('tel:+15552017788');
      expect(await panel(page).getByTestId('detail-emails').locator('a').getAttribute('href')).toBe(`mailto:${email}`);
      // The long address wraps inside the panel instead of running off its edge.
      const link = (await panel(page).getByTestId('detail-emails').locator('a').boundingBox())!;
      const box = (await panel(page).boundingBox())!;
      expect(link.x + link.width).toBeLessThanOrEqual(box.x + box.width);
      // The opt-in day is the one the user entered, not the moment of saving.
      expect(stored.optIn).toMatchObject({ granted: true, source: 'open house sign-in' });
      expect(await page.evaluate((at) => { const d = new Date(at); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; }, stored.optIn!.at)).toEqual([2024, 3, 5]);
      expect(await panel(page).getByTestId('detail-optin').textContent()).toMatch(/opted in .*open house sign-in/);
      await screenshot(page, `corrections-3-panel-facts-${viewport.width}`);
      expect(session.errors).toEqual([]);
    });
  }

  it('removes the sample people in one step, leaving the user\'s own, and says why a second load does nothing', async () => {
    const { dataDir, page, session } = await start('sample-remove', SMALL);
    await addContact(page, 'My Own');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('load-sample').click();
    await expect.poll(() => page.getByTestId('counts').textContent(), { timeout: 60_000 }).toMatch(/^301 contacts/);
    await page.getByTestId('sample-progress').waitFor({ state: 'detached' });
    // A second load, from the palette: refused with the reason.
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('load the sample');
    await expect.poll(() => page.getByTestId('palette-unavailable').textContent()).toMatch(/already here \(300 of them\)\. Remove sample people first/);
    await page.keyboard.press('Escape');
    // Search finds job titles and phone digits, and says how many more there are beyond the first eight.
    const results = page.getByTestId('search-results').getByRole('option');
    await page.getByTestId('search').fill('broker');
    await expect.poll(() => results.count()).toBe(8);
    expect(await results.first().textContent()).toMatch(/Broker/);
    await page.getByTestId('search-more').waitFor();
    await screenshot(page, 'corrections-4a-search-more');
    const more = Number(/^(\d+) more/.exec((await page.getByTestId('search-more').textContent())!)![1]);
    await page.getByTestId('search-more').click();
    await expect.poll(() => results.count()).toBe(8 + more);
    await page.getByTestId('search').fill('555 2');
    await expect.poll(() => results.first().textContent()).toMatch(/\+1 555 2/);
    await page.getByTestId('search').fill('my own');
    await page.keyboard.press('Enter');
    await panel(page).getByRole('heading', { name: 'My Own' }).waitFor();
    await page.getByTestId('action-touch').click();
    await save(page, 'touch-form');
    await screenshot(page, 'corrections-4-sample-loaded');

    await page.getByTestId('remove-sample').click();
    await expect.poll(() => page.getByTestId('counts').textContent()).toBe('1 contact · 0 ties');
    expect(storedDocs<Contact>(dataDir, 'contacts').map((c) => c.name)).toEqual(['My Own']);
    expect(storedDocs(dataDir, 'touches')).toHaveLength(1);
    expect(storedDocs(dataDir, 'deals')).toEqual([]);
    await expect.poll(() => page.getByTestId('toast').textContent()).toMatch(/Sample people removed/);
    await page.getByTestId('load-sample').waitFor();
    await screenshot(page, 'corrections-5-sample-removed');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('counts').textContent()).toMatch(/^301 contacts/);
    expect(session.errors).toEqual([]);
  });

  it('tells two people of the same name apart in the picker, found by a typo, and never picks for the user', async () => {
    const { dataDir, page, session } = await start('picker', WIDE);
    await addContact(page, 'Yara Banerjee', { organisation: 'Harbor Realty', email: 'yara@harbor.example' });
    await addContact(page, 'Yara Banerjee', { organisation: 'Cedar Legal', email: 'yb@cedar.example' });
    await addContact(page, 'Ann Lee');
    await page.getByTestId('action-referral').click();
    await page.getByTestId('referral-form-person').fill('yara banerje');
    const options = page.getByTestId('referral-form-option');
    await expect.poll(() => options.allTextContents()).toEqual(expect.arrayContaining(['Yara BanerjeeHarbor Realty · yara@harbor.example', 'Yara BanerjeeCedar Legal · yb@cedar.example']));
    expect(await options.count()).toBe(2);
    await screenshot(page, 'corrections-6-picker-same-name');
    // Typing alone chooses nobody.
    await page.getByTestId('referral-form-save').click();
    expect(await page.getByTestId('referral-form').getByRole('alert').textContent()).toMatch(/Choose someone from the list/);
    expect(storedDocs(dataDir, 'ties')).toEqual([]);
    await options.filter({ hasText: 'Cedar Legal' }).click();
    expect(await page.getByTestId('referral-form-chosen').textContent()).toMatch(/Yara Banerjee.*Cedar Legal/);
    await save(page, 'referral-form');
    const cedar = storedDocs<Contact & { organisation?: string }>(dataDir, 'contacts').find((c) => c.organisation === 'Cedar Legal')!;
    await expect.poll(() => storedDocs<Tie>(dataDir, 'ties').map((t) => t.to)).toEqual([cedar.id]);
    expect(session.errors).toEqual([]);
  });

  it('lists likely duplicates and merges the pair into the record the user keeps', async () => {
    const { dataDir, page, session } = await start('duplicates', SMALL);
    await addContact(page, 'Yara Banerjee', { organisation: 'Harbor Realty', email: 'yara@harbor.example' });
    await addContact(page, 'Yara Banerje', { email: 'YARA@harbor.example', phone: '555 201 7788' });
    await addContact(page, 'Bo Chen', { phone: '+1 555 999 0000' });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('duplicates');
    await page.keyboard.press('Enter');
    const pairs = page.getByTestId('duplicates-pair');
    await expect.poll(() => pairs.count()).toBe(1);
    expect(await pairs.first().textContent()).toMatch(/same email, similar name/);
    await screenshot(page, 'corrections-7-duplicates');
    const keep = pairs.first().locator('.dup-side').filter({ hasText: 'Harbor Realty' }).getByTestId('duplicates-keep');
    await keep.click();
    await expect.poll(() => storedDocs<Contact>(dataDir, 'contacts').map((c) => c.name).sort()).toEqual(['Bo Chen', 'Yara Banerjee']);
    await page.getByTestId('duplicates-none').waitFor();
    await page.getByTestId('duplicates').getByRole('button', { name: 'Close' }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => storedDocs<Contact>(dataDir, 'contacts')).toHaveLength(3);
    expect(session.errors).toEqual([]);
  });
});
