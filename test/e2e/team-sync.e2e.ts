// Process: test (Node). Two team members, each with their own browser host and data folder, signed in to one
// real team server process: an edit in one window appears in the other without a reload; the server goes away
// and comes back, and both converge. Screenshots of the sync indicator in each state.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshDataDir, openPage, screenshot, startHost, type Host, type Session, addContact } from './harness.ts';

const root = path.resolve(import.meta.dirname, '../..');
const serverMain = path.join(root, 'server', 'main.ts');
const PASSWORD = 'correct horse battery';

const children: ChildProcess[] = [];
const hosts: Host[] = [];
const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.browser.close();
  for (const h of hosts.splice(0)) await h.stop();
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `npm run server -- admin …` as a person would run it: one line of JSON out. */
function admin(dataDir: string, args: string[], stdin = ''): Promise<Record<string, string>> {
  const child = spawn(process.execPath, [serverMain, 'admin', ...args, '--data-dir', dataDir], { stdio: 'pipe' });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Record<string, string>) : reject(new Error(`admin ${args[0]} exited ${code}: ${out}`)))));
}

function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [serverMain, '--port', String(port), '--data-dir', dataDir, '--log-level', 'warn'], { stdio: 'pipe' });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Sphere team server listening on')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`team server exited (${code})`)));
  });
}

async function member(name: string): Promise<Page> {
  const host = await startHost(freshDataDir(name));
  hosts.push(host);
  const session = await openPage(host.url, { viewport: { width: 1400, height: 900 } });
  sessions.push(session);
  return session.page;
}

async function signIn(page: Page, server: string, email: string): Promise<void> {
  await page.getByTestId('sync-indicator').click();
  await page.getByTestId('sync-server').fill(server);
  await page.getByTestId('sync-email').fill(email);
  await page.getByTestId('sync-password').fill(PASSWORD);
  await page.getByTestId('sync-sign-in').click();
  await page.getByTestId('sync-sign-out').waitFor();
  await page.getByRole('button', { name: 'Done' }).click();
}


/** A team server of its own with one team, Harbor Realty, whose members are Ann and Bo. */
async function teamServer(name: string): Promise<{ serverData: string; port: number; server: ChildProcess; address: string }> {
  const serverData = freshDataDir(name);
  const { team } = await admin(serverData, ['create-team', 'Harbor Realty']);
  for (const email of ['ann@harbor.test', 'bo@harbor.test']) {
    await admin(serverData, ['add-user', '--team', team!, '--email', email, '--role', 'member', '--password-stdin'], PASSWORD);
  }
  const port = await freePort();
  const server = await startServer(serverData, port);
  return { serverData, port, server, address: `http://127.0.0.1:${port}` };
}

const indicator = (page: Page) => page.getByTestId('sync-indicator');
const counts = (page: Page) => page.getByTestId('counts').textContent();

describe('a team syncing through its server', () => {
  it('shows one member\'s edit in the other\'s window, offline and back, and says where sync stands', async () => {
    const { serverData, port, server, address } = await teamServer('team-server');

    const ann = await member('ann');
    const bo = await member('bo');
    await expect.poll(() => indicator(ann).getAttribute('data-state')).toBe('signedOut');
    await screenshot(ann, 'team-sync-1-not-syncing');

    await signIn(ann, address, 'ann@harbor.test');
    await signIn(bo, address, 'bo@harbor.test');
    await expect.poll(() => indicator(ann).getAttribute('data-state'), { timeout: 20_000 }).toBe('upToDate');
    await screenshot(ann, 'team-sync-2-up-to-date');

    // An edit in one window appears in the other, without a reload.
    await addContact(ann, 'Grace Hopper');
    await expect.poll(() => counts(bo), { timeout: 20_000 }).toMatch(/^1 contact ·/);
    await bo.getByTestId('toggle-list').click();
    await expect.poll(() => bo.getByRole('row').filter({ hasText: 'Grace Hopper' }).count()).toBe(1);

    // The server goes away: Ann keeps working, and is told her change waits to be sent.
    server.kill('SIGKILL');
    await addContact(ann, 'Ada Lovelace');
    await expect.poll(() => indicator(ann).getAttribute('data-state'), { timeout: 20_000 }).toBe('offline');
    await expect.poll(() => indicator(ann).textContent(), { timeout: 10_000 }).toMatch(/Offline · 1 to send/);
    await screenshot(ann, 'team-sync-3-offline');

    // It comes back on the same address: Ann's change reaches Bo by itself.
    await startServer(serverData, port);
    await expect.poll(() => counts(bo), { timeout: 30_000 }).toMatch(/^2 contacts/);
    await expect.poll(() => indicator(ann).getAttribute('data-state'), { timeout: 30_000 }).toBe('upToDate');
    await screenshot(bo, 'team-sync-4-converged');

    // Ann marks Grace private: it leaves Bo's sphere and stays in hers.
    await ann.getByTestId('toggle-list').click();
    await ann.getByRole('row').filter({ hasText: 'Grace Hopper' }).click();
    await ann.getByTestId('action-edit').click();
    await ann.getByTestId('edit-private').check();
    await ann.getByTestId('edit-form').getByRole('button', { name: 'Save' }).click();
    await ann.getByTestId('edit-form').waitFor({ state: 'detached' });
    await expect.poll(() => counts(bo), { timeout: 20_000 }).toMatch(/^1 contact ·/);
    expect(await counts(ann)).toMatch(/^2 contacts/);
    expect(await ann.getByTestId('detail-panel').textContent()).toMatch(/private, on this device only/);

    // Ann is removed from the team: her window says to sign in again, and sync stops instead of looping.
    await admin(serverData, ['remove-user', '--email', 'ann@harbor.test']);
    await addContact(ann, 'Katherine Johnson');
    await expect.poll(() => indicator(ann).getAttribute('data-state'), { timeout: 20_000 }).toBe('error');
    expect(await indicator(ann).textContent()).toMatch(/Sign in again/);
    expect(await indicator(ann).getAttribute('title')).toMatch(/Sign in again/);
    await screenshot(ann, 'team-sync-5-sign-in-again');
    // Bo never sees what Ann made after she lost access.
    expect(await counts(bo)).toMatch(/^1 contact ·/);
  });

  it('keeps a member\'s selection, detail panel and zoomed view while a teammate edits that contact and others', async () => {
    const { address } = await teamServer('team-server-view');
    const ann = await member('ann-view');
    const bo = await member('bo-view');
    await signIn(ann, address, 'ann@harbor.test');
    await signIn(bo, address, 'bo@harbor.test');
    for (const name of ['Grace Hopper', 'Ada Lovelace', 'Katherine Johnson']) await addContact(bo, name);
    await expect.poll(() => counts(ann), { timeout: 20_000 }).toMatch(/^3 contacts/);

    // Ann picks Grace (through the list), goes back to the sphere, zooms in twice and drags the view aside.
    await ann.getByTestId('toggle-list').click();
    await ann.getByRole('row').filter({ hasText: 'Grace Hopper' }).click();
    await ann.getByTestId('view-sphere').click();
    await ann.keyboard.press('+');
    await ann.keyboard.press('+');
    const view = () => ann.evaluate(() => {
      const probe = (window as unknown as { __sphere: { settledView(): string | null; you(): { x: number; y: number; radius: number } } }).__sphere;
      return probe.settledView() ? probe.you() : null;
    });
    await expect.poll(async () => (await view())?.radius, { timeout: 10_000 }).toBeGreaterThan(0);
    await ann.mouse.move(420, 180);
    await ann.mouse.down();
    for (let i = 1; i <= 8; i++) await ann.mouse.move(420 + i * 15, 180 + i * 10);
    await ann.mouse.up();
    await expect.poll(view).not.toBeNull();
    const before = (await view())!;
    const panel = ann.getByTestId('detail-panel');
    expect(await panel.locator('h2').textContent()).toBe('Grace Hopper');

    // Bo edits Grace, deletes Katherine and adds Dorothy: all of it reaches Ann live.
    await bo.getByTestId('toggle-list').click();
    await bo.getByRole('row').filter({ hasText: 'Grace Hopper' }).click();
    await bo.getByTestId('action-edit').click();
    await bo.getByTestId('edit-form').getByLabel('Title').fill('Rear Admiral');
    await bo.getByTestId('edit-save').click();
    await bo.getByTestId('edit-form').waitFor({ state: 'detached' });
    await bo.getByRole('row').filter({ hasText: 'Katherine Johnson' }).click();
    await bo.getByTestId('action-delete').click();
    await bo.getByTestId('delete-confirm-yes').click();
    await addContact(bo, 'Dorothy Vaughan');
    await expect.poll(() => panel.locator('.sub').textContent(), { timeout: 20_000 }).toBe('Rear Admiral');
    await expect.poll(() => counts(ann), { timeout: 20_000 }).toMatch(/^3 contacts/);
    await expect.poll(() => ann.evaluate(() => (window as unknown as { __sphere: { nodeCount(): number } }).__sphere.nodeCount()), { timeout: 20_000 }).toBe(3);

    // Ann's selection, panel and view are where she left them; the panel's history names Bo.
    expect(await panel.locator('h2').textContent()).toBe('Grace Hopper');
    await expect.poll(view).toEqual(before);
    await expect.poll(() => panel.getByTestId('history-entry').first().textContent(), { timeout: 10_000 }).toMatch(/bo@harbor\.test title: nothing → Rear Admiral/);
    await screenshot(ann, 'team-sync-6-view-kept-under-remote-edits');
  });

  it('shows in the contact\'s history what a merge of two offline edits kept and took, and from whom', async () => {
    const { serverData, port, server, address } = await teamServer('team-server-merge');
    const ann = await member('ann-merge');
    const bo = await member('bo-merge');
    await signIn(ann, address, 'ann@harbor.test');
    await signIn(bo, address, 'bo@harbor.test');
    await addContact(ann, 'Grace Hopper');
    await expect.poll(() => counts(bo), { timeout: 20_000 }).toMatch(/^1 contact ·/);

    // Both on the road: each gives Grace another title, Bo after Ann.
    server.kill('SIGKILL');
    const retitle = async (page: Page, title: string) => {
      if ((await page.getByTestId('list-view').count()) === 0) await page.getByTestId('toggle-list').click();
      await page.getByRole('row').filter({ hasText: 'Grace Hopper' }).click();
      await page.getByTestId('action-edit').click();
      await page.getByTestId('edit-form').getByLabel('Title').fill(title);
      await page.getByTestId('edit-save').click();
      await page.getByTestId('edit-form').waitFor({ state: 'detached' });
    };
    await retitle(ann, 'Commodore');
    await retitle(bo, 'Rear Admiral');
    await startServer(serverData, port);
    for (const page of [ann, bo]) await expect.poll(() => page.getByTestId('detail-panel').locator('.sub').textContent(), { timeout: 30_000 }).toBe('Rear Admiral');

    // Whoever sent second merged; that window's history says whose title was taken and whose lost.
    const merges = async () => (await Promise.all([ann, bo].map((p) => p.getByTestId('history-merge').allTextContents()))).flat();
    await expect.poll(merges, { timeout: 10_000 }).toContainEqual(expect.stringMatching(/^merged: (bo@harbor\.test's "Rear Admiral" taken, your title "Commodore" lost|your title "Rear Admiral" kept, ann@harbor\.test's "Commodore" not taken)$/));
    const merged = (await ann.getByTestId('history-merge').count()) > 0 ? ann : bo;
    expect(await merged.getByTestId('history-entry').filter({ has: merged.getByTestId('history-merge') }).textContent()).toMatch(/(ann|bo)@harbor\.test edited at the same time as you/);
    await screenshot(merged, 'team-sync-7-merge-in-history');
  });
});
