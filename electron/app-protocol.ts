// Process: Electron main. Serves the built renderer from app://sphere/ instead of file://,
// so the page has a real origin for its CSP and a sender URL IPC handlers can check.
import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../shared/content-security-policy.ts';
import { APP_HOST, APP_SCHEME } from './navigation-policy.ts';

export { APP_ORIGIN, APP_SCHEME, isAppUrl } from './navigation-policy.ts';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

export function serveAppScheme(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  // Electron's renderer never needs a socket: it talks to main over IPC.
  const csp = contentSecurityPolicy(null);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = path.resolve(root, '.' + decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    if (url.host !== APP_HOST || !file.startsWith(root + path.sep)) return new Response('forbidden', { status: 403 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, { headers: { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': csp } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
