// Process: test (Node, drives Chromium). The browser host dies under an open page and comes back: the page says so,
// refuses edits with a message instead of dropping them, keeps what was typed, and reconnects by itself.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshDataDir, openPage, screenshot, startHost, type Host, type Session, addContact } from './harness.ts';
import { storedDocs } from './stored.ts';
import { tableNameFor } from '../../electron/store/sqlite-keys.ts';
import { COLLECTIONS } from '../../shared/schemas/index.ts';

type Probe = { nodeCount(): number; nodePosition(id: string): { x: number; y: number } | null; placeOf(id: string): { ring?: string } | null; ringMiddle(ring: string, category: string): { x: number; y: number } | null };
type Contact = { id: string; name: string; ring: string };

const hosts: Host[] = [];
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.browser.close();
  for (const h of hosts.splice(0)) await h.stop();
});

const storedContacts = (dataDir: string) => storedDocs<Contact>(dataDir, 'contacts');

const probe = <T,>(page: Page, fn: keyof Probe, ...args: string[]) =>
  page.evaluate(([f, a]) => (window as unknown as { __sphere: Record<string, (...x: string[]) => unknown> }).__sphere[f as string]!(...(a as string[])), [fn, args] as const) as Promise<T>;


async function drag(page: Page, id: string, ring: string) {
  const from = (await probe<{ x: number; y: number }>(page, 'nodePosition', id))!;
  const to = (await probe<{ x: number; y: number }>(page, 'ringMiddle', ring, 'friends'))!;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
  await page.mouse.up();
}

function killed(host: Host): Promise<void> {
  return new Promise((resolve) => {
    host.child.once('exit', () => resolve());
    host.child.kill('SIGKILL');
  });
}

describe('a host that can die', () => {
  it('shows the lost store, refuses a drag with a message, keeps a typed form, reconnects and stores again', async () => {
    const dataDir = freshDataDir('restart');
    const first = await startHost(dataDir);
    hosts.push(first);
    const port = Number(new URL(first.url).port);
    const session = await openPage(first.url);
    sessions.push(session);
    const { page } = session;
    await page.waitForFunction(() => (window as unknown as { __sphere?: unknown }).__sphere !== undefined);

    await addContact(page, 'Ada Lovelace', { category: 'friends', ring: 'know' });
    await expect.poll(() => storedContacts(dataDir).length).toBe(1);
    const ada = storedContacts(dataDir)[0]!;
    await page.getByRole('button', { name: 'Close details' }).click();
    await page.waitForFunction((i) => (window as unknown as { __sphere: Probe }).__sphere.nodePosition(i) !== null, ada.id);

    // The host dies the hard way: no goodbye on the socket.
    await killed(first);
    const banner = page.getByTestId('connection-lost');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Lost the connection to your sphere's store — reconnecting…/);
    await screenshot(page, 'host-restart-1-banner');
    // Something changes the file while this window is away from it (another copy of Sphere, a restored file):
    // the window must show the store as it is when it returns, not what it held before.
    const file = new Database(path.join(dataDir, 'sphere.db'));
    file.prepare(`UPDATE ${tableNameFor('contacts', COLLECTIONS.contacts.schema.version)} SET data = json_set(data, '$.organisation', 'Analytical Engines') WHERE id = ?`).run(ada.id);
    file.close();

    // A drag while the store is away is refused, said so, and the contact goes back to its ring.
    await drag(page, ada.id, 'trust');
    await expect.poll(() => page.getByTestId('toast').textContent()).toMatch(/^Could not move: Sphere's store is out of reach \(its host stopped\)/);
    await expect.poll(() => probe<{ ring?: string }>(page, 'placeOf', ada.id)).toMatchObject({ ring: 'know' });
    await screenshot(page, 'host-restart-2-drag-refused');

    // A form typed into while the store is away: saving is refused with the reason, and the text stays.
    await page.getByTestId('add-contact').click();
    await page.getByTestId('contact-name').fill('Grace Hopper');
    await page.getByTestId('contact-category').selectOption('business');
    await page.getByTestId('contact-organisation').fill('Navy');
    await page.getByTestId('contact-save').click();
    await expect.poll(() => page.getByTestId('contact-form').locator('p.failure').textContent()).toMatch(/^Not saved: Sphere's store is out of reach/);
    await screenshot(page, 'host-restart-3-form-refused');

    // The host comes back on the same port and folder; the page finds it by itself.
    const second = await startHost(dataDir, port);
    hosts.push(second);
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await page.getByTestId('contact-name').inputValue()).toBe('Grace Hopper');
    expect(await page.getByTestId('contact-category').inputValue()).toBe('business');
    expect(await page.getByTestId('contact-organisation').inputValue()).toBe('Navy');
    expect(await page.getByTestId('counts').textContent()).toMatch(/^1 contact ·/);
    // Adding Ada could be undone before, and still can: the host kept the step in its journal through the kill.
    // The database is opened again just after the banner goes: wait for it rather than race it.
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe('Undo add Ada Lovelace (Ctrl+Z)');

    // The same form now saves, and so does a drag.
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-form').waitFor({ state: 'detached' });
    await expect.poll(() => storedContacts(dataDir).map((c) => c.name).sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    await page.getByRole('button', { name: 'Close details' }).click();
    await page.waitForFunction(() => (window as unknown as { __sphere: Probe }).__sphere.nodeCount() === 2);
    const at = (await probe<{ x: number; y: number }>(page, 'nodePosition', ada.id))!;
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.getByTestId('detail-panel').textContent()).toContain('Analytical Engines');
    await page.getByRole('button', { name: 'Close details' }).click();
    await drag(page, ada.id, 'trust');
    await expect.poll(() => storedContacts(dataDir).find((c) => c.id === ada.id)!.ring).toBe('trust');
    await screenshot(page, 'host-restart-4-back');
  });
});
