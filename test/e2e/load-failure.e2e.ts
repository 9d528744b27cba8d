// Process: test (Node, drives Chromium). A contact whose stored JSON is damaged (a bad disk, a bug) used to make
// every read of contacts fail, and the window showed none: now the window shows every other contact and says that
// one could not be read and is kept for repair. (Reads the host refuses outright still show their reason:
// renderer/read-failures.test.ts.)
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDataDir, openPage, screenshot, startHost, type Host, type Session, addContact } from './harness.ts';
import { tableNameFor } from '../../electron/store/sqlite-keys.ts';
import { COLLECTIONS } from '../../shared/schemas/index.ts';

const hosts: Host[] = [];
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.browser.close();
  for (const h of hosts.splice(0)) await h.stop();
});


describe('a sphere with a contact the host cannot read', () => {
  it('shows every other contact and says the damaged one is kept for repair', async () => {
    const dataDir = freshDataDir('load-failure');
    const first = await startHost(dataDir);
    hosts.push(first);
    const session = await openPage(first.url);
    sessions.push(session);
    await addContact(session.page, 'Ada Lovelace', { category: 'friends' });
    await addContact(session.page, 'Grace Hopper', { category: 'friends' });
    await session.browser.close();
    sessions.splice(0);
    await first.stop();
    hosts.splice(0);

    // Ada's row's JSON cut short: the file itself stays sound (it passes quick_check).
    const db = new Database(path.join(dataDir, 'sphere.db'));
    const table = tableNameFor('contacts', COLLECTIONS.contacts.schema.version);
    expect(db.prepare(`UPDATE "${table}" SET data = substr(data, 1, 20) WHERE data LIKE '%Ada Lovelace%'`).run().changes).toBe(1);
    const damaged = db.prepare(`SELECT data FROM "${table}" WHERE length(data) = 20`).pluck().get();
    db.close();

    const second = await startHost(dataDir);
    hosts.push(second);
    const again = await openPage(second.url);
    sessions.push(again);
    const { page } = again;
    const notice = page.getByTestId('store-unreadable');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/^1 contact could not be read; it is kept for repair/);
    await expect.poll(() => page.getByTestId('counts').textContent()).toMatch(/^1 contact ·/);
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'load-failure-damaged-contact');
    // Kept as it was found, for repair.
    const after = new Database(path.join(dataDir, 'sphere.db'), { readonly: true });
    expect(after.prepare(`SELECT data FROM "${table}" WHERE length(data) = 20`).pluck().get()).toBe(damaged);
    after.close();
  });
});
