// Process: test (Node, drives Chromium). The page trades the printed launch token for its session: the store's
// secret never shows in a URL, the console, the page or its scripts, and the printed address works only once.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_SECRET_FILE } from '../../electron/host/host-secret.ts';
import { freshDataDir, openPage, screenshot, startHost, type Host, type Session } from './harness.ts';

const hosts: Host[] = [];
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.browser.close();
  for (const h of hosts.splice(0)) await h.stop();
});

const mounted = (session: Session) => session.page.waitForFunction(() => (window as unknown as { __sphere?: unknown }).__sphere !== undefined);

describe('the page session', () => {
  it('keeps the secret out of URLs, the console and the page, and lets the printed address in once', async () => {
    const dataDir = freshDataDir('page-session');
    const host = await startHost(dataDir);
    hosts.push(host);
    const token = new URL(host.url).hash.slice('#launch='.length);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const urls: string[] = [];
    const consoleLines: string[] = [];
    const session = await openPage(host.url, {
      async beforeLoad(page) {
        page.on('request', (request) => urls.push(request.url()));
        page.on('websocket', (ws) => urls.push(ws.url()));
        page.on('console', (message) => consoleLines.push(message.text()));
      },
    });
    sessions.push(session);
    await mounted(session);
    const { page } = session;
    const secret = fs.readFileSync(path.join(dataDir, HOST_SECRET_FILE), 'utf8');

    // The token left the address before anything else happened: no reload, bookmark or history entry keeps it.
    expect(page.url()).toBe(host.url.replace(/#.*$/, ''));
    expect(urls.some((u) => u.includes('/channel'))).toBe(true);
    for (const url of urls) expect(url).not.toContain(secret);
    for (const url of urls.slice(1)) expect(url).not.toContain(token);
    expect(consoleLines.join('\n')).not.toContain(secret);
    expect(consoleLines.join('\n')).not.toContain(token);
    // Nothing a script in the page can read holds the secret: not the document, not its cookies.
    const readable = await page.evaluate(() => `${document.documentElement.outerHTML}\n${document.cookie}\n${location.href}\n${JSON.stringify(history.state)}`);
    expect(readable).not.toContain(secret);
    expect(readable).not.toContain(token);

    // A reload keeps the window: the browser still holds the session cookie.
    await page.reload();
    await mounted(session);
    await page.getByTestId('add-contact').waitFor();
    await screenshot(page, 'page-session-1-open');

    // The printed address, opened again in another browser (another user who read it, say), opens nothing.
    const other = await openPage(host.url);
    sessions.push(other);
    const alert = other.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/This address was already used/);
    expect(await other.page.evaluate(() => (window as unknown as { __sphere?: unknown }).__sphere)).toBeUndefined();
    await screenshot(other.page, 'page-session-2-address-used');

    // The next address, from the private file in the data folder, opens another window.
    const next = fs.readFileSync(path.join(dataDir, 'launch-address'), 'utf8').trim();
    expect(next).not.toBe(host.url);
    const third = await openPage(next);
    sessions.push(third);
    await mounted(third);
  });
});
