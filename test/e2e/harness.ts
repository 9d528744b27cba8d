// Process: test (Node). End-to-end plumbing: a browser host per test with its own data folder, and Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findOrInstallChromium } from '../../scripts/chromium.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const screenshotDir = path.join(root, '.artifacts', 'screenshots');

export function freshDataDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `sphere-e2e-${name}-`));
}

export type Host = { url: string; child: ChildProcess; stop(): Promise<void> };

/**
 * `port` 0 picks a free one; a restart passes the port the page was served from. `as` runs the host as another
 * user (tests run as root, whom no file mode stops: a read-only data folder needs a user it applies to).
 */
export function startHost(dataDir: string, port = 0, as: { uid: number; gid: number } | null = null): Promise<Host> {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'host.ts'), '--port', String(port), '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...as });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`browser host did not start in 20 s: ${stderr}`));
    }, 20_000);
    let stdout = '';
    child.stdout!.on('data', (d) => {
      stdout += d;
      // The whole line: the address ends with the one-time token the page trades for its session.
      const match = /Sphere is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)\r?\n/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited (${code}): ${stderr}`));
    });
  });
}

export type Session = { browser: Browser; page: Page; errors: string[] };

export type PageOptions = {
  viewport?: { width: number; height: number };
  /** The page's time zone (Playwright's context option), e.g. 'Asia/Tokyo'. */
  timezoneId?: string;
  /** Date.now() and new Date() in the page stay at this moment; timers still run. */
  fixedTime?: number | string | Date;
  /** Runs before the app's page is loaded (init scripts that must see its start). */
  beforeLoad?(page: Page): Promise<void>;
};

/** A fresh browser per test: no state leaks between tests. Page errors are collected for assertions. */
export async function openPage(url: string, options: PageOptions = {}): Promise<Session> {
  const browser = await chromium.launch({ executablePath: findOrInstallChromium(() => {}), args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 860 }, timezoneId: options.timezoneId });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  if (options.fixedTime !== undefined) await page.clock.setFixedTime(options.fixedTime);
  await options.beforeLoad?.(page);
  await page.goto(url);
  return { browser, page, errors };
}

export type SphereRun = { dataDir: string; host: Host; session: Session; page: Page };

export type SphereOptions = PageOptions & {
  /** Writes the store before the host opens it (e.g. fillStore). */
  prepare?(dataDir: string): Promise<void>;
};

/**
 * One test's own sphere: a fresh data folder, a browser host on it and a browser page, closed whatever the test
 * does. Resolves once the page's graph is mounted (its test probe exists).
 */
export async function withSphere(name: string, options: SphereOptions, test: (run: SphereRun) => Promise<void>): Promise<void> {
  const dataDir = freshDataDir(name);
  await options.prepare?.(dataDir);
  const host = await startHost(dataDir);
  let session: Session | undefined;
  try {
    session = await openPage(host.url, options);
    await session.page.waitForFunction(() => (window as unknown as { __sphere?: unknown }).__sphere !== undefined);
    await test({ dataDir, host, session, page: session.page });
  } finally {
    await session?.browser.close();
    await host.stop();
  }
}

/** Two frames on: whatever the page drew for the last change is on screen (Cytoscape draws in its own frame loop). */
export function drawn(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Adds a contact through the real Add contact form, as a user does; resolves once the form has closed. */
export async function addContact(page: Page, name: string, place: { category?: string; ring?: string } = {}): Promise<void> {
  await page.getByTestId('add-contact').click();
  await page.getByTestId('contact-name').fill(name);
  await page.getByTestId('contact-category').selectOption(place.category ?? 'business');
  await page.getByTestId('contact-ring').selectOption(place.ring ?? 'know');
  await page.getByTestId('contact-save').click();
  await page.getByTestId('contact-form').waitFor({ state: 'detached' });
}
