// Process: test (Node, drives Chromium). Taking a sphere out through the real UI: the Export menu, the graph as
// GEXF (read back by Chromium's own strict XML parser), the view as PNG and SVG (kept as screenshots to look at),
// and a JSON backup offered back to Restore, which says there is nothing new in it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateSphere } from '../../shared/sample-sphere.ts';
import { backupText, makeBackup } from '../../shared/export/sphere-backup.ts';
import { fillStore } from '../support/fill-store.ts';
import { drawn, screenshot, screenshotDir, withSphere } from './harness.ts';

const sphere = generateSphere({ seed: 5, contacts: 80 });

/** `node cli/main.ts …` as a user runs it beside the open app; resolves with its one line of output. */
function cli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.resolve('cli/main.ts'), ...args], (err, stdout, stderr) => (err ? reject(new Error(`${err.message} ${stderr}`)) : resolve(stdout.trim())));
  });
}

/** Clicks through the Export menu and returns the text of what was downloaded. */
async function download(page: Page, item: string, choice: string | null, keepAs?: string): Promise<Buffer> {
  await page.getByTestId('export-menu').locator('summary').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId(`menu-${item}`).click();
  if (choice) await page.getByTestId(choice).click();
  const file = await downloading;
  const saved = keepAs ? path.join(screenshotDir, keepAs) : await file.path();
  if (keepAs) {
    fs.mkdirSync(screenshotDir, { recursive: true });
    await file.saveAs(saved);
  }
  return fs.readFileSync(saved);
}

describe('export from the app', () => {
  it('exports the graph as GEXF, the view as PNG and SVG, and a JSON backup that restores as nothing new', async () => {
    await withSphere('export', { prepare: (dataDir) => fillStore(dataDir, sphere), viewport: { width: 1400, height: 900 } }, async ({ page, session }) => {
      await expect.poll(() => page.getByTestId('counts').textContent()).toMatch(/^80 contacts/);
      await page.getByTestId('export-menu').locator('summary').click();
      await drawn(page);
      await screenshot(page, 'export-menu');
      await page.getByTestId('export-menu').locator('summary').click();

      // GEXF, parsed by the browser's XML parser, which stops at the first error.
      const gexf = (await download(page, 'export.graph', 'export-gexf')).toString('utf8');
      const read = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        const error = doc.querySelector('parsererror')?.textContent ?? null;
        const types = Object.fromEntries([...doc.querySelectorAll('attributes[class="node"] attribute')].map((a) => [a.getAttribute('id'), a.getAttribute('type')]));
        const kinds = [...doc.querySelectorAll('edge attvalue[for="kind"]')].map((v) => v.getAttribute('value'));
        return { error, version: doc.documentElement.getAttribute('version'), nodes: doc.getElementsByTagName('node').length, edges: doc.getElementsByTagName('edge').length, types, kinds };
      }, gexf);
      expect(read.error).toBeNull();
      expect(read.version).toBe('1.3');
      expect(read.nodes).toBe(80);
      expect(read.edges).toBe(sphere.ties.length);
      expect(read.types).toMatchObject({ ring: 'string', category: 'string', roles: 'string', stage: 'string', trustScore: 'integer', lifetimeValue: 'double' });
      expect(new Set(read.kinds)).toEqual(new Set(sphere.ties.map((t) => t.kind)));
      await expect.poll(() => page.getByTestId('toast').textContent()).toMatch(/Exported the graph \(GEXF 1\.3\) of 80 contacts to your downloads as sphere-graph-\d{4}-\d{2}-\d{2}\.gexf/);

      // The view as PNG: a real picture of the sphere, at twice the graph's pixels.
      const png = await download(page, 'export.view', 'export-png', 'export-view.png');
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
      const graph = await page.evaluate(() => ({ width: document.querySelector('.stage')!.clientWidth, height: document.querySelector('.stage')!.clientHeight }));
      expect(size.width).toBeGreaterThan(graph.width);
      expect(size.height).toBeGreaterThan(graph.height / 2);

      // The view as SVG, drawn by Chromium itself to look at.
      const svg = (await download(page, 'export.view', 'export-svg', 'export-view.svg')).toString('utf8');
      const svgPage = await session.browser.newPage({ viewport: { width: 1400, height: 840 } });
      await svgPage.setContent(`<body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
      expect(await svgPage.locator('svg circle').count()).toBeGreaterThanOrEqual(80);
      await screenshot(svgPage, 'export-view-svg');
      await svgPage.close();

      // The whole sphere as JSON, and back: everything in it is here already.
      const backup = JSON.parse((await download(page, 'backup.json', null)).toString('utf8'));
      expect(backup.format).toBe('sphere-backup');
      expect(backup.collections.contacts.docs).toHaveLength(80);
      expect(backup.collections.touches.docs).toHaveLength(sphere.touches.length);
      const file = path.join(screenshotDir, 'export-backup.json');
      fs.writeFileSync(file, JSON.stringify(backup));
      await page.getByTestId('export-menu').locator('summary').click();
      await page.getByTestId('menu-restore.json').click();
      await page.getByTestId('restore-file').setInputFiles(file);
      expect(await page.getByTestId('restore-whole').isDisabled()).toBe(true);
      expect(await page.getByTestId('restore-merge').isChecked()).toBe(true);
      await page.getByTestId('restore-save').click();
      await expect.poll(() => page.getByTestId('restore-form').getByRole('alert').textContent()).toMatch(/Nothing to restore/);
      await screenshot(page, 'export-restore-dialog');
      expect(session.errors).toEqual([]);
    });
  });

  it('shows what the command line writes into the store the open window holds, without a reload', async () => {
    await withSphere('export-cli', {}, async ({ dataDir, page, session }) => {
      await page.getByTestId('empty-state').waitFor();
      let reloaded = false;
      page.on('framenavigated', () => (reloaded = true));
      expect(JSON.parse(await cli(['sample', '--contacts', '30', '--seed', '9', '--data-dir', dataDir]))).toMatchObject({ contacts: 30 });
      await expect.poll(() => page.getByTestId('counts').textContent(), { timeout: 20_000 }).toMatch(/^30 contacts/);
      await drawn(page);
      await screenshot(page, 'export-cli-sample-live');
      expect(reloaded).toBe(false);
      expect(session.errors).toEqual([]);
    });
  });

  it('restores a JSON backup into an empty sphere in one step, which one undo takes out again', async () => {
    await withSphere('export-restore', {}, async ({ dataDir, page, session }) => {
      await page.getByTestId('empty-state').waitFor();
      const file = path.join(dataDir, '..', `${path.basename(dataDir)}-backup.json`);
      fs.writeFileSync(file, backupText(makeBackup({ ...sphere, settings: [] }, Date.UTC(2026, 0, 1))));
      await page.getByTestId('export-menu').locator('summary').click();
      await page.getByTestId('menu-restore.json').click();
      await page.getByTestId('restore-file').setInputFiles(file);
      expect(await page.getByTestId('restore-whole').isChecked()).toBe(true);
      await page.getByTestId('restore-save').click();
      await page.getByTestId('restore-form').waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('counts').textContent(), { timeout: 20_000 }).toMatch(/^80 contacts · 120 ties/);
      await drawn(page);
      await screenshot(page, 'export-restored');
      await page.keyboard.press('Control+z');
      await page.getByTestId('empty-state').waitFor();
      expect(await page.getByTestId('counts').textContent()).toMatch(/^0 contacts/);
      expect(session.errors).toEqual([]);
    });
  });
});
