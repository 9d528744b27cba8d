// Process: Electron main, but pure (no Electron import): which URLs are the app's own, so unit tests can hold the
// navigation guard, the IPC sender check and the request filter to one exact rule.

export const APP_SCHEME = 'app';
export const APP_HOST = 'sphere';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True only for a URL whose origin is exactly app://sphere. A prefix test would let `app://sphere.evil/`,
 * `app://sphere:81/` or `app://sphere@evil/` through. Node's URL gives a non-special scheme an opaque origin
 * ('null'), so the parts are compared instead of `.origin`. Chromium lowercases the host of a standard
 * scheme before it reaches us; anything else spelt differently is refused rather than normalised here.
 */
export function isAppUrl(url: string | undefined): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/**
 * The session's request filter: the app loads nothing from the network. DevTools' own pages are let through only
 * where DevTools may open at all (unpackaged builds); spellcheck is off, so no dictionary download is needed.
 */
export function isRequestAllowed(url: string, options: { devTools: boolean }): boolean {
  if (isAppUrl(url)) return true;
  return options.devTools && url.startsWith('devtools://');
}
