// Process: test (Node). The host core both hosts wire up: one window's storage, app API and events, on a real store.
import { afterEach, describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { createRxDatabase, type RxCollection, type RxStorage } from 'rxdb';
import { getRxStorageRemote, type MessageFromRemote, type MessageToRemote } from 'rxdb/plugins/storage-remote';
import { startHostCore, type ClientSink, type CoreClient, type HostCore } from '../../electron/core/host-core.ts';
import { contentSecurityPolicy } from '../../shared/content-security-policy.ts';
import { COLLECTIONS, DATABASE_NAME, type ContactDoc } from '../../shared/schemas/index.ts';
import { tempDir } from './storage-fixtures.ts';
import { contact } from '../support/contact-fixture.ts';

const cores: HostCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

async function core(dataDir = tempDir('core')): Promise<HostCore> {
  const started = await startHostCore({ dataDir, version: '1.2.3', host: 'browser' });
  cores.push(started);
  return started;
}

/** A window as a transport would present it: what the core sends it is recorded. */
function window(c: HostCore, id: string) {
  const storage$ = new Subject<MessageFromRemote>();
  const events: { name: string; payload: unknown }[] = [];
  const sink: ClientSink = { id, sendStorage: (m) => storage$.next(m), sendEvent: (name, payload) => events.push({ name, payload }) };
  const client: CoreClient = c.connect(sink);
  const storage = getRxStorageRemote({
    identifier: `core-test-${id}-${Math.random()}`,
    mode: 'one',
    messageChannelCreator: () => Promise.resolve({ messages$: storage$, send: (m: MessageToRemote) => client.receiveStorage(m), close: async () => {} }),
  }) as unknown as RxStorage<unknown, unknown>;
  return { client, events, storage };
}


describe('host core', () => {
  it('carries one window\'s storage and app API to the store', async () => {
    const c = await core();
    const w = window(c, 'w1');
    expect(await w.client.callApi('app.info', undefined)).toEqual({ ok: true, result: { version: '1.2.3', host: 'browser' } });
    expect(await w.client.callApi('no.such', undefined)).toMatchObject({ ok: false });
    const db = await createRxDatabase<{ contacts: RxCollection<ContactDoc> }>({ name: DATABASE_NAME, storage: w.storage, multiInstance: false });
    await db.addCollections({ contacts: COLLECTIONS.contacts });
    await db.contacts.insert(contact('a'));
    // Written to the store's own file, not held by the window.
    const picture = await w.client.callApi('sphere.openingPicture', undefined);
    expect(picture.ok && (picture.result as { size: number[] } | null)?.size.length).toBe(1);
    await db.close();
  });

  it('tells every connected window when the store is replaced, and no window that has gone', async () => {
    const c = await core();
    const staying = window(c, 'staying');
    const leaving = window(c, 'leaving');
    leaving.client.disconnect();
    const backup = await c.store.backupNow();
    await c.store.restoreBackup(backup.name);
    expect(staying.events).toEqual([{ name: 'store.replaced', payload: { file: c.store.file } }]);
    expect(leaving.events).toEqual([]);
  });
});

describe('content security policy', () => {
  it('lets the browser host\'s page reach its own socket and Electron\'s page no socket at all', () => {
    expect(contentSecurityPolicy('ws://127.0.0.1:4000')).toContain("connect-src 'self' ws://127.0.0.1:4000;");
    expect(contentSecurityPolicy(null)).toContain("connect-src 'self';");
    // Everything else is the same policy.
    const rest = (csp: string) => csp.split('; ').filter((d) => !d.startsWith('connect-src'));
    expect(rest(contentSecurityPolicy(null))).toEqual(rest(contentSecurityPolicy('ws://127.0.0.1:4000')));
  });
});
