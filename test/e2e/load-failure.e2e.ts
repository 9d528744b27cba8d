// Process: test (Node, drives Chromium). When the host cannot read the sphere, the window says so and why, instead of
// waiting on its documents forever (a live query whose read fails never delivers).
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDataDir, openPage, startHost, type Host, type Session } from './harness.ts';
import { tableNameFor } from '../../electron/store/sqlite-keys.ts';
import { COLLECTIONS } from '../../shared/schemas/index.ts';

const hosts: Host[] = [];
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.browser.close();
  for (const h of hosts.splice(0)) await h.stop();
});

describe('a sphere the host cannot read', () => {
  it('shows what went wrong instead of waiting forever', async () => {
    const dataDir = freshDataDir('load-failure');
    const first = await startHost(dataDir);
    hosts.push(first);
    const session = await openPage(first.url);
    sessions.push(session);
    const { page } = session;
    await page.getByTestId('add-contact').click();
    await page.getByTestId('contact-name').fill('Ada Lovelace');
    await page.getByTestId('contact-category').selectOption('friends');
    await page.getByTestId('contact-ring').selectOption('know');
    await page.getByTestId('contact-save').click();
    await page.getByTestId('contact-form').waitFor({ state: 'detached' });
    await session.browser.close();
    sessions.splice(0);
    await first.stop();
    hosts.splice(0);

    // The row's JSON cut short, as a damaged disk or a bug might leave it: every read of contacts fails on the host.
    const db = new Database(path.join(dataDir, 'sphere.db'));
    const table = tableNameFor('contacts', COLLECTIONS.contacts.schema.version);
    expect(db.prepare(`UPDATE "${table}" SET data = substr(data, 1, 20)`).run().changes).toBe(1);
    db.close();

    const second = await startHost(dataDir);
    hosts.push(second);
    const again = await openPage(second.url);
    sessions.push(again);
    const alert = again.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/could not read your sphere: .+/);
  });
});
