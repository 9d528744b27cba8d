// Process: test (Node). The store's journal with real hosts on real SQLite files: undo that survives a restart, a
// contact's history, and a deleted contact restored (here, and through the real team server from a teammate's delete).
import { afterEach, describe, expect, it } from 'vitest';
import { StoreService } from '../../electron/store/store-service.ts';
import { contactHistory, deletedContacts } from '../../electron/store/contact-history.ts';
import { JOURNAL_LIMITS } from '../../electron/store/journal.ts';
import { COLLECTIONS, DATABASE_NAME } from '../../shared/schemas/index.ts';
import { addContact, content, SyncRig, tempDir, type Device } from '../support/sync-devices.ts';

const rig = new SyncRig();
afterEach(() => rig.cleanup());

const named = (d: Device, name: string) => d.contacts().find((c) => c.name === name);
const live = (d: Device) => () => new Set(d.contacts().map((c) => c.id));
const hereFor = (d: Device) => (author: string) => author === d.store.deviceId() || author === d.sync.status().email;

describe('the journal on one device', () => {
  it('keeps the undo and redo steps across a host restart, and undo still reverts field by field', async () => {
    const dataDir = tempDir('restart');
    const first = new StoreService(dataDir);
    await first.ready();
    const added = (await first.commands.run({ type: 'contact.add', contact: { name: 'Ann Lee', category: 'friends', ring: 'know', emails: [], phones: [] } }))!;
    const edit = (await first.commands.run({ type: 'contact.update', contactId: added.createdId!, changes: { title: 'Broker', notes: 'met at the fair' } }))!;
    const move = (await first.commands.run({ type: 'contact.move', contactId: added.createdId!, ring: 'like' }))!;
    await first.commands.undo(move.runId);
    first.close();

    const second = new StoreService(dataDir);
    await second.ready();
    const stack = await second.commands.undoStack();
    expect(stack.undo.map((s) => s.label)).toEqual(['add Ann Lee', 'edit Ann Lee']);
    expect(stack.redo.map((s) => s.label)).toEqual(['move Ann Lee to Like']);
    // A teammate-like later edit of one of the fields: undo leaves it and reverts only the other.
    await second.commands.run({ type: 'contact.update', contactId: added.createdId!, changes: { notes: 'newer note' } });
    await second.commands.undo(edit.runId);
    const contact = (second.current.raw.liveDocuments(DATABASE_NAME, 'contacts', COLLECTIONS.contacts.schema.version) as { id: string; title?: string; notes?: string; ring: string }[]).find((c) => c.id === added.createdId);
    expect(contact).toMatchObject({ notes: 'newer note', ring: 'know' });
    expect(contact?.title).toBeUndefined();
    second.close();
  });

  it('restores a deleted contact with its ties in one step, and one undo deletes it again', async () => {
    const ann = await rig.device('solo', null, 'x');
    const { createdId: grace } = await addContact(ann, 'Grace Hopper');
    const { createdId: ada } = await addContact(ann, 'Ada Lovelace');
    await ann.run({ type: 'referral.record', from: grace, to: ada });
    await ann.run({ type: 'touch.log', contactId: grace, kind: 'call', direction: 'outbound' });
    await ann.run({ type: 'contact.update', contactId: grace, changes: { title: 'Admiral' } });
    await ann.run({ type: 'contact.delete', contactId: grace });
    expect(ann.docs('ties')).toHaveLength(0);

    const gone = await deletedContacts(ann.store.commands, live(ann), hereFor(ann));
    expect(gone).toMatchObject([{ contactId: grace, name: 'Grace Hopper', here: true, ties: 1 }]);
    const restored = (await ann.run({ type: 'contact.restore', contactId: grace })) as { runId: string; label: string };
    expect(restored.label).toBe('restore Grace Hopper and 1 tie');
    expect(named(ann, 'Grace Hopper')).toMatchObject({ title: 'Admiral' });
    expect(ann.docs('ties')).toHaveLength(1);
    expect(ann.touches().filter((t) => t.contactId === grace)).toHaveLength(1);
    expect(await deletedContacts(ann.store.commands, live(ann), hereFor(ann))).toEqual([]);
    // Restoring twice is refused with a reason, not a second copy.
    await expect(ann.run({ type: 'contact.restore', contactId: grace })).rejects.toThrow(/already back/);

    await ann.store.commands.undo(restored.runId);
    expect(named(ann, 'Grace Hopper')).toBeUndefined();
    expect(ann.docs('ties')).toHaveLength(0);

    const history = await contactHistory(ann.store.commands, grace, hereFor(ann));
    expect(history.map((e) => `${e.kind}:${e.contact}`)).toEqual(['undo:deleted', 'command:added', 'command:deleted', 'command:changed', 'command:unchanged', 'command:unchanged', 'command:added']);
    expect(history[3]).toMatchObject({ here: true, fields: [{ field: 'title', before: null, after: 'Admiral' }] });
    expect(history[4]!.related).toEqual(['call touch added']);
  });

  it('stays within its bounds, dropping the oldest entries first', async () => {
    const ann = await rig.device('bounded', null, 'x');
    const { createdId } = await addContact(ann, 'Busy Person');
    const saved = { ...JOURNAL_LIMITS };
    Object.assign(JOURNAL_LIMITS, { entries: 30, pruneEvery: 10 });
    try {
      for (let i = 0; i < 60; i++) await ann.run({ type: 'contact.update', contactId: createdId, changes: { notes: `note ${i}` } });
    } finally {
      Object.assign(JOURNAL_LIMITS, saved);
    }
    const history = await contactHistory(ann.store.commands, createdId, hereFor(ann));
    expect(history.length).toBeLessThanOrEqual(40);
    // The newest is kept, the add (the oldest) went first.
    expect(history[0]!.fields).toEqual([{ field: 'notes', before: 'note 58', after: 'note 59' }]);
    expect(history.some((e) => e.contact === 'added')).toBe(false);
  });
});

describe('the journal under team sync', () => {
  it('records a teammate\'s edits and the merge of both sides, naming who and what was kept', async () => {
    const dataDir = tempDir('server');
    const first = await rig.startServer(dataDir);
    await rig.team(first.db, ['ann@harbor.test', 'bo@harbor.test']);
    const ann = await rig.device('ann', first.base, 'ann@harbor.test');
    const bo = await rig.device('bo', first.base, 'bo@harbor.test');
    const { createdId } = await addContact(ann, 'Ada Lovelace');
    await expect.poll(() => named(bo, 'Ada Lovelace')?.id, { timeout: 15_000 }).toBe(createdId);
    await bo.run({ type: 'contact.update', contactId: createdId, changes: { organisation: 'Analytical Engines' } });
    await expect.poll(() => named(ann, 'Ada Lovelace')?.organisation, { timeout: 15_000 }).toBe('Analytical Engines');
    await first.server.close();

    // Both on the road, both edit the notes: Bo's is later, so it is taken; Ann's title stays.
    await ann.run({ type: 'contact.update', contactId: createdId, changes: { title: 'Mathematician', notes: 'ann wrote this' } });
    await expect.poll(() => ann.sync.status().state, { timeout: 15_000 }).toBe('offline');
    await bo.run({ type: 'contact.update', contactId: createdId, changes: { notes: 'bo wrote this later' } });
    await expect.poll(() => bo.sync.status().state, { timeout: 15_000 }).toBe('offline');
    await rig.startServer(dataDir, first.port);
    for (const d of [ann, bo]) await expect.poll(() => d.sync.status().state, { timeout: 20_000 }).toBe('upToDate');
    await expect.poll(() => content(named(ann, 'Ada Lovelace')), { timeout: 15_000 }).toBe(content(named(bo, 'Ada Lovelace')));

    const annSaw = await contactHistory(ann.store.commands, createdId, hereFor(ann));
    const pulled = annSaw.find((e) => e.kind === 'pulled' && e.fields.some((f) => f.field === 'organisation'));
    expect(pulled).toMatchObject({ author: 'bo@harbor.test', here: false });
    // Whoever pushed second merged; that device's history says which value came from whom.
    const bothSaw = [...annSaw, ...(await contactHistory(bo.store.commands, createdId, hereFor(bo)))];
    const merge = bothSaw.find((e) => e.kind === 'merged');
    expect(merge, JSON.stringify(bothSaw, null, 1)).toBeDefined();
    const notes = merge!.merges.find((m) => m.field === 'notes')!;
    expect(notes).toMatchObject({ yours: expect.stringMatching(/wrote this/), theirs: expect.stringMatching(/wrote this/) });
    expect(notes.kept === 'theirs' ? notes.theirs : notes.yours).toBe('bo wrote this later');
  });

  it('lists a contact a teammate deleted, and restoring it brings it back on both devices to stay', async () => {
    const server = await rig.startServer();
    await rig.team(server.db, ['ann@harbor.test', 'bo@harbor.test']);
    const ann = await rig.device('ann', server.base, 'ann@harbor.test');
    const bo = await rig.device('bo', server.base, 'bo@harbor.test');
    const { createdId: grace } = await addContact(ann, 'Grace Hopper');
    const { createdId: ada } = await addContact(ann, 'Ada Lovelace');
    await ann.run({ type: 'tie.link', kind: 'influence', from: grace, to: ada });
    await ann.run({ type: 'contact.update', contactId: grace, changes: { notes: 'invented the compiler' } });
    await expect.poll(() => bo.docs('ties').length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => named(bo, 'Grace Hopper')?.notes, { timeout: 15_000 }).toBe('invented the compiler');

    await bo.run({ type: 'contact.delete', contactId: grace });
    await expect.poll(() => named(ann, 'Grace Hopper'), { timeout: 15_000 }).toBeUndefined();
    await expect.poll(() => ann.docs('ties').length, { timeout: 15_000 }).toBe(0);

    const gone = await deletedContacts(ann.store.commands, live(ann), hereFor(ann));
    expect(gone).toMatchObject([{ contactId: grace, name: 'Grace Hopper', by: 'bo@harbor.test', here: false, ties: 1 }]);
    await ann.run({ type: 'contact.restore', contactId: grace });
    expect(named(ann, 'Grace Hopper')).toMatchObject({ notes: 'invented the compiler' });

    // The restore reaches Bo, who deleted it, and the delete does not win it back on either side.
    await expect.poll(() => named(bo, 'Grace Hopper')?.notes, { timeout: 15_000 }).toBe('invented the compiler');
    await expect.poll(() => bo.docs('ties').length, { timeout: 15_000 }).toBe(1);
    for (const d of [ann, bo]) await d.sync.inSync();
    for (const d of [ann, bo]) expect(named(d, 'Grace Hopper')).toBeDefined();
    const rows = await server.db.query<{ deleted: number | boolean }>(`SELECT deleted FROM docs WHERE id = '${grace}'`);
    expect(rows.map((r) => Number(r.deleted))).toEqual([0]);
    // Bo's history of Grace: added by Ann, deleted here, restored by Ann.
    const boSaw = await contactHistory(bo.store.commands, grace, hereFor(bo));
    const deleted = boSaw.find((e) => e.kind === 'command' && e.contact === 'deleted');
    expect(deleted).toMatchObject({ here: true, related: ['influence tie removed'] });
    const back = boSaw.filter((e) => e.seq > deleted!.seq && e.kind === 'pulled');
    expect(back.map((e) => [e.contact, e.author, e.related.join()])).toEqual(expect.arrayContaining([['added', 'ann@harbor.test', ''], ['unchanged', 'ann@harbor.test', 'influence tie added']]));
  });

  it('keeps what a teammate\'s delete beat: the edit made offline comes back with the restore', async () => {
    const dataDir = tempDir('server');
    const first = await rig.startServer(dataDir);
    await rig.team(first.db, ['ann@harbor.test', 'bo@harbor.test']);
    const ann = await rig.device('ann', first.base, 'ann@harbor.test');
    const bo = await rig.device('bo', first.base, 'bo@harbor.test');
    const { createdId } = await addContact(ann, 'Temp Person');
    await expect.poll(() => named(bo, 'Temp Person')?.id, { timeout: 15_000 }).toBe(createdId);
    await first.server.close();
    await ann.run({ type: 'contact.delete', contactId: createdId });
    await bo.run({ type: 'contact.update', contactId: createdId, changes: { notes: 'edited on the road' } });
    await rig.startServer(dataDir, first.port);
    for (const d of [ann, bo]) await expect.poll(() => named(d, 'Temp Person'), { timeout: 20_000 }).toBeUndefined();

    // Bo's history says Ann's delete won over his edit; his edit is the state he can restore.
    const boSaw = await contactHistory(bo.store.commands, createdId, hereFor(bo));
    expect(boSaw[0]).toMatchObject({ contact: 'deleted', author: 'ann@harbor.test', here: false });
    const gone = await deletedContacts(bo.store.commands, live(bo), hereFor(bo));
    expect(gone).toMatchObject([{ contactId: createdId, by: 'ann@harbor.test' }]);
    await bo.run({ type: 'contact.restore', contactId: createdId });
    await expect.poll(() => named(ann, 'Temp Person')?.notes, { timeout: 15_000 }).toBe('edited on the road');
    for (const d of [ann, bo]) await d.sync.inSync();
    expect(content(named(ann, 'Temp Person'))).toBe(content(named(bo, 'Temp Person')));
  });
});
