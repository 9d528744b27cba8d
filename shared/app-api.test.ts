import { describe, expect, it } from 'vitest';
import { dispatchAppRequest, type AppApiHandlers } from './app-api.ts';

describe('app requests from an untrusted window', () => {
  const handlers = { 'app.info': () => ({ version: '1', host: 'electron' as const }) } as unknown as AppApiHandlers;

  it('refuses a name that is not text without converting it, whatever its toString does', async () => {
    let converted = 0;
    const hostile = { toString: () => { converted++; throw new Error('boom'); } };
    expect(await dispatchAppRequest(handlers, hostile, undefined)).toEqual({ ok: false, error: 'a request name is text, not object' });
    expect(await dispatchAppRequest(handlers, null, undefined)).toEqual({ ok: false, error: 'a request name is text, not null' });
    expect(converted).toBe(0);
  });

  it('names an unknown request, cut short', async () => {
    const outcome = await dispatchAppRequest(handlers, 'x'.repeat(500), undefined);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.length).toBeLessThan(120);
    expect(await dispatchAppRequest(handlers, 'app.info', undefined)).toEqual({ ok: true, result: { version: '1', host: 'electron' } });
  });
});
