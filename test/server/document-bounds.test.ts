// Process: test (Node). The team server refuses pushed documents its schemas do not bound, as the app's own
// store does (test/electron/document-bounds.test.ts): the whole push, with a message naming the document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CONTACTS, wireContact } from '../fixtures/hostile-documents.ts';
import { client, KINDS, newPlace, seedTeam, startServer, tokenFor, type Running } from './support.ts';

describe.each(KINDS)('pushed documents the schema does not bound, on %s', (kind) => {
  let server: Running;
  let contacts: ReturnType<typeof client>;

  beforeAll(async () => {
    server = await startServer(await newPlace(kind));
    const team = await seedTeam(server.db, 'Acme', ['ann@acme.test']);
    contacts = client(server.base, await tokenFor(server.base, 'ann@acme.test'), team, 'contacts');
  });
  afterAll(() => server?.close());

  it('are refused with 400, naming the document and the reason, and nothing of the push is stored', async () => {
    for (const hostile of HOSTILE_CONTACTS) {
      // A good contact first in the same push: one bad document refuses the whole request.
      const rows = [{ newDocumentState: wireContact(`ok-before-${hostile.id.length}`) }, { newDocumentState: wireContact(hostile.id, hostile.fields) }];
      const { status, body } = await contacts.push(rows);
      expect(status, hostile.what).toBe(400);
      expect(body.error, hostile.what).toContain(`contacts document ${JSON.stringify(hostile.id)} (row 1): `);
      expect(body.error, hostile.what).toMatch(hostile.reason);
      expect(body.error!.length, hostile.what).toBeLessThan(2000);
    }
    expect((await contacts.pull(undefined, 1000)).body.documents).toEqual([]);
  });

  it('refuses RxDB\'s _meta on the wire, however large', async () => {
    const { status, body } = await contacts.push([{ newDocumentState: { ...wireContact('c-meta'), _meta: { lwt: 1, junk: 'm'.repeat(10 * 1024 * 1024) } } }]);
    expect(status).toBe(400);
    expect(body.error).toMatch(/^contacts document "c-meta" \(row 0\): it is 10\.0 MB, more than the 256 KB a document may be$/);
  });

  it('refuses a tombstone whose id is outside the safe alphabet, though a tombstone may be its id alone', async () => {
    const { status, body } = await contacts.push([{ newDocumentState: { id: '../../etc/passwd', _deleted: true } }]);
    expect(status).toBe(400);
    expect(body.error).toBe('contacts document "../../etc/passwd" (row 0): id must match pattern "^[A-Za-z0-9_-]{1,64}$"');
    expect((await contacts.push([{ newDocumentState: { id: 'c-gone', _deleted: true } }])).status).toBe(200);
  });

  it('takes the same contact within bounds', async () => {
    const { status, body } = await contacts.push([{ newDocumentState: wireContact('c-fine', { optIn: { granted: true, at: 1_700_000_000_000, source: 'form' }, birthday: '--02-29' }) }]);
    expect([status, body]).toEqual([200, []]);
  });
});
