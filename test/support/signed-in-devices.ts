// Process: test (Node). App hosts as sync tests need them: a StoreService on its own SQLite file, its command
// runner, and its sync engine (syncFor), signed in to a team server like a person would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreService } from '../../electron/store/store-service.ts';
import type { SyncEngine } from '../../electron/sync/sync-engine.ts';
import { syncFor } from '../../electron/sync/sync-for-store.ts';
import { COLLECTIONS, DATABASE_NAME, type ContactDoc } from '../../shared/schemas/index.ts';

export type Device = {
  store: StoreService;
  sync: SyncEngine;
  contacts(): ContactDoc[];
  /** The live documents of a synced collection. */
  docs(collection: 'contacts' | 'ties' | 'touches' | 'deals'): Record<string, unknown>[];
  run(command: unknown): Promise<unknown>;
  close(): Promise<void>;
};

export const tempDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `sphere-sync-${name}-`));

/** A host on a fresh data folder, signed in; short retry bounds so a lost server is retried within the test. */
export async function device(name: string, server: string, email: string, password: string): Promise<Device> {
  const dataDir = tempDir(name);
  const store = new StoreService(dataDir);
  await store.ready();
  const sync = syncFor(store, { retry: { firstMs: 50, maxMs: 300 } });
  const docs = (collection: keyof typeof COLLECTIONS) =>
    store.current.raw.liveDocuments(DATABASE_NAME, collection, COLLECTIONS[collection].schema.version) as Record<string, unknown>[];
  await sync.signIn({ server, email, password });
  return {
    store,
    sync,
    docs,
    contacts: () => docs('contacts') as ContactDoc[],
    run: (command) => store.commands.run(command),
    async close() {
      await sync.stop();
      store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A document's own fields in a fixed order, without RxDB's bookkeeping (_rev, _meta): what devices must share. */
export const content = (doc: Record<string, unknown> | undefined) =>
  doc && JSON.stringify(Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')).sort(([a], [b]) => a.localeCompare(b))));

/** Every live document of the synced collections, as content, sorted: two devices that converged agree on it. */
export const everything = (d: Device) =>
  (['contacts', 'ties', 'touches', 'deals'] as const).map((c) => d.docs(c).map(content).sort());

export const addContact = (d: Device, name: string) =>
  d.run({ type: 'contact.add', contact: { name, category: 'business', ring: 'know', emails: [], phones: [] } }) as Promise<{ createdId: string }>;
