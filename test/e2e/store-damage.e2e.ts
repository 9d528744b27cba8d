// Process: test (Node, drives Chromium). What the window says about a store it cannot use as usual: a read-only data
// folder opens read-only with a banner and refuses edits with the reason; a store that was set aside is still
// reported after a relaunch, until the user dismisses it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshDataDir, openPage, screenshot, startHost, type Host, type Session } from './harness.ts';

const hosts: Host[] = [];
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.browser.close();
  for (const h of hosts.splice(0)) await h.stop();
});

async function open(dataDir: string, as: { uid: number; gid: number } | null = null): Promise<Page> {
  const host = await startHost(dataDir, 0, as);
  hosts.push(host);
  const session = await openPage(host.url);
  sessions.push(session);
  await session.page.waitForFunction(() => (window as unknown as { __sphere?: unknown }).__sphere !== undefined);
  return session.page;
}

async function closeAll(): Promise<void> {
  for (const s of sessions.splice(0)) await s.browser.close();
  for (const h of hosts.splice(0)) await h.stop();
}

async function fillContact(page: Page, name: string) {
  await page.getByTestId('add-contact').click();
  await page.getByTestId('contact-name').fill(name);
  await page.getByTestId('contact-category').selectOption('friends');
  await page.getByTestId('contact-ring').selectOption('know');
  await page.getByTestId('contact-save').click();
}

describe('a store the window cannot use as usual', () => {
  it('opens a read-only data folder read-only, with a banner, and refuses an edit with the reason', async () => {
    const dataDir = freshDataDir('read-only');
    const page = await open(dataDir);
    await fillContact(page, 'Ada Lovelace');
    await page.getByTestId('contact-form').waitFor({ state: 'detached' });
    await closeAll();

    // Root writes through any mode, so as root the host runs as `nobody`, for whom the folder is read-only.
    const root = process.getuid?.() === 0;
    const files = fs.readdirSync(dataDir);
    if (root) {
      fs.chmodSync(dataDir, 0o755);
      for (const name of files) fs.chmodSync(path.join(dataDir, name), fs.statSync(path.join(dataDir, name)).isDirectory() ? 0o755 : 0o644);
    } else fs.chmodSync(dataDir, 0o555);
    try {
      const readOnly = await open(dataDir, root ? { uid: 65534, gid: 65534 } : null);
      const banner = readOnly.getByTestId('store-read-only');
      await banner.waitFor();
      expect(await banner.textContent()).toMatch(/^Read-only: Sphere may not write sphere\.db or its folder .+ nothing you change can be saved/);
      await expect.poll(() => readOnly.getByTestId('counts').textContent()).toMatch(/^1 contact ·/);
      await screenshot(readOnly, 'store-read-only-1-banner');
      await fillContact(readOnly, 'Grace Hopper');
      await expect.poll(() => readOnly.getByTestId('contact-form').locator('p.failure').textContent()).toMatch(/^Not saved: .*may not write sphere\.db/);
      await screenshot(readOnly, 'store-read-only-2-edit-refused');
      // Nothing was set aside or added: the folder holds what it held.
      expect(fs.readdirSync(dataDir).sort()).toEqual(files.sort());
    } finally {
      await closeAll();
      fs.chmodSync(dataDir, 0o700);
    }
  });

  it('keeps saying the store was set aside after a relaunch, until the user dismisses it', async () => {
    const dataDir = freshDataDir('set-aside');
    fs.writeFileSync(path.join(dataDir, 'sphere.db'), Buffer.from('SQLite format 3\0'.padEnd(4096, '\u0001')));
    let page = await open(dataDir);
    const problem = () => page.getByTestId('store-problem');
    await problem().waitFor();
    const said = await problem().textContent();
    expect(said).toMatch(/could not be opened: .+ kept, untouched, as sphere\.db\.unreadable-/);
    await closeAll();

    page = await open(dataDir);
    await problem().waitFor();
    expect(await problem().textContent()).toBe(said);
    await screenshot(page, 'store-set-aside-after-relaunch');
    await page.getByRole('button', { name: 'Start fresh' }).click();
    await problem().waitFor({ state: 'detached' });
    await closeAll();

    page = await open(dataDir);
    await page.getByTestId('add-contact').waitFor();
    expect(await problem().count()).toBe(0);
    // The file set aside is still there, whatever was dismissed.
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('sphere.db.unreadable-')).length).toBe(1);
  });
});
