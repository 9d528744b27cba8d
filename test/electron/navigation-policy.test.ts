// Process: test (Node). The one rule for "this URL is the app": exact origin, not a prefix.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl, isRequestAllowed } from '../../electron/navigation-policy.ts';

describe('the app origin', () => {
  it('accepts the app’s own pages', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/assets/index-abc.js?x=1#y`)).toBe(true);
    expect(isAppUrl(APP_ORIGIN)).toBe(true);
  });

  it('refuses look-alike origins that a prefix test lets through', () => {
    for (const url of ['app://sphere.evil/', 'app://sphere.evil/index.html', 'app://sphere:81/index.html', 'app://sphere@evil/index.html', 'app://user:pw@sphere/index.html', 'app://spherex/']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('refuses other schemes, the web and malformed input', () => {
    for (const url of ['https://sphere/', 'file:///index.html', 'javascript:alert(1)', 'about:blank', '', 'app:', 'not a url', undefined]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });

  it('lets the session load only the app, and DevTools only where they may open', () => {
    expect(isRequestAllowed(`${APP_ORIGIN}/index.html`, { devTools: false })).toBe(true);
    expect(isRequestAllowed('app://sphere.evil/x.js', { devTools: true })).toBe(false);
    expect(isRequestAllowed('https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', { devTools: true })).toBe(false);
    expect(isRequestAllowed('devtools://devtools/bundled/devtools_app.html', { devTools: true })).toBe(true);
    expect(isRequestAllowed('devtools://devtools/bundled/devtools_app.html', { devTools: false })).toBe(false);
  });
});
