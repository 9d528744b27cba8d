// Process: browser host (Node). How the page proves it is the user's: the host prints its address with a one-time
// launch token (in the fragment, which browsers never send to a server); the page trades it once, by POST, for a
// session cookie that scripts cannot read. Serving the page hands out nothing, so another local user who asks for
// `GET /` learns nothing that opens the store.
import crypto from 'node:crypto';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LAUNCH_TOKEN_PARAM } from '../../shared/host-frames.ts';
import { writePrivateFile } from '../sync/sync-config.ts';
import { isHostSecret } from './host-secret.ts';

/** The file (0600) holding an address with a token not yet traded: how the user opens one more window. */
export const LAUNCH_ADDRESS_FILE = 'launch-address';
/** A token is 43 characters; anything longer is not one, and the body is read no further. */
const MAX_TOKEN_BODY = 256;

/**
 * Cookies are kept per host name, not per port: a name per port keeps two Sphere hosts on 127.0.0.1 (two data
 * folders) from overwriting each other's session.
 */
export function sessionCookieName(port: number): string {
  return `sphere-session-${port}`;
}

/** The cookie's value from a Cookie header, or null; never throws, whatever the header holds. */
export function readCookie(header: unknown, name: string): string | null {
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export type PageSessions = {
  /** The address to open, with a token not yet traded. */
  launchAddress(): string;
  /** Whether this request carries the session cookie (the folder's secret). */
  hasSession(req: IncomingMessage): boolean;
  /** Answers POST and GET on the session path. */
  handle(req: IncomingMessage, res: ServerResponse): void;
};

/**
 * `secret` is the folder's (host-secret.ts): the cookie carries it, so a host restarted on the same folder and port
 * accepts the page it served before. Tokens live only in this process and in the launch-address file: each is
 * good for one trade, and a trade makes the next one (written to the file) for another window.
 */
export function pageSessions(options: { dataDir: string; port: number; secret: string; log: (line: string) => void }): PageSessions {
  const { port, secret, log } = options;
  const origin = `http://127.0.0.1:${port}`;
  const cookie = sessionCookieName(port);
  const file = path.join(options.dataDir, LAUNCH_ADDRESS_FILE);
  let token = '';
  const mint = () => {
    token = crypto.randomBytes(32).toString('base64url');
    try {
      writePrivateFile(file, `${address()}\n`);
    } catch (err) {
      // A read-only data folder still opens (read-only): the printed address is then the only one.
      log(`browser host: could not write ${LAUNCH_ADDRESS_FILE}: ${(err as Error).message}`);
    }
  };
  const address = () => `${origin}/#${LAUNCH_TOKEN_PARAM}=${token}`;
  mint();

  const hasSession = (req: IncomingMessage) => isHostSecret(readCookie(req.headers.cookie, cookie), secret);

  const trade = (req: IncomingMessage, res: ServerResponse) => {
    // Only the page itself posts here: a form or fetch from another site carries its own Origin.
    if (req.headers.origin !== origin) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('wrong origin');
      return;
    }
    let body = '';
    let tooLong = false;
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      if (tooLong) return;
      body += chunk;
      if (body.length > MAX_TOKEN_BODY) tooLong = true;
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (tooLong || !isHostSecret(body.trim(), token)) {
        log('browser host: refused a launch token (already used, or not this launch\'s)');
        res.writeHead(403, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' })
          .end(`This address was already used, or is not this Sphere's. Open the address Sphere printed when it started; one for another window is in the data folder's ${LAUNCH_ADDRESS_FILE} file.`);
        return;
      }
      // Used once: the next trade needs the next token.
      mint();
      res.writeHead(204, {
        'Set-Cookie': `${cookie}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      }).end();
    });
  };

  return {
    launchAddress: address,
    hasSession,
    handle(req, res) {
      if (req.method === 'POST') return trade(req, res);
      if (req.method === 'GET') {
        res.writeHead(hasSession(req) ? 204 : 401, { 'Cache-Control': 'no-store' }).end();
        return;
      }
      res.writeHead(405, { Allow: 'GET, POST' }).end();
    },
  };
}
