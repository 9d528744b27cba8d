// Process: test (Node, drives Chromium). The journal as a user meets it: an edit, the host process restarted, and
// Undo still takes the edit back; the contact's history in the detail panel; a deleted contact restored from
// "Recently deleted" in the palette, and one undo deleting it again.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshDataDir, openPage, screenshot, startHost, type Host, type Session, addContact } from './harness.ts';

const hosts: Host[] = [];
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.browser.close();
  for (const h of hosts.splice(0)) await h.stop();
});

async function open(dataDir: string): Promise<Page> {
  const host = await startHost(dataDir);
  hosts.push(host);
  const session = await openPage(host.url, { viewport: { width: 1400, height: 900 } });
  sessions.push(session);
  await session.page.waitForFunction(() => (window as unknown as { __sphere?: unknown }).__sphere !== undefined);
  return session.page;
}


async function selectInList(page: Page, name: string): Promise<void> {
  if ((await page.getByTestId('list-view').count()) === 0) await page.getByTestId('toggle-list').click();
  await page.getByRole('row').filter({ hasText: name }).click();
  await page.getByTestId('detail-panel').waitFor();
}

const history = (page: Page) => page.getByTestId('contact-history').getByTestId('history-entry');

describe('the history a user can come back to', () => {
  it('undoes an edit after the host restarted, shows the history, and restores a deleted contact', async () => {
    const dataDir = freshDataDir('history');
    let page = await open(dataDir);
    await addContact(page, 'Grace Hopper');
    await selectInList(page, 'Grace Hopper');
    await page.getByTestId('action-edit').click();
    await page.getByTestId('edit-form').getByLabel('Title').fill('Rear Admiral');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('edit-form').waitFor({ state: 'detached' });
    await expect.poll(() => history(page).first().textContent()).toMatch(/this device.*title: nothing → Rear Admiral/);

    // The host goes away for good and a new one starts on the same data folder: a fresh window, same history.
    for (const s of sessions.splice(0)) await s.browser.close();
    for (const h of hosts.splice(0)) await h.stop();
    page = await open(dataDir);
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await expect.poll(() => undo.getAttribute('title')).toBe('Undo edit Grace Hopper (Ctrl+Z)');
    await selectInList(page, 'Grace Hopper');
    expect(await history(page).count()).toBe(2);
    await undo.click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toBe('Undid edit Grace Hopper');
    await expect.poll(() => page.getByTestId('detail-panel').locator('.sub').textContent()).toBe('Business');
    await expect.poll(() => history(page).first().textContent()).toMatch(/undid: title: Rear Admiral → nothing/);
    await screenshot(page, 'contact-history-1-after-restart-undo');

    // Deleted, then found in "Recently deleted" through the palette and brought back, selected.
    await page.getByTestId('action-delete').click();
    await page.getByTestId('delete-confirm-yes').click();
    await expect.poll(() => page.getByTestId('counts').textContent()).toMatch(/^0 contacts/);
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('recently deleted');
    await page.keyboard.press('Enter');
    const item = page.getByTestId('recently-deleted').getByTestId('deleted-contact');
    await expect.poll(() => item.textContent()).toMatch(/Grace Hopper.*deleted by you/);
    await screenshot(page, 'contact-history-2-recently-deleted');
    await item.getByTestId('restore-contact').click();
    await page.getByTestId('recently-deleted').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('counts').textContent()).toMatch(/^1 contact ·/);
    await expect.poll(() => page.getByTestId('detail-panel').locator('h2').textContent()).toBe('Grace Hopper');
    await expect.poll(() => history(page).first().textContent()).toMatch(/this device added/);
    await screenshot(page, 'contact-history-3-restored');

    // One undo takes the restore back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('counts').textContent()).toMatch(/^0 contacts/);
  });
});
