// Process: test (Node). A window that opens after edits were made (a reload, a restarted host) takes in the steps
// the host kept: the same Undo and Redo, in the same order, run against the real store.
import { afterEach, describe, expect, it } from 'vitest';
import { EditHistory } from '../../renderer/commands/history.ts';
import { keptHistory } from '../../renderer/commands/host-step.ts';
import { moveContact } from '../../renderer/commands/move-contact.ts';
import { updateContact } from '../../renderer/commands/contact-edits.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';
import { hostForTest, type HostForTest } from '../support/host-api.ts';
import { contact } from '../support/contact-fixture.ts';

let host: HostForTest | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('the history a new window starts with', () => {
  it('is the host\'s: the next undo and redo as the old window had them, and they work', async () => {
    host = await hostForTest('kept-history');
    await host.db.contacts.bulkInsert([contact('a', { name: 'Ann', ring: 'know' })]);
    const ctx = { api: host.api };
    const first = new EditHistory();
    await first.perform(() => moveContact(ctx, 'a', { ring: 'like' }));
    await first.perform(() => updateContact(ctx, 'a', { title: 'Broker' }));
    await first.perform(() => moveContact(ctx, 'a', { ring: 'trust' }));
    await first.undo();

    const second = new EditHistory();
    const { undo, redo } = await keptHistory(ctx);
    second.seed(undo, redo);
    expect([second.nextUndoLabel, second.nextRedoLabel]).toEqual(['edit Ann', 'move Ann to Trust']);
    const ann = async () => (await host!.db.contacts.findOne('a').exec())?.toJSON() as ContactDoc;
    expect(await second.undo()).toBe('edit Ann');
    expect((await ann()).title).toBeUndefined();
    expect(await second.redo()).toBe('edit Ann');
    expect(await second.redo()).toBe('move Ann to Trust');
    expect(await ann()).toMatchObject({ ring: 'trust', title: 'Broker' });
    // A history that already holds steps of its own keeps them: the host's list is older than they are.
    second.seed([], []);
    expect(second.nextUndoLabel).toBe('move Ann to Trust');
  });
});
