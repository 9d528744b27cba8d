// Process: test (Node, drives Chromium). What a person who lives by their sphere does every day, through the real UI.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshDataDir, openPage, screenshot, startHost, type Host, type Session, addContact as addThroughForm } from './harness.ts';
import { storedDocs } from './stored.ts';
import { COMMAND_SPECS } from '../../shared/command-specs.ts';

type Probe = { nodeCount(): number; nodePosition(id: string): { x: number; y: number } | null };
const running: { host: Host; session: Session }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.session.browser.close();
    await r.host.stop();
  }
});

type Contact = { id: string; name: string; ring: string; emails: string[] };
type Tie = { kind: string; from: string; to: string; reward?: string; rewardedAt?: number };

async function start(name: string) {
  const dataDir = freshDataDir(name);
  const host = await startHost(dataDir);
  const session = await openPage(host.url, { viewport: { width: 1600, height: 900 } });
  running.push({ host, session });
  await session.page.waitForFunction(() => (window as unknown as { __sphere?: Probe }).__sphere !== undefined);
  return { dataDir, page: session.page, session };
}

async function addContact(page: Page, name: string, category: string, ring: string) {
  await addThroughForm(page, name, { category, ring });
  await page.getByTestId('detail-panel').getByRole('heading', { name }).waitFor();
}

async function select(page: Page, dataDir: string, name: string) {
  const id = storedDocs<Contact>(dataDir, 'contacts').find((c) => c.name === name)!.id;
  const at = (await page.evaluate((i) => (window as unknown as { __sphere: Probe }).__sphere.nodePosition(i), id))!;
  await page.mouse.click(at.x, at.y);
  await page.getByTestId('detail-panel').getByRole('heading', { name }).waitFor();
}

const contactNamed = (dataDir: string, name: string) => storedDocs<Contact>(dataDir, 'contacts').find((c) => c.name === name);

describe('relationship workflows', () => {
  it('logs a touch, records a referral and then its thanks, and records deals until the stage is repeat', async () => {
    const { dataDir, page, session } = await start('flows');
    await addContact(page, 'Bo Chen', 'friends', 'know');
    await addContact(page, 'Ann Lee', 'business', 'like');

    // Quick-log with the keyboard on the selected contact.
    await page.keyboard.press('l');
    await page.getByTestId('touch-form').waitFor();
    await page.getByTestId('touch-note').fill('Coffee after the open house');
    await page.getByTestId('touch-save').click();
    await page.getByTestId('touch-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('detail-panel').textContent()).toMatch(/Call · you reached out\s*Coffee after the open house/);
    expect(storedDocs<{ kind: string; note: string }>(dataDir, 'touches')).toMatchObject([{ kind: 'call', note: 'Coffee after the open house' }]);

    // Ann referred Bo.
    await page.getByTestId('action-referral').click();
    await page.getByTestId('referral-form-person').fill('Bo Chen');
    await page.getByTestId('referral-form-option').filter({ hasText: 'Bo Chen' }).click();
    await page.getByTestId('referral-form-save').click();
    await page.getByTestId('referral-form').waitFor({ state: 'detached' });
    await expect.poll(() => storedDocs<Tie>(dataDir, 'ties').length).toBe(1);

    await page.getByTestId('open-thanks').click();
    const rows = page.getByTestId('thanks-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/Ann Lee referred Bo Chen/);
    await screenshot(page, 'workflows-1-referral-to-thank');
    await rows.first().getByRole('button', { name: 'Thank…' }).click();
    await page.getByTestId('thank-save').click();
    expect(await page.getByTestId('thank-form').getByRole('alert').textContent()).toMatch(/how you thanked/);
    await page.getByTestId('thank-reward').fill('Dinner at Luigi\'s');
    await page.getByTestId('thank-save').click();
    await expect.poll(() => rows.count()).toBe(0);
    expect(storedDocs<Tie>(dataDir, 'ties')[0]).toMatchObject({ kind: 'referral', reward: 'Dinner at Luigi\'s' });
    await page.getByTestId('open-thanks').click();

    // Bo buys, then buys again: first-time, then repeat.
    await select(page, dataDir, 'Bo Chen');
    await page.getByTestId('action-deal').click();
    await page.getByTestId('deal-amount').fill('-5');
    await page.getByTestId('deal-save').click();
    expect(await page.getByTestId('deal-form').getByRole('alert').textContent()).toMatch(/positive number/);
    expect(storedDocs(dataDir, 'deals')).toEqual([]);
    await page.getByTestId('deal-amount').fill('1,250.50');
    await page.getByTestId('deal-referral').selectOption({ label: 'Referred by Ann Lee' });
    await page.getByTestId('deal-save').click();
    await page.getByTestId('deal-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('detail-stage').textContent()).toBe('First-time customer');
    await page.keyboard.press('d');
    await page.getByTestId('deal-amount').fill('300');
    await page.getByTestId('deal-save').click();
    await expect.poll(() => page.getByTestId('detail-stage').textContent()).toBe('Repeat customer');
    expect(await page.getByTestId('detail-ltv').textContent()).toMatch(/1,551/);
    await screenshot(page, 'workflows-2-repeat-customer');

    // Undo covers it: the second deal goes, the stage steps back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('detail-stage').textContent()).toBe('First-time customer');
    // Derived when read, never stored: nothing on the contact can go stale or flip.
    expect(contactNamed(dataDir, 'Bo Chen')).not.toHaveProperty('stage');
    expect(session.errors).toEqual([]);
  });

  it('shows lifetime value per currency, the base currency first, instead of one sum in dollars', async () => {
    const { page } = await start('currencies');
    await addContact(page, 'Eli Euro', 'business', 'like');
    for (const [amount, currency] of [['300', 'EUR'], ['1,250.50', 'USD']]) {
      await page.getByTestId('action-deal').click();
      await page.getByTestId('deal-amount').fill(amount!);
      await page.getByTestId('deal-currency').fill(currency!);
      await page.getByTestId('deal-save').click();
      await page.getByTestId('deal-form').waitFor({ state: 'detached' });
    }
    await expect.poll(() => page.getByTestId('detail-ltv').textContent()).toBe('$1,251 · €300');
  });

  it('merges two records of the same person', async () => {
    const { dataDir, page } = await start('merge');
    await addContact(page, 'Ann L.', 'business', 'trust');
    await addContact(page, 'Ann Lee', 'business', 'know');
    await page.getByTestId('action-touch').click();
    await page.getByTestId('touch-save').click();
    await page.getByTestId('touch-form').waitFor({ state: 'detached' });
    await page.getByTestId('action-merge').click();
    await page.getByTestId('merge-form-person').fill('Ann L.');
    await page.getByTestId('merge-form-option').filter({ hasText: 'Ann L.' }).click();
    await page.getByTestId('merge-form-save').click();
    await page.getByTestId('merge-form').waitFor({ state: 'detached' });
    await expect.poll(() => storedDocs<Contact>(dataDir, 'contacts').map((c) => [c.name, c.ring])).toEqual([['Ann Lee', 'trust']]);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __sphere: Probe }).__sphere.nodeCount())).toBe(1);
    expect(await page.getByTestId('counts').textContent()).toMatch(/^1 contact ·/);
  });

  it('works through the Today list with one click each, and reaches commands from the palette', async () => {
    const { dataDir, page } = await start('today');
    await addContact(page, 'Cy Park', 'acquaintance', 'prospect');
    await addContact(page, 'Dee Ray', 'family', 'trust');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('today');
    await page.keyboard.press('Enter');
    const rows = page.getByTestId('today-row');
    await expect.poll(() => rows.count()).toBe(2);
    await screenshot(page, 'workflows-3-today');
    await rows.filter({ hasText: 'Cy Park' }).getByRole('button', { name: 'Call' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await rows.filter({ hasText: 'Dee Ray' }).getByRole('button', { name: 'Message' }).click();
    await expect.poll(() => page.getByTestId('today-panel').textContent()).toMatch(/Nothing is due today/);
    expect(storedDocs<{ kind: string }>(dataDir, 'touches').map((t) => t.kind).sort()).toEqual(['call', 'message']);
  });

  it('lists in the palette the commands that apply now, and says why the others do not', async () => {
    const { page } = await start('palette');
    await page.keyboard.press('Control+k');
    const options = page.getByTestId('command-palette').getByRole('option');
    // Nobody is selected: everything but the palette itself, the commands about a contact, and the colour the
    // graph already has. An empty sphere has no sample people to remove and no pairs to compare for duplicates.
    const needPeople = new Set(['sample.remove', 'contact.duplicates', 'view.colourCategory']);
    const expected = COMMAND_SPECS.filter((c) => c.id !== 'palette.open' && !needPeople.has(c.id) && (c.group !== 'contact' || c.id === 'contact.add')).map((c) => c.title);
    await expect.poll(() => options.locator('span').allTextContents()).toEqual(expected);
    await screenshot(page, 'workflows-palette-all');
    await page.keyboard.type('log');
    await expect.poll(() => page.getByTestId('palette-unavailable').allTextContents()).toEqual(['Log a touchSelect a contact first (click one in the sphere).']);
    await screenshot(page, 'workflows-palette-unavailable');
    await page.keyboard.press('Escape');

    await addContact(page, 'Ann Lee', 'business', 'like');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('log');
    await expect.poll(() => options.allTextContents()).toEqual(['Log a touchL']);
    await screenshot(page, 'workflows-palette');
    await page.keyboard.press('Enter');
    await page.getByTestId('touch-form').waitFor();
  });

  it('deletes a contact with its ties after saying so, and undo brings both back', async () => {
    const { dataDir, page } = await start('delete');
    await addContact(page, 'Bo Chen', 'friends', 'know');
    await addContact(page, 'Ann Lee', 'business', 'like');
    await page.getByTestId('action-referral').click();
    await page.getByTestId('referral-form-person').fill('Bo Chen');
    await page.getByTestId('referral-form-option').filter({ hasText: 'Bo Chen' }).click();
    await page.getByTestId('referral-form-save').click();
    await page.getByTestId('referral-form').waitFor({ state: 'detached' });
    await page.getByTestId('action-delete').click();
    expect(await page.getByTestId('delete-confirm').textContent()).toMatch(/has 1 tie.*removed too/);
    await page.getByTestId('delete-confirm-yes').click();
    await expect.poll(() => storedDocs<Contact>(dataDir, 'contacts').map((c) => c.name)).toEqual(['Bo Chen']);
    expect(storedDocs(dataDir, 'ties')).toEqual([]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => storedDocs<Contact>(dataDir, 'contacts').length).toBe(2);
    await expect.poll(() => storedDocs<Tie>(dataDir, 'ties').length).toBe(1);
  });

  it('uses the cadences in settings to decide who is due, and refuses nonsense', async () => {
    const { dataDir, page } = await start('settings');
    await addContact(page, 'Eve Stone', 'friends', 'trust');
    await page.getByTestId('action-touch').click();
    const twentyDaysAgo = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId('touch-date').fill(twentyDaysAgo);
    await page.getByTestId('touch-save').click();
    await page.getByTestId('touch-form').waitFor({ state: 'detached' });
    await page.getByTestId('open-today').click();
    await expect.poll(() => page.getByTestId('today-panel').textContent()).toMatch(/Nothing is due today/);

    await page.getByTestId('open-settings').click();
    await page.getByTestId('cadence-trust').fill('ten');
    await page.getByTestId('settings-save').click();
    expect(await page.getByTestId('settings-form').getByRole('alert').textContent()).toMatch(/whole number of days/);
    await page.getByTestId('cadence-trust').fill('10');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('today-row').count()).toBe(1);
    expect(await page.getByTestId('today-row').textContent()).toMatch(/Eve Stone.*10 days overdue/);
    expect(storedDocs<{ cadence: { trust: number } }>(dataDir, 'settings')[0]!.cadence.trust).toBe(10);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('today-panel').textContent()).toMatch(/Nothing is due today/);
  });

  it('works from the keyboard alone: palette, search, select, log a touch, undo', async () => {
    const { dataDir, page } = await start('keyboard');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('sample');
    await page.keyboard.press('Enter');
    await page.getByTestId('sample-progress').waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __sphere: Probe }).__sphere.nodeCount())).toBeGreaterThanOrEqual(300);
    const someone = storedDocs<Contact>(dataDir, 'contacts').sort((a, b) => a.name.localeCompare(b.name))[0]!;

    await page.keyboard.press('/');
    await page.keyboard.type(someone.name);
    await page.keyboard.press('Enter');
    await page.getByTestId('detail-panel').getByRole('heading', { name: someone.name }).waitFor();
    await screenshot(page, 'workflows-4-keyboard-search');
    const before = storedDocs<{ contactId: string }>(dataDir, 'touches').filter((t) => t.contactId === someone.id).length;
    await page.keyboard.press('l');
    await page.getByTestId('touch-form').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('touch-form').waitFor({ state: 'detached' });
    await expect.poll(() => storedDocs<{ contactId: string }>(dataDir, 'touches').filter((t) => t.contactId === someone.id).length).toBe(before + 1);
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toMatch(/Undo log call/);
    await page.keyboard.press('Control+z');
    await page.getByTestId('toast').filter({ hasText: /^Undid log call/ }).waitFor();
    await expect.poll(() => storedDocs<{ contactId: string }>(dataDir, 'touches').filter((t) => t.contactId === someone.id).length).toBe(before);
  });

  it('shows a customer who has gone quiet for over a year as churned, without storing it', async () => {
    const dataDir = freshDataDir('churn');
    const { StoreService } = await import('../../electron/store/store-service.ts');
    const { addRxPlugin, createRxDatabase } = await import('rxdb');
    addRxPlugin((await import('rxdb/plugins/migration-schema')).RxDBMigrationSchemaPlugin);
    const { COLLECTIONS, DATABASE_NAME } = await import('../../shared/schemas/index.ts');
    const store = new StoreService(dataDir);
    const db = await createRxDatabase({ name: DATABASE_NAME, storage: store.current.raw, multiInstance: false });
    await db.addCollections(COLLECTIONS);
    const longAgo = Date.now() - 500 * 86_400_000;
    const base = { category: 'business', ring: 'like', emails: [], phones: [], tags: [], roles: ['customer'], createdAt: longAgo, updatedAt: longAgo, updatedBy: 'test' };
    await db.collections.contacts!.bulkInsert([{ ...base, id: 'quiet', name: 'Quentin Quiet' }, { ...base, id: 'busy', name: 'Bea Busy' }]);
    await db.collections.deals!.bulkInsert([
      { id: 'd1', contactId: 'quiet', amount: 10000, currency: 'USD', at: longAgo, createdAt: longAgo, updatedBy: 'test' },
      { id: 'd2', contactId: 'quiet', amount: 10000, currency: 'USD', at: longAgo + 86_400_000, createdAt: longAgo, updatedBy: 'test' },
      { id: 'd3', contactId: 'busy', amount: 10000, currency: 'USD', at: longAgo, createdAt: longAgo, updatedBy: 'test' },
      { id: 'd4', contactId: 'busy', amount: 10000, currency: 'USD', at: Date.now() - 86_400_000, createdAt: longAgo, updatedBy: 'test' },
    ]);
    await db.close();
    store.close();

    const host = await startHost(dataDir);
    const session = await openPage(host.url);
    running.push({ host, session });
    await session.page.getByTestId('toggle-list').click();
    const row = (name: string) => session.page.getByRole('row').filter({ hasText: name });
    await expect.poll(() => row('Quentin Quiet').textContent()).toMatch(/Churned/);
    await expect.poll(() => row('Bea Busy').textContent()).toMatch(/Repeat customer/);
    // Opening the sphere wrote nothing: the stage is read from the deals, not kept on the contact.
    expect(storedDocs<Contact & { updatedBy: string }>(dataDir, 'contacts').map((c) => [c.id, 'stage' in c, c.updatedBy]).sort()).toEqual([['busy', false, 'test'], ['quiet', false, 'test']]);
    expect(session.errors).toEqual([]);
  });
});
