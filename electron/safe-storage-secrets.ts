// Process: Electron main. The sync token encrypted with the operating system's keychain (Electron's safeStorage),
// in a file private to the user; where no keychain is available it is not stored at all, and sync asks the user
// to sign in at each launch rather than keep a readable token.
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { writePrivateFile, type SecretStore } from './sync/sync-config.ts';

export function safeStorageSecrets(dataDir: string): SecretStore {
  const file = path.join(dataDir, 'sync-token.enc');
  let inMemory: string | null = null;
  return {
    read() {
      if (!safeStorage.isEncryptionAvailable()) return inMemory;
      try {
        return safeStorage.decryptString(fs.readFileSync(file));
      } catch {
        return null;
      }
    },
    write(secret) {
      inMemory = secret;
      if (secret === null) return fs.rmSync(file, { force: true });
      if (!safeStorage.isEncryptionAvailable()) return;
      writePrivateFile(file, safeStorage.encryptString(secret));
    },
  };
}
