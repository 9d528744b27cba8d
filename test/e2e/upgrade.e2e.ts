// Process: test (Node, drives Chromium). A user's store written by version 0 opened by this build through the
// browser host, as a user would after updating: the host upgrades it first, the page then shows everyone and works.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSphere } from '../../shared/sample-sphere.ts';
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
    expect(settings!.version).toBe(1);
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
});
