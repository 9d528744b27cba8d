// Process: test (Node, drives Chromium). A user's store written by version 0 opened by this build through the
// browser host, as a user would after updating: the host upgrades it first, the page then shows everyone and works.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { COLLECTIONS } from '../../shared/schemas/index.ts';
import { safeId } from '../../shared/schemas/repair.ts';
import { ODD_ID, ODD_NAME, ODD_SETTINGS_V0, oddSphere } from '../fixtures/odd-v0-sphere.ts';
import { SETTINGS_V0 } from '../fixtures/schemas-v0.ts';
import { writeV0Store } from '../fixtures/write-v0-store.ts';
import { freshDataDir, openPage, screenshot, startHost, type Host, type Session } from './harness.ts';

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
  return { host, session, page: session.page };
}

/** The live documents of a collection as stored, read with SQLite itself, from whichever version's table exists. */
function stored<T>(dataDir: string, collection: string): { version: number; docs: T[] }[] {
  const db = new Database(path.join(dataDir, 'sphere.db'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ?").pluck().all(`docs__${collection}__v%`) as string[];
    return tables.map((table) => ({
      version: Number(/__v(\d+)$/.exec(table)![1]),
      docs: (db.prepare(`SELECT data FROM "${table}" WHERE deleted = 0`).pluck().all() as string[]).map((j) => JSON.parse(j) as T),
    }));
  } finally {
    db.close();
  }
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('a store from an earlier version', () => {
  it('is upgraded by the host before the page opens it: every contact, settings with a base currency, a backup, and the app works', async () => {
    const dataDir = freshDataDir('upgrade');
    const sphere = generateSphere({ seed: 21, contacts: 300 });
    await writeV0Store(dataDir, sphere);
    const { page, session } = await launch(dataDir);

    await expect.poll(() => page.getByTestId('counts').textContent()).toBe(`300 contacts · ${sphere.ties.length} ties`);
    await screenshot(page, 'upgrade-1-opened');
    const [settings] = stored<Record<string, unknown>>(dataDir, 'settings');
    expect(settings!.version).toBe(COLLECTIONS.settings.schema.version);
    expect(settings!.docs).toEqual([expect.objectContaining({ ...SETTINGS_V0, baseCurrency: 'USD' })]);
    expect(stored(dataDir, 'contacts').map((t) => t.docs.length)).toEqual([300]);
    expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((name) => /^sphere-.*-before-upgrade\.db$/.test(name))).toHaveLength(1);

    // The app works on the upgraded store: a new contact is stored and counted.
    await page.getByTestId('add-contact').click();
    await page.getByTestId('contact-name').fill('Ada After-Upgrade');
    await page.getByTestId('contact-category').selectOption('business');
    await page.getByTestId('contact-ring').selectOption('know');
    await page.getByTestId('contact-save').click();
    await expect.poll(() => page.getByTestId('counts').textContent()).toMatch(/^301 contacts/);
    await expect.poll(() => stored<{ name: string }>(dataDir, 'contacts')[0]!.docs.some((c) => c.name === 'Ada After-Upgrade')).toBe(true);
    expect(session.errors).toEqual([]);
  });

  it('that cannot be upgraded is left as it was, and the page says why instead of waiting', async () => {
    const dataDir = freshDataDir('upgrade-fails');
    // Settings an older build let through (a cadence of 0 days) which this version's schema refuses.
    await writeV0Store(dataDir, generateSphere({ seed: 22, contacts: 30 }), { ...SETTINGS_V0, cadence: { ...SETTINGS_V0.cadence, trust: 0 } });
    const file = path.join(dataDir, 'sphere.db');
    const hash = sha256(file);
    const { page } = await launch(dataDir);

    const failed = page.getByTestId('upgrade-failed');
    await failed.waitFor();
    await screenshot(page, 'upgrade-2-failed');
    const text = await failed.textContent();
    expect(text).toContain('Your sphere could not be upgraded to this version: settings: cadence.trust must be >= 1. Nothing was changed');
    expect(text).toContain(file);
    expect(text).toMatch(/sphere-.*-before-upgrade\.db/);
    expect(sha256(file)).toBe(hash);
  });

  it('with values this version bounds is mended, not refused: the person is there, renamed safely, and can be edited', async () => {
    const dataDir = freshDataDir('upgrade-mends');
    const sphere = oddSphere(23);
    await writeV0Store(dataDir, sphere, ODD_SETTINGS_V0);
    const { page, session } = await launch(dataDir);
    await expect.poll(() => page.getByTestId('counts').textContent()).toBe(`${sphere.contacts.length} contacts · ${sphere.ties.length} ties`);

    await page.keyboard.press('/');
    await page.keyboard.type(ODD_NAME);
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('detail-panel');
    await detail.getByRole('heading', { name: ODD_NAME }).waitFor();
    // The email links hold the good address only; the bad one waits in the notes (shown in the panel too).
    const mails = await detail.locator('a[href^="mailto:"]').allTextContents();
    expect(mails).toContain('odd@example.com');
    expect(mails.join(' ')).not.toContain('odd at example dot com');

    await page.getByTestId('action-edit').click();
    const form = page.getByTestId('edit-form');
    await form.waitFor();
    // What could not stay where it was waits in the notes for the user to put right.
    const notes = await form.getByTestId('edit-notes').inputValue();
    expect(notes).toContain('Met at the harbour fair.');
    expect(notes).toContain('email: odd at example dot com');
    expect(notes).toContain('birthday: 1981-02-29');
    // 29 February 1981 was no day: the form says so rather than store it.
    await form.getByTestId('edit-birthday').fill('1981-02-29');
    await form.getByTestId('edit-save').click();
    await expect.poll(() => form.getByRole('alert').first().textContent()).toBe('That day does not exist in the calendar.');
    await screenshot(page, 'upgrade-3-mended-contact');
    await form.getByTestId('edit-birthday').fill('1981-02-28');
    // A tag typed twice is one tag: the form does not send what the schema refuses.
    await form.getByTestId('edit-tags').fill('vip, harbour, vip');
    await form.getByTestId('edit-save').click();
    await form.waitFor({ state: 'detached' });

    const [contacts] = stored<{ id: string; name: string; birthday?: string; tags: string[] }>(dataDir, 'contacts');
    expect(contacts!.version).toBe(COLLECTIONS.contacts.schema.version);
    const odd = contacts!.docs.find((c) => c.name === ODD_NAME)!;
    expect(odd).toMatchObject({ id: safeId(ODD_ID), birthday: '1981-02-28', tags: ['vip', 'harbour'] });
    const [touches] = stored<{ contactId: string }>(dataDir, 'touches');
    expect(touches!.docs.filter((t) => t.contactId === odd.id)).toHaveLength(1);
    expect(session.errors).toEqual([]);
  });
});
