// Process: benchmark (Node, drives Chromium). A 50,000-row Google Contacts CSV imported to stored: rows per second
// through the import's own code (read, plan, one host command on a real SQLite file), beside papaparse reading the
// same bytes alone (the floor any CSV import stands on), measured in the same run; and the window's longest frame
// while the Import dialog reads and checks the file in its worker, and while the store takes the import in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { StoreService } from '../../electron/store/store-service.ts';
import { finishImport, planImport } from '../../shared/import/import-plan.ts';
import { readImportFile } from '../../shared/import/read-import-file.ts';
import { openPage, startHost } from '../e2e/harness.ts';

export type ImportFigures = {
  rows: number;
  megabytes: number;
  /** Read (decode, parse, header), plan (map, phones, duplicates), store (the one command), in ms. */
  phases: { readMs: number; planMs: number; storeMs: number };
  rowsPerSecond: number;
  peerRowsPerSecond: number;
  /** The window's longest frame, ms: while the worker reads and checks the file; while the import is saved and drawn. */
  ui: { checkLongestFrameMs: number; saveLongestFrameMs: number; checkSeconds: number; saveSeconds: number; checkLongestWhere: string; saveLongestWhere: string } | null;
};

export function largeGoogleCsv(rows: number): Uint8Array {
  const lines = ['First Name,Middle Name,Last Name,Organization Name,Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Formatted'];
  for (let i = 0; i < rows; i++) {
    const phone = `+1 ${String(200 + (i % 700)).padStart(3, '0')} 555 ${String(i % 10000).padStart(4, '0')}`;
    lines.push(`Given${i},,Family${i % 997},"Firm ${i % 3000}, Inc.",Agent,1980-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},"Met at event ${i % 50}\nFollow up",* myContacts ::: Clients,* Home,given${i}@example.com,Mobile,${phone},"${i} Main St\nSpringfield"`);
  }
  return new TextEncoder().encode('\ufeff' + lines.join('\r\n') + '\r\n');
}

export async function runImportBench({ rows = 50_000, ui = true, log = () => {} }: { rows?: number; ui?: boolean; log?: (line: string) => void } = {}): Promise<ImportFigures> {
  const bytes = largeGoogleCsv(rows);
  log(`import: ${rows} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-import-bench-'));

  // The peer: papaparse alone on the same text, no mapping, no checks, nothing stored.
  const peerStart = performance.now();
  const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes));
  const peerMs = performance.now() - peerStart;
  if (parsed.data.length < rows) throw new Error('the peer read fewer rows than were written');

  const store = new StoreService(dataDir);
  let t = performance.now();
  const read = readImportFile(bytes);
  const readMs = performance.now() - t;
  t = performance.now();
  const plan = planImport(read.table, read.mapping, { category: 'business', ring: 'know', region: 'US' }, []);
  const { batch } = finishImport(plan, () => 'merge');
  const planMs = performance.now() - t;
  t = performance.now();
  await store.commands.run({ type: 'contact.import', source: 'bench.csv', ...batch });
  const storeMs = performance.now() - t;
  const stored = (await store.commands.read((r) => r.find('contacts', {}))).length;
  store.close();
  if (stored !== rows) throw new Error(`stored ${stored} of ${rows} rows`);
  const totalMs = readMs + planMs + storeMs;
  log(`import: read ${readMs.toFixed(0)} ms, plan ${planMs.toFixed(0)} ms, store ${storeMs.toFixed(0)} ms; papaparse alone ${peerMs.toFixed(0)} ms`);

  return {
    rows, megabytes: bytes.length / 1024 / 1024, phases: { readMs, planMs, storeMs },
    rowsPerSecond: rows / (totalMs / 1000), peerRowsPerSecond: rows / (peerMs / 1000),
    ui: ui ? await windowFrames(bytes, log) : null,
  };
}

/** The real dialog in Chromium through the browser host: the longest gap between animation frames in each phase. */
async function windowFrames(bytes: Uint8Array, log: (line: string) => void): Promise<NonNullable<ImportFigures['ui']>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-import-bench-ui-'));
  const file = path.join(dataDir, 'bench-google.csv');
  fs.writeFileSync(file, bytes);
  const host = await startHost(dataDir);
  const session = await openPage(host.url);
  const page = session.page;
  try {
    await page.waitForFunction(() => (window as unknown as { __sphere?: unknown }).__sphere !== undefined);
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number; __loaf: { duration: number; where: string }[] };
      w.__longest = 0;
      w.__loaf = [];
      // Chromium's long-animation-frame entries name the scripts that held a frame: where the time went.
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { scripts?: { duration: number; invoker: string; sourceFunctionName: string; sourceURL: string }[] })[]) {
          const top = [...(e.scripts ?? [])].sort((a, b) => b.duration - a.duration).slice(0, 3);
          w.__loaf.push({ duration: e.duration, where: top.map((s) => `${s.invoker} ${s.sourceFunctionName}@${s.sourceURL.split('/').pop()} ${s.duration.toFixed(0)} ms`).join('; ') });
        }
      }).observe({ type: 'long-animation-frame', buffered: false });
      let last = performance.now();
      const frame = (now: number) => {
        w.__longest = Math.max(w.__longest, now - last);
        last = now;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const takeLongest = () => page.evaluate(() => {
      const w = window as unknown as { __longest: number };
      const longest = w.__longest;
      w.__longest = 0;
      return longest;
    });
    /** The longest long-animation-frame since the last call, with the scripts that held it. */
    const takeWhere = () => page.evaluate(() => {
      const w = window as unknown as { __loaf: { duration: number; where: string }[] };
      const longest = w.__loaf.sort((a, b) => b.duration - a.duration)[0];
      w.__loaf = [];
      return longest ? `${longest.duration.toFixed(0)} ms: ${longest.where}` : 'none';
    });
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('import contacts');
    await page.keyboard.press('Enter');
    await page.getByTestId('import-file').waitFor();
    await takeLongest();
    await takeWhere();
    let t = performance.now();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-next').click({ timeout: 120_000 });
    await page.getByTestId('import-confirm').waitFor({ timeout: 300_000 });
    const checkSeconds = (performance.now() - t) / 1000;
    const checkLongestFrameMs = await takeLongest();
    const checkLongestWhere = await takeWhere();
    log(`import UI: longest animation frame while checking, ${checkLongestWhere}`);
    t = performance.now();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 600_000 });
    const saveSeconds = (performance.now() - t) / 1000;
    const saveLongestFrameMs = await takeLongest();
    const saveLongestWhere = await takeWhere();
    log(`import UI: longest animation frame while saving, ${saveLongestWhere}`);
    log(`import UI: checking ${checkSeconds.toFixed(1)} s, longest frame ${checkLongestFrameMs.toFixed(0)} ms; saving and drawing ${saveSeconds.toFixed(1)} s, longest frame ${saveLongestFrameMs.toFixed(0)} ms`);
    return { checkLongestFrameMs, saveLongestFrameMs, checkSeconds, saveSeconds, checkLongestWhere, saveLongestWhere };
  } finally {
    await session.browser.close();
    await host.stop();
  }
}
