// Process: test (Node, drives Chromium). The foundation as a user meets it: the real renderer, the browser host,
// a real SQLite file in a data folder of the test's own.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { drawn, freshDataDir, openPage, screenshot, startHost, type Host, type Session } from './harness.ts';
import { storedDocs } from './stored.ts';

type Probe = {
  nodeCount(): number;
  nodePosition(id: string): { x: number; y: number } | null;
  placeOf(id: string): { ring: string; category: string } | { outside: string } | null;
  ringMiddle(ring: string, category: string): { x: number; y: number } | null;
};

const running: { host?: Host; session?: Session }[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.session?.browser.close();
    await r.host?.stop();
  }
});

async function launch(dataDir: string): Promise<{ host: Host; session: Session; page: Page }> {
  const host = await startHost(dataDir);
  const session = await openPage(host.url);
  running.push({ host, session });
  await session.page.waitForFunction(() => (window as unknown as { __sphere?: Probe }).__sphere !== undefined);
  return { host, session, page: session.page };
}

const ringMiddle = (page: Page, ring: string, category: string) =>
  page.evaluate(([r, c]) => (window as unknown as { __sphere: Probe }).__sphere.ringMiddle(r!, c!), [ring, category]);
const nodeCount = (page: Page) => page.evaluate(() => (window as unknown as { __sphere: Probe }).__sphere.nodeCount());

/** What is really in the store file: read with SQLite itself, not through the app. */
function storedContacts(dataDir: string): { id: string; name: string; ring: string; category: string }[] {
  return storedDocs(dataDir, 'contacts');
}

/** A real mouse drag in small steps, as a hand would move. */
async function dragTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
  await page.mouse.up();
}

async function addContact(page: Page, fields: { name: string; category: string; ring: string; email?: string; phone?: string }) {
  await page.getByTestId('add-contact').click();
  await page.getByTestId('contact-name').fill(fields.name);
  await page.getByTestId('contact-category').selectOption(fields.category);
  await page.getByTestId('contact-ring').selectOption(fields.ring);
  if (fields.email) await page.getByTestId('contact-email').fill(fields.email);
  if (fields.phone) await page.getByTestId('contact-phone').fill(fields.phone);
  await page.getByTestId('contact-save').click();
}

describe('the first sphere', () => {
  it('starts on an empty sphere that says what to do, adds a contact into its ring and sector, and keeps it across a restart', async () => {
    const dataDir = freshDataDir('add');
    const first = await launch(dataDir);
    const { page } = first;
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').textContent()).toMatch(/Add a contact.*Load a sample sphere/);
    await screenshot(page, 'foundation-1-empty');

    await addContact(page, { name: 'Grace Hopper', category: 'business', ring: 'trust', email: 'grace@navy.example', phone: '+1 555 010 2030' });
    await page.getByTestId('contact-form').waitFor({ state: 'detached' });
    await page.waitForFunction(() => (window as unknown as { __sphere: Probe }).__sphere.nodeCount() === 1);
    const [stored] = storedContacts(dataDir);
    expect(stored).toMatchObject({ name: 'Grace Hopper', ring: 'trust', category: 'business' });
    expect(await page.evaluate((id) => (window as unknown as { __sphere: Probe }).__sphere.placeOf(id), stored!.id)).toEqual({ ring: 'trust', category: 'business' });
    await expect.poll(() => page.getByTestId('empty-state').count()).toBe(0);
    await screenshot(page, 'foundation-2-one-contact');

    await first.session.browser.close();
    await first.host.stop();
    running.length = 0;

    const second = await launch(dataDir);
    await second.page.waitForFunction(() => (window as unknown as { __sphere: Probe }).__sphere.nodeCount() === 1);
    expect(await second.page.getByTestId('counts').textContent()).toMatch(/^1 contact ·/);
    expect(await second.page.evaluate((id) => (window as unknown as { __sphere: Probe }).__sphere.placeOf(id), stored!.id)).toEqual({ ring: 'trust', category: 'business' });
    expect(second.session.errors).toEqual([]);
  });

  it('refuses bad input with messages and saves nothing', async () => {
    const dataDir = freshDataDir('bad');
    const { page } = await launch(dataDir);
    await page.getByTestId('add-contact').click();
    await page.getByTestId('contact-email').fill('grace@');
    await page.getByTestId('contact-phone').fill('call me');
    await page.getByTestId('contact-save').click();
    const alerts = await page.getByTestId('contact-form').getByRole('alert').allTextContents();
    expect(alerts.join(' ')).toMatch(/needs a name/);
    expect(alerts.join(' ')).toMatch(/name@example\.com/);
    expect(alerts.join(' ')).toMatch(/digits/);
    await screenshot(page, 'foundation-3-bad-input');
    await page.keyboard.press('Escape');
    await page.getByTestId('contact-form').waitFor({ state: 'detached' });
    expect(storedContacts(dataDir)).toEqual([]);
    expect(await nodeCount(page)).toBe(0);
  });

  it('loads the sample sphere with progress and draws as many nodes as contacts stored', async () => {
    const dataDir = freshDataDir('sample');
    const { page, session } = await launch(dataDir);
    await page.getByTestId('load-sample').click();
    await page.getByTestId('sample-progress').waitFor();
    await page.getByTestId('sample-progress').waitFor({ state: 'detached', timeout: 60_000 });
    const stored = storedContacts(dataDir);
    expect(stored.length).toBeGreaterThanOrEqual(300);
    await expect.poll(() => nodeCount(page)).toBe(stored.length);
    await drawn(page);
    await screenshot(page, 'foundation-4-sample-sphere');
    expect(session.errors).toEqual([]);
  });

  it('moves a contact from Know to Trust with the real mouse, keeps it after a restart, and undoes it', async () => {
    const dataDir = freshDataDir('drag');
    const first = await launch(dataDir);
    let page = first.page;
    await addContact(page, { name: 'Ada Lovelace', category: 'friends', ring: 'know' });
    await page.waitForFunction(() => (window as unknown as { __sphere: Probe }).__sphere.nodeCount() === 1);
    const id = storedContacts(dataDir)[0]!.id;
    // Close the details the new contact opened, so the panel does not cover the drop.
    await page.getByRole('button', { name: 'Close details' }).click();

    const from = (await page.evaluate((i) => (window as unknown as { __sphere: Probe }).__sphere.nodePosition(i), id))!;
    const to = (await ringMiddle(page, 'trust', 'friends'))!;
    await dragTo(page, from, to);
    await expect.poll(() => storedContacts(dataDir)[0]!.ring).toBe('trust');
    await expect.poll(() => page.evaluate((i) => (window as unknown as { __sphere: Probe }).__sphere.placeOf(i), id)).toEqual({ ring: 'trust', category: 'friends' });
    // The toast follows the command's answer, which can come a frame after the graph shows the move.
    await expect.poll(() => page.getByTestId('toast').textContent()).toMatch(/move Ada Lovelace to Trust/i);
    await screenshot(page, 'foundation-5-dragged-to-trust');

    await first.session.browser.close();
    await first.host.stop();
    running.length = 0;
    const second = await launch(dataDir);
    page = second.page;
    await page.waitForFunction(() => (window as unknown as { __sphere: Probe }).__sphere.nodeCount() === 1);
    expect(await page.evaluate((i) => (window as unknown as { __sphere: Probe }).__sphere.placeOf(i), id)).toEqual({ ring: 'trust', category: 'friends' });

    // After a restart the move is where it was left. Drag it back and undo that (the host's journal holds both steps).
    const again = (await page.evaluate((i) => (window as unknown as { __sphere: Probe }).__sphere.nodePosition(i), id))!;
    const outside = { x: 5, y: 120 };
    await dragTo(page, again, outside, 8);
    await expect.poll(() => page.getByTestId('toast').textContent()).toMatch(/outside the sphere: nothing changed/);
    expect(storedContacts(dataDir)[0]!.ring).toBe('trust');

    const back = (await page.evaluate((i) => (window as unknown as { __sphere: Probe }).__sphere.nodePosition(i), id))!;
    const know = (await ringMiddle(page, 'know', 'friends'))!;
    await dragTo(page, back, know);
    await expect.poll(() => storedContacts(dataDir)[0]!.ring).toBe('know');
    await page.keyboard.press('Control+z');
    await expect.poll(() => storedContacts(dataDir)[0]!.ring).toBe('trust');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => storedContacts(dataDir)[0]!.ring).toBe('know');
  });

  it('tells the user when the store could not be opened, keeps the file, and starts fresh', async () => {
    const dataDir = freshDataDir('corrupt');
    const garbage = Buffer.from('SQLite format 3\0' + 'x'.repeat(5000));
    fs.writeFileSync(path.join(dataDir, 'sphere.db'), garbage);
    const { page } = await launch(dataDir);
    const banner = page.getByTestId('store-problem');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/could not be opened.*nothing was deleted/);
    const kept = fs.readdirSync(dataDir).find((n) => n.startsWith('sphere.db.unreadable-'))!;
    expect(fs.readFileSync(path.join(dataDir, kept)).equals(garbage)).toBe(true);
    await screenshot(page, 'foundation-6-store-problem');
    await banner.getByRole('button', { name: 'Start fresh' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.getByTestId('empty-state').waitFor();
  });
});
