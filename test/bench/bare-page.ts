// Process: benchmark (Node, drives Chromium). A page driven over the DevTools protocol with nothing else listening.
// Playwright follows every WebSocket frame a page receives (page.on('websocket')), so Chromium copies each frame's
// whole payload down the same pipe its input commands travel: while a window takes in 50,000 contacts (tens of
// megabytes over the host's WebSocket), a mouse move sent through Playwright waited seconds behind them, though the
// page itself was idle. What a user's mouse meets is measured here instead: input and evaluation only.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { CHROMIUM_ARGS, findOrInstallChromium } from '../../scripts/chromium.ts';

export type BarePage = {
  navigate(url: string): Promise<void>;
  /** The value of a JavaScript expression in the page (awaited if it is a promise). */
  evaluate<T>(expression: string): Promise<T>;
  mouseMove(x: number, y: number): Promise<void>;
  close(): Promise<void>;
};

export async function openBarePage(viewport: { width: number; height: number }): Promise<BarePage> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-bare-page-'));
  const chrome: ChildProcess = spawn(findOrInstallChromium(() => {}), [...CHROMIUM_ARGS, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, `--window-size=${viewport.width},${viewport.height}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('Chromium did not open its DevTools port within 30 s')), 30_000);
    chrome.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
    chrome.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before opening its DevTools port`)));
  });
  const socket = new WebSocket(endpoint, { maxPayload: 256 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let next = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id === undefined) return;
    const call = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error) call?.reject(new Error(message.error.message));
    else call?.resolve(message.result);
  });
  const send = <T>(method: string, params: object = {}, sessionId?: string) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  await send('Emulation.setDeviceMetricsOverride', { width: viewport.width, height: viewport.height, deviceScaleFactor: 1, mobile: false }, sessionId);
  return {
    async navigate(url) {
      await send('Page.navigate', { url }, sessionId);
    },
    async evaluate<T>(expression: string) {
      const { result, exceptionDetails } = await send<{ result: { value?: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
      if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.text}`);
      return result.value as T;
    },
    async mouseMove(x, y) {
      await send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y }, sessionId);
    },
    async close() {
      socket.close();
      chrome.kill();
      await new Promise((resolve) => (chrome.exitCode !== null ? resolve(null) : chrome.once('exit', resolve)));
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
