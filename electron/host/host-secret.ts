// Process: browser host (Node). The page's session credential (the value of its HttpOnly cookie, page-session.ts),
// kept in the data folder so that a host restarted on the same folder (after a crash, a sleep, an update) accepts
// the page it served before instead of stranding it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const HOST_SECRET_FILE = 'host-secret';
const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Reads the folder's secret, or makes one (32 random bytes) readable by this user only. A file that is not a
 * secret we made is replaced; one that others may read is made private again, since any local page that learns
 * it could drive the store. Never logs the secret.
 */
export function loadHostSecret(dataDir: string, log: (line: string) => void = () => {}): string {
  const file = path.join(dataDir, HOST_SECRET_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    if (SECRET_SHAPE.test(text)) {
      if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
      return text;
    }
  } catch (err) {
    // Unreadable to this user (a data folder it may only read): this launch gets a secret of its own.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log(`browser host: cannot read ${HOST_SECRET_FILE}: ${(err as Error).message}`);
  }
  const secret = crypto.randomBytes(32).toString('base64url');
  // Written under a temporary name and renamed, so a crash never leaves half a secret behind.
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, secret, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch (err) {
    // A read-only data folder opens read-only: this launch's secret then lives in memory, and a page open across
    // a restart of the host must be opened again from the printed address.
    log(`browser host: could not keep the session secret in the data folder: ${(err as Error).message}`);
  }
  return secret;
}

/**
 * Constant-time comparison: the page's secret against the folder's. Compared as bytes of equal length:
 * timingSafeEqual throws on unequal lengths, and 43 characters that are not all ASCII are more than 43 bytes.
 */
export function isHostSecret(given: unknown, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(secret, 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
