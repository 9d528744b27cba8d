// Process: main or browser host (Node). The data folder holds every contact: only its user may read it. Folders are
// made 0700 and files 0600, those already there included, since earlier versions left them readable by everyone.
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/**
 * Makes `dir` and everything under it private to the user. Links are not followed (a link to elsewhere is not
 * ours to change); a file that cannot be changed (another owner, a read-only disk) is reported, not fatal.
 */
export function makePrivate(dir: string, report: (line: string) => void = () => {}): void {
  const visit = (at: string, isDir: boolean) => {
    try {
      fs.chmodSync(at, isDir ? PRIVATE_DIR : PRIVATE_FILE);
    } catch (err) {
      report(`could not make ${at} private: ${(err as Error).message}`);
    }
    if (!isDir) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory() || entry.isFile()) visit(path.join(at, entry.name), entry.isDirectory());
    }
  };
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  visit(dir, true);
}
