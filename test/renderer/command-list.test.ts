// Process: test (Node). What each command in the list does with the app it is handed: whether it applies
// (and why not), which dialog it opens with which props, which view it changes.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import type { ContactDoc, DealDoc, TieDoc, TouchDoc } from '../../shared/schemas/index.ts';
import type { CommandId } from '../../shared/command-specs.ts';
import { SELECT_FIRST, type CommandContext, type Panel, type View } from '../../renderer/commands/command.ts';
import { EditHistory } from '../../renderer/commands/history.ts';
import { checkCommand, commandById, COMMANDS, runCommand } from '../../renderer/commands/registry.ts';
import { contact } from '../support/contact-fixture.ts';


const referral = (id: string, from: string, to: string, at: number, rewardedAt?: number): TieDoc => ({ id, kind: 'referral', from, to, at, createdAt: at, updatedAt: at, updatedBy: 'test', ...(rewardedAt ? { rewardedAt, reward: 'card' } : {}) }) as TieDoc;

/** The app as a command sees it, recording what the command asked of it. */
function appWith({ selected, contacts = [], ties = [], touches = [], deals = [] }: { selected?: ContactDoc; contacts?: ContactDoc[]; ties?: TieDoc[]; touches?: TouchDoc[]; deals?: DealDoc[] }) {
  const said: string[] = [];
  const opened: { id: CommandId; props: unknown }[] = [];
  const state = { panel: null as Panel | null, view: 'sphere' as View, fits: 0, zooms: [] as number[] };
  const app: CommandContext = {
    edit: { api: { call: () => Promise.reject(new Error('no host in this test')), on: () => () => {} } },
    docs: { contacts: selected ? [selected, ...contacts] : contacts, ties, touches, deals },
    settings: DEFAULT_SETTINGS,
    selected,
    history: new EditHistory(),
    get panel() { return state.panel; },
    get view() { return state.view; },
    stageOf: () => 'prospect',
    loadingSample: false,
    perform: async () => {},
    say: (text) => void said.push(text),
    select: () => {},
    setPanel: (p) => void (state.panel = p),
    setView: (v) => void (state.view = v),
    fit: () => void state.fits++,
    zoom: (f) => void state.zooms.push(f),
    focusSearch: () => {},
    setLoadingSample: () => {},
    colourBy: 'category',
    setColourBy: () => {},
    visibleTies: { referral: true, influence: true, partner: true, personal: false },
    toggleTies: () => {},
    openDialog: (id, props) => void opened.push({ id, props }),
    check: (id) => checkCommand(app, id),
    run: (id) => runCommand(app, id),
  };
  return { app, said, opened, state };
}

describe('the command list', () => {
  it('refuses every command about a contact until one is selected, and says why', () => {
    const { app, said, opened } = appWith({});
    // Thank is offered at any time (it takes the longest-waiting referral of all; see below).
    const aboutContact = COMMANDS.filter((c) => c.group === 'contact' && c.id !== 'contact.add' && c.id !== 'referral.thank');
    expect(aboutContact.map((c) => c.id)).toContain('touch.log');
    for (const c of aboutContact) expect(app.check(c.id), c.id).toBe(SELECT_FIRST);
    app.run('touch.log');
    expect(said).toEqual([SELECT_FIRST]);
    expect(opened).toEqual([]);
    expect(app.check('contact.add')).toBe(true);
    expect(app.check('view.today')).toBe(true);
    expect(app.check('referral.thank')).toBe('No referral is waiting for thanks.');
  });

  it('thanks the longest-waiting referral of all when no one is selected', () => {
    const { app, opened } = appWith({ contacts: [contact('a'), contact('b'), contact('c')], ties: [referral('r2', 'b', 'c', 20), referral('r1', 'a', 'b', 10), referral('r0', 'c', 'a', 5, 6)] });
    app.run('referral.thank');
    expect(opened).toEqual([{ id: 'referral.thank', props: { tieId: 'r1' } }]);
  });

  it('opens the command\'s own dialog for the selected contact', () => {
    const ann = contact('ann', { name: 'Ann', roles: ['centerOfInfluence', 'hostBeneficiary'] });
    const { app, opened } = appWith({ selected: ann });
    for (const id of ['touch.log', 'deal.record', 'referral.record', 'contact.edit', 'contact.merge', 'link.influence', 'link.partner', 'contact.delete'] as const) {
      app.run(id);
      expect(opened.pop(), id).toEqual({ id, props: { contactId: 'ann' } });
      expect(commandById(id).dialog, id).toBeTypeOf('function');
    }
    app.run('contact.add');
    expect(opened.pop()).toEqual({ id: 'contact.add', props: undefined });
  });

  it('offers the links only for the roles they belong to', () => {
    const bo = contact('bo', { name: 'Bo' });
    const { app } = appWith({ selected: bo });
    expect(app.check('link.influence')).toBe('Bo is not a center of influence (Edit to give them the role).');
    expect(app.check('link.partner')).toBe('Bo is not a host-beneficiary partner (Edit to give them the role).');
    expect(appWith({ selected: { ...bo, roles: ['centerOfInfluence'] } }).app.check('link.influence')).toBe(true);
  });

  it('thanks the oldest referral not yet thanked, and says when none waits', () => {
    const ann = contact('ann', { name: 'Ann' });
    const ties = [referral('new', 'ann', 'x', 300), referral('thanked', 'ann', 'y', 100, 150), referral('old', 'ann', 'z', 200), referral('other', 'bo', 'x', 50)];
    const { app, opened } = appWith({ selected: ann, ties });
    app.run('referral.thank');
    expect(opened).toEqual([{ id: 'referral.thank', props: { tieId: 'old' } }]);
    expect(appWith({ selected: ann, ties: ties.slice(1, 2) }).app.check('referral.thank')).toBe('Ann has no referral waiting for thanks.');
  });

  it('toggles panels and views, and steps the zoom', () => {
    const { app, state } = appWith({});
    app.run('view.today');
    expect(state.panel).toBe('today');
    app.run('view.thanks');
    expect(state.panel).toBe('thanks');
    app.run('view.thanks');
    expect(state.panel).toBeNull();
    app.run('view.network');
    expect(state.view).toBe('network');
    app.run('view.list');
    expect(state.view).toBe('list');
    app.run('view.list');
    expect(state.view).toBe('sphere');
    app.run('view.zoomIn');
    app.run('view.zoomOut');
    expect(state.zooms[0]! * state.zooms[1]!).toBeCloseTo(1);
    app.run('view.fit');
    expect(state.fits).toBe(1);
  });

  it('undoes through the history and says what, or why it could not', async () => {
    const { app, said } = appWith({});
    // The edit is written; the history holds how to take it back.
    let written = true;
    app.history.record({ label: 'log call', undo: async () => void (written = false), redo: async () => void (written = true) });
    await commandById('edit.undo').run(app);
    expect(written).toBe(false);
    await commandById('edit.redo').run(app);
    expect(written).toBe(true);
    app.history.record({ label: 'add Ann', undo: () => Promise.reject(new Error('the disk is full')), redo: async () => {} });
    await commandById('edit.undo').run(app);
    expect(said).toEqual(['Undid log call', 'Redid log call', 'Could not undo: the disk is full']);
    expect(app.history.nextUndoLabel).toBe('add Ann');
  });

  it('says so when a command fails, instead of failing silently in a key handler', async () => {
    const { app, said } = appWith({});
    app.openDialog = () => { throw new Error('no window'); };
    app.run('contact.add');
    await vi.waitFor(() => expect(said).toEqual(['Could not add a contact: no window']));
  });
});

describe('corrections and the sample', () => {
  const ann = contact('ann', { name: 'Ann' });
  const touch = (id: string, at: number, kind: TouchDoc['kind'] = 'call'): TouchDoc => ({ id, contactId: 'ann', kind, direction: 'outbound', at, createdAt: at, updatedBy: 'test' });
  const deal = (id: string, at: number): DealDoc => ({ id, contactId: 'ann', amount: 100, currency: 'USD', at, createdAt: at, updatedAt: at, updatedBy: 'test' });

  it('opens the selected contact\'s latest touch, deal or tie for editing, a move between rings never', () => {
    const { app, opened } = appWith({
      selected: ann,
      touches: [touch('old', 1), touch('latest', 5), touch('move', 9, 'stageChange')],
      deals: [deal('d-old', 1), deal('d-new', 7)],
      ties: [referral('r1', 'x', 'ann', 3), referral('r2', 'ann', 'y', 4)],
    });
    app.run('touch.edit');
    app.run('deal.edit');
    app.run('tie.edit');
    expect(opened).toEqual([
      { id: 'touch.edit', props: { touchId: 'latest' } },
      { id: 'deal.edit', props: { dealId: 'd-new' } },
      { id: 'tie.edit', props: { tieId: 'r2' } },
    ]);
    const bare = appWith({ selected: ann, touches: [touch('move', 9, 'stageChange')] }).app;
    expect(bare.check('touch.edit')).toBe('Ann has no touch to edit yet.');
    expect(bare.check('deal.edit')).toBe('Ann has no deal to edit yet.');
    expect(bare.check('tie.edit')).toBe('Ann has no referral or link to edit.');
  });

  it('says why a second sample load would do nothing, and offers removal only when there are sample people', () => {
    const mine = appWith({ contacts: [ann] }).app;
    expect(mine.check('sample.load')).toBe(true);
    expect(mine.check('sample.remove')).toBe('There are no sample people in this sphere.');
    const both = appWith({ contacts: [ann, contact('sample-c-000001'), contact('sample-c-000002')] }).app;
    expect(both.check('sample.load')).toBe('The sample people are already here (2 of them). Remove sample people first to load them afresh.');
    expect(both.check('sample.remove')).toBe(true);
  });
});
