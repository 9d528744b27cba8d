// Process: browser host (Node). Reads a request's target without ever throwing: any request that reaches the host
// may come from a hostile page (`fetch('/%', {mode: 'no-cors'})`) or raw bytes, and one throw here ended the process.

export type RequestTarget = { path: string; query: URLSearchParams };

/**
 * The decoded path and the query of an origin-form target (`/a/b?x=1`), or null when it is not one we serve:
 * absolute or authority forms (a browser talking to us directly never sends them), bad percent-encoding, or a NUL
 * byte (Node's file functions throw on it).
 */
export function readRequestTarget(raw: unknown): RequestTarget | null {
  if (typeof raw !== 'string' || !raw.startsWith('/')) return null;
  const cut = raw.search(/[?#]/);
  const rawPath = cut === -1 ? raw : raw.slice(0, cut);
  const rawQuery = cut !== -1 && raw[cut] === '?' ? raw.slice(cut + 1).split('#')[0]! : '';
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  // URLSearchParams decodes leniently (a stray `%` stays as it is); it does not throw.
  return { path, query: new URLSearchParams(rawQuery) };
}
