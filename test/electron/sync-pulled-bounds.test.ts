// Process: test (Node). A document the team server holds but this version's schemas refuse (a server that let
// it through, or a hostile one) is not stored by the app's sync: sync stops and says which document and why.
import { afterEach, describe, expect, it } from 'vitest';
import { SyncRig } from '../support/sync-devices.ts';
import { wireContact } from '../fixtures/hostile-documents.ts';
import { pulledDocumentProblem } from '../../electron/sync/pulled-documents.ts';

const rig = new SyncRig();
afterEach(() => rig.cleanup());

describe('documents pulled from the team server', () => {
  it('are checked against the bounds: one this version refuses stops sync with its name, and is not stored', async () => {
    const server = await rig.startServer();
    const team = await rig.team(server.db, ['ann@harbor.test']);
    // Written straight into the server's table, past its own validation.
    const { id: _id, _deleted: _d, ...fields } = wireContact('c-bad', { tags: ['vip', 'vip'] });
    const good = wireContact('c-good');
    await server.db.transaction(async (tx) => {
      await tx.query('INSERT INTO docs (team_id, collection, id, seq, deleted, data) VALUES ($1, $2, $3, 1, 0, $4)', [team, 'contacts', 'c-good', JSON.stringify({ ...good, _deleted: undefined })]);
      await tx.query('INSERT INTO docs (team_id, collection, id, seq, deleted, data) VALUES ($1, $2, $3, 2, 0, $4)', [team, 'contacts', 'c-bad', JSON.stringify(fields)]);
      await tx.query('UPDATE teams SET seq = 2 WHERE id = $1', [team]);
    }, { team });

    const ann = await rig.device('ann', server.base, 'ann@harbor.test');
    await expect.poll(() => ann.sync.status().state, { timeout: 15_000 }).toBe('error');
    expect(ann.sync.status().error).toBe('The team server sent a document this version of Sphere refuses: contacts document "c-bad": tags must NOT have duplicate items (items ## 1 and 0 are identical)');
    expect(ann.contacts().map((c) => c.id)).not.toContain('c-bad');
  });

  it('may be a tombstone of an id alone, but of a safe id', () => {
    expect(pulledDocumentProblem('contacts', { id: 'c-gone', _deleted: true })).toBeUndefined();
    expect(pulledDocumentProblem('contacts', { id: '../../etc/passwd', _deleted: true })).toBe('contacts document "../../etc/passwd": id must match pattern "^[A-Za-z0-9_-]{1,64}$"');
    expect(pulledDocumentProblem('contacts', { ...wireContact('c-x'), _meta: { lwt: 1 } })).toBe('contacts document "c-x": (document) must NOT have additional properties: _meta');
  });
});
