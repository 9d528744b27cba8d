// Process: main or browser host (Node). Where sync's settings and sign-in live, private to the user: the server,
// team and on/off in sync.json; the token in a secret store (Electron's safeStorage, or a 0600 file in the data
// folder for the browser host). The token never goes to a window, a URL or a log.
import fs from 'node:fs';
import path from 'node:path';

export type SyncConfig = {
  server: string;
  email: string;
  team: string;
  teams: { id: string; name: string; role: 'owner' | 'member' }[];
  enabled: boolean;
};

export type SecretStore = { read(): string | null; write(secret: string | null): void };

/** Written whole to a new file then renamed over the old: a crash mid-write leaves the old file, never half a file. */
export function writePrivateFile(file: string, text: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text, { mode: 0o600 });
  fs.renameSync(temp, file);
  fs.chmodSync(file, 0o600);
}

export class SyncConfigFile {
  private readonly file: string;
  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'sync.json');
  }

  read(): SyncConfig | null {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as SyncConfig;
      return typeof parsed.server === 'string' && typeof parsed.team === 'string' ? parsed : null;
    } catch {
      return null;
    }
  }

  write(config: SyncConfig | null): void {
    if (config === null) fs.rmSync(this.file, { force: true });
    else writePrivateFile(this.file, JSON.stringify(config, null, 2));
  }
}

/** The browser host's secret store: a file only the user can read, beside the store. */
export function fileSecretStore(dataDir: string): SecretStore {
  const file = path.join(dataDir, 'sync-token');
  return {
    read: () => {
      try {
        return fs.readFileSync(file, 'utf8').trim() || null;
      } catch {
        return null;
      }
    },
    write: (secret) => (secret === null ? fs.rmSync(file, { force: true }) : writePrivateFile(file, secret)),
  };
}
