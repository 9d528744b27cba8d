// Process: renderer. The app's chrome: header, graph, panels and dialogs. React holds UI state only;
// documents come from live RxDB queries, the graph model is built outside React.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppApiClient, StoreProblem as Problem } from '../shared/app-api.ts';
import type { TieKind } from '../shared/domain/sphere.ts';
import type { DropTarget } from '../shared/graph/sphere-layout.ts';
import type { SphereDatabase } from '../shared/schemas/index.ts';
import type { SphereDocs } from '../shared/graph/sphere-model.ts';
import { EditHistory, type Reversible } from './commands/history.ts';
import { moveContact } from './commands/move-contact.ts';
import { logTouch } from './commands/relationship-edits.ts';
import { COMMANDS, commandForKey, type CommandId } from './commands/registry.ts';
import { ActiveDialog, type DialogState } from './components/ActiveDialog.tsx';
import { DetailPanel } from './components/DetailPanel.tsx';
import { dueContacts, TodayPanel } from './components/TodayPanel.tsx';
import { referralsToThank, ThanksPanel } from './components/ThanksPanel.tsx';
import { stageFromHistory } from '../shared/domain/life-cycle.ts';
import { Legend } from './components/Legend.tsx';
import { loadSampleSphere, type Progress } from './components/sample-loader.ts';
import { StoreProblem } from './components/StoreProblem.tsx';
import { createModelBuilder } from '../shared/graph/sphere-model.ts';
import { SphereGraph, type OpeningPicture } from './graph/SphereGraph.tsx';
import type { OpeningPictureRequest } from './graph/opening-picture.ts';
import { useSphereDocs } from './hooks/useSphereDocs.ts';
import { markStartup } from './perf/startup-marks.ts';
import { useSettings } from './hooks/useSettings.ts';
import { SearchBox } from './components/SearchBox.tsx';
import { FilterPanel } from './components/FilterPanel.tsx';
import { ListView } from './components/ListView.tsx';
import { activeFilterCount, hiddenContacts, NO_FILTER, type ContactFilter } from './graph/contact-filter.ts';
import type { ColourMode } from '../shared/graph/sphere-colours.ts';
import type { NetworkPositions } from './graph/network-layout.ts';
import { layoutNetwork } from './graph/network-layout-client.ts';
import type { LifeCycleSettings } from '../shared/domain/life-cycle.ts';

type Props = { db: SphereDatabase; api: AppApiClient; host: 'electron' | 'browser'; opening: OpeningPictureRequest };

const ACTOR = 'local';

export function App({ db, api, host, opening }: Props) {
  const { docs, loaded, changedAt } = useSphereDocs(db, opening.settled);
  const settings = useSettings(db);
  // Steps hold the database they were made on; after the host comes back the window has a new one, on which
  // they could not be undone, so the history starts again with it.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new history for each database, on purpose
  const history = useMemo(() => new EditHistory(), [db]);
  const [, setHistoryVersion] = useState(0);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [panel, setPanel] = useState<'today' | 'thanks' | 'filters' | null>(null);
  const [filter, setFilter] = useState<ContactFilter>(NO_FILTER);
  const [colourBy, setColourBy] = useState<ColourMode>('category');
  const [view, setView] = useState<'sphere' | 'network' | 'list'>('sphere');
  const [network, setNetwork] = useState<NetworkPositions | null>(null);
  const [layingOut, setLayingOut] = useState(false);
  const [focus, setFocus] = useState<{ id: string; depth: 1 | 2 } | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const [fitSignal, setFitSignal] = useState(0);
  const [zoomSignal, setZoomSignal] = useState<{ factor: number; n: number } | null>(null);
  const [centreOn, setCentreOn] = useState<{ id: string; n: number } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [visibleTies, setVisibleTies] = useState<Record<TieKind, boolean>>({ referral: true, influence: true, partner: true, personal: false });

  // Trust decays with time; the clock ticks slowly so the graph does not churn.
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 10 * 60_000);
    return () => clearInterval(timer);
  }, []);
  const now = Math.max(tick, changedAt);
  // One builder for the window's life: after an edit it re-scores only the contacts the edit touched.
  const [modelBuilder] = useState(createModelBuilder);
  const model = useMemo(() => {
    const built = modelBuilder.build(docs, now, { weights: settings.trustWeights, cadence: settings.cadence });
    if (loaded) markStartup('model-built');
    return built;
  }, [modelBuilder, docs, now, settings, loaded]);
  const ctx = useMemo(() => ({ db, actor: ACTOR, lifeCycle: settings.lifeCycle }), [db, settings]);

  // The host's picture of the sphere, shown while the documents are on their way.
  const [picture, setPicture] = useState<OpeningPicture | null>(null);
  useEffect(() => {
    let live = true;
    void opening.picture.then((p) => {
      if (live) setPicture(p);
    });
    return () => {
      live = false;
    };
  }, [opening]);

  useEffect(() => history.subscribe(() => setHistoryVersion((v) => v + 1)), [history]);
  useEffect(() => {
    api.call('store.status').then((s) => setProblem(s.problem), (err: Error) => setToast(`Could not ask the host about the store: ${err.message}`));
    return api.on('store.replaced', () => window.location.reload());
  }, [api]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 4000);
    return () => clearTimeout(timer);
  }, [toast]);

  const say = useCallback((text: string) => setToast(text), []);
  const runStep = useCallback(async (action: () => Promise<string | undefined>, verb: string) => {
    try {
      const label = await action();
      if (label) say(`${verb} ${label}`);
    } catch (err) {
      say(`Could not ${verb.toLowerCase()}: ${(err as Error).message}`);
    }
  }, [say]);

  const undo = useCallback(() => runStep(() => history.undo(), 'Undid'), [history, runStep]);
  const redo = useCallback(() => runStep(() => history.redo(), 'Redid'), [history, runStep]);

  const onDrop = useCallback(async (id: string, target: DropTarget) => {
    if ('outside' in target) {
      say(target.outside === 'centre' ? 'That is you in the centre: the contact stays where it was.' : 'Dropped outside the sphere: nothing changed.');
      return;
    }
    try {
      const step = await history.perform(() => moveContact(ctx, id, target));
      if (step) say(`${step.label[0]!.toUpperCase()}${step.label.slice(1)} (Ctrl+Z to undo)`);
    } catch (err) {
      say(`Could not move: ${(err as Error).message}`);
    }
  }, [ctx, history, say]);

  /** Every edit goes through here: in turn with undo and redo, recorded, and told to the user. Failures propagate so a dialog can stay open and say why. */
  const perform = useCallback(async (edit: () => Promise<Reversible | null>, message?: string) => {
    const step = await history.perform(edit);
    say(step ? (message ?? `Done: ${step.label}. (Ctrl+Z to undo)`) : 'Nothing changed.');
  }, [history, say]);

  const loadSample = useCallback(async () => {
    if (docs.contacts.length > 0 && !window.confirm('Add the sample sphere to the contacts you already have?')) return;
    try {
      await loadSampleSphere(db, setProgress);
      setFitSignal((n) => n + 1);
      say('Sample sphere loaded. Drag anyone to another ring to see the central gesture.');
    } catch (err) {
      say(`The sample could not be loaded: ${(err as Error).message}`);
    } finally {
      setProgress(null);
    }
  }, [db, docs.contacts.length, say]);

  const selected = selectedId ? docs.contacts.find((c) => c.id === selectedId) : undefined;
  const empty = loaded && docs.contacts.length === 0;
  const due = useMemo(() => dueContacts(docs.contacts, docs.touches, now, settings.cadence), [docs.contacts, docs.touches, now, settings.cadence]);
  const toThank = useMemo(() => referralsToThank(docs.ties), [docs.ties]);
  const byId = useMemo(() => new Map(docs.contacts.map((c) => [c.id, c])), [docs.contacts]);
  const hiddenIds = useMemo(() => hiddenContacts(docs.contacts, filter, new Set(due.map((d) => d.contact.id))), [docs.contacts, filter, due]);

  // Churn comes with time, not with an edit: bring stored stages up to date once the documents are in.
  const stagesChecked = useRef(false);
  useEffect(() => {
    if (!loaded || stagesChecked.current) return;
    stagesChecked.current = true;
    void refreshAllStages(db, docs, now, settings.lifeCycle);
  }, [loaded, db, docs, now, settings.lifeCycle]);

  // The network view's positions come from a worker; recomputed when people or ties are added or removed.
  const networkKey = view === 'network' ? `${docs.contacts.length}:${docs.ties.length}` : null;
  useEffect(() => {
    if (!networkKey) return;
    let cancelled = false;
    const nodes = [...model.nodes.values()].map((n) => ({ id: n.data.id, size: n.data.size }));
    const edges = [...model.edges.values()].map((e) => ({ id: e.data.id, source: e.data.source, target: e.data.target }));
    const started = setTimeout(() => setLayingOut(true), 0);
    layoutNetwork({ nodes, edges })
      .then((positions) => { if (!cancelled) setNetwork(positions); })
      .catch((err: Error) => { if (!cancelled) say(`The network view could not be laid out: ${err.message}`); })
      .finally(() => { clearTimeout(started); if (!cancelled) setLayingOut(false); });
    return () => { cancelled = true; };
    // The model is read at the moment the key changes; node sizes alone do not warrant a new layout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [networkKey]);

  const runCommand = useCallback((id: CommandId) => {
    const spec = COMMANDS.find((c) => c.id === id);
    if (spec?.needsSelection && !selectedId) return say('Select a contact first (click one in the sphere).');
    const contactId = selectedId ?? '';
    switch (id) {
      case 'palette.open': return setDialog({ kind: 'palette' });
      case 'contact.add': return setDialog({ kind: 'add' });
      case 'contact.edit': return setDialog({ kind: 'edit', contactId });
      case 'contact.delete': return setDialog({ kind: 'delete', contactId });
      case 'touch.log': return setDialog({ kind: 'touch', contactId });
      case 'deal.record': return setDialog({ kind: 'deal', contactId });
      case 'referral.record': return setDialog({ kind: 'referral', contactId });
      case 'contact.merge': return setDialog({ kind: 'merge', contactId });
      case 'link.influence': return setDialog({ kind: 'influence', contactId });
      case 'link.partner': return setDialog({ kind: 'partner', contactId });
      case 'view.today': return setPanel((p) => (p === 'today' ? null : 'today'));
      case 'view.thanks': return setPanel((p) => (p === 'thanks' ? null : 'thanks'));
      case 'view.fit': return setFitSignal((n) => n + 1);
      case 'view.zoomIn': return setZoomSignal((z) => ({ factor: 1.4, n: (z?.n ?? 0) + 1 }));
      case 'view.zoomOut': return setZoomSignal((z) => ({ factor: 1 / 1.4, n: (z?.n ?? 0) + 1 }));
      case 'edit.undo': return void undo();
      case 'edit.redo': return void redo();
      case 'sample.load': return void loadSample();
      case 'settings.open': return setDialog({ kind: 'settings' });
      case 'search.focus': return searchRef.current?.focus();
      case 'view.list': return setView((v) => (v === 'list' ? 'sphere' : 'list'));
      case 'view.network': return setView((v) => (v === 'network' ? 'sphere' : 'network'));
      case 'view.filters': return setPanel((p) => (p === 'filters' ? null : 'filters'));
    }
  }, [selectedId, say, undo, redo, loadSample]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      const command = commandForKey(e);
      if (!command) {
        // Escape steps back: out of a focus first, then out of the selection.
        if (e.key === 'Escape' && !dialog) {
          if (focus) setFocus(null);
          else setSelectedId(null);
        }
        return;
      }
      const modified = e.ctrlKey || e.metaKey;
      // Letters are typing inside fields and dialogs; only Ctrl/Cmd shortcuts reach through, and never over an open dialog.
      if (dialog || (inField && !modified)) return;
      e.preventDefault();
      runCommand(command.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runCommand, dialog, focus]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>Sphere</h1>
        <p className="counts" data-testid="counts" title={host === 'browser' ? 'Running in the browser host' : 'Running in the desktop app'}>
          {docs.contacts.length} contacts · {docs.ties.length} ties
        </p>
        <div className="spacer" />
        <SearchBox ref={searchRef} contacts={docs.contacts} onPick={(id) => { setSelectedId(id); setCentreOn((c) => ({ id, n: (c?.n ?? 0) + 1 })); }} />
        <button type="button" onClick={() => void undo()} disabled={!history.canUndo} title={history.nextUndoLabel ? `Undo ${history.nextUndoLabel} (Ctrl+Z)` : 'Nothing to undo'}>Undo</button>
        <button type="button" onClick={() => void loadSample()} disabled={progress !== null} data-testid="load-sample" title="Add a realistic sample sphere to explore">Load sample</button>
        <div className="segmented" role="group" aria-label="View">
          <button type="button" onClick={() => setView('sphere')} aria-pressed={view === 'sphere'} data-testid="view-sphere">Sphere</button>
          <button type="button" onClick={() => setView('network')} aria-pressed={view === 'network'} data-testid="view-network">Network</button>
          <button type="button" onClick={() => setView('list')} aria-pressed={view === 'list'} data-testid="toggle-list">List</button>
        </div>
        <button type="button" onClick={() => runCommand('view.filters')} data-testid="open-filters" aria-pressed={panel === 'filters'}>Filters{activeFilterCount(filter) ? ` (${activeFilterCount(filter)})` : ''}</button>
        <button type="button" onClick={() => runCommand('view.today')} data-testid="open-today" aria-pressed={panel === 'today'}>Today{due.length ? ` (${due.length})` : ''}</button>
        <button type="button" onClick={() => runCommand('view.thanks')} data-testid="open-thanks" aria-pressed={panel === 'thanks'}>To thank{toThank.length ? ` (${toThank.length})` : ''}</button>
        <button type="button" onClick={() => runCommand('settings.open')} data-testid="open-settings" title="Settings (Ctrl+,)">Settings</button>
        <button type="button" onClick={() => runCommand('palette.open')} title="All commands (Ctrl+K)">⌘K</button>
        <button type="button" className="primary" onClick={() => runCommand('contact.add')} data-testid="add-contact">Add contact</button>
      </header>
      {problem ? <StoreProblem problem={problem} api={api} onDismiss={() => setProblem(null)} /> : null}
      <main className="stage">
        <SphereGraph zoomSignal={zoomSignal} network={view === 'network' ? network : null} model={model} selectedId={selectedId} fitSignal={fitSignal} centreOn={centreOn} colourBy={colourBy} hiddenIds={hiddenIds} focus={focus}
          onFocus={(id, depth) => { setSelectedId(id); setFocus({ id, depth }); say('Showing their neighbours. Escape returns to the whole sphere.'); }} dimOverdue={settings.dimOverdue} visibleTies={visibleTies} onSelect={setSelectedId} onDrop={onDrop} picture={loaded ? null : picture} onPicturePainted={opening.painted} />
        {layingOut ? <div className="progress" role="status" data-testid="network-progress"><p>Laying out the network of {docs.contacts.length.toLocaleString()} contacts…</p></div> : null}
        {view === 'list' ? <ListView contacts={docs.contacts} model={model} hiddenIds={hiddenIds} selectedId={selectedId} onSelect={setSelectedId} /> : null}
        {empty && !progress && view === 'sphere' ? (
          <section className="empty" data-testid="empty-state" aria-labelledby="empty-title">
            <h2 id="empty-title">Your sphere is empty</h2>
            <p>Start with the people you already know: family, friends, the people you do business with, the ones you met once, and those who serve you.</p>
            <div className="actions">
              <button type="button" className="primary" onClick={() => runCommand('contact.add')}>Add a contact</button>
              <button type="button" onClick={() => void loadSample()}>Load a sample sphere</button>
            </div>
          </section>
        ) : null}
        {progress ? (
          <div className="progress" role="status" data-testid="sample-progress">
            <p>Loading the sample sphere… {progress.done.toLocaleString()} of {progress.total.toLocaleString()}</p>
            <progress max={progress.total} value={progress.done} />
          </div>
        ) : null}
        <Legend visibleTies={visibleTies} onToggle={(kind) => setVisibleTies((v) => ({ ...v, [kind]: !v[kind] }))} colourBy={colourBy} onColourBy={setColourBy} />
        {selected ? (
          <DetailPanel
            contact={selected}
            score={model.scores.get(selected.id)}
            touches={docs.touches.filter((t) => t.contactId === selected.id)}
            referralsOut={docs.ties.filter((t) => t.kind === 'referral' && t.from === selected.id).length}
            referralsIn={docs.ties.filter((t) => t.kind === 'referral' && t.to === selected.id).length}
            lifetimeValue={docs.deals.filter((d) => d.contactId === selected.id).reduce((sum, d) => sum + d.amount, 0)}
            sharedCustomers={docs.ties.filter((t) => t.kind === 'partner' && t.from === selected.id).length}
            influences={docs.ties.filter((t) => t.kind === 'influence' && t.from === selected.id).length}
            referralsGiven={docs.ties.filter((t) => t.kind === 'referral' && t.from === selected.id).map((t) => ({ tie: t, name: byId.get(t.to)?.name ?? 'someone' }))}
            onCommand={runCommand}
            onThank={(tieId) => setDialog({ kind: 'thank', tieId })}
            onClose={() => setSelectedId(null)}
          />
        ) : null}
        {panel === 'today' ? (
          <TodayPanel due={due} onOpen={setSelectedId} onClose={() => setPanel(null)}
            onLog={async (contactId, kind) => {
              try { await perform(() => logTouch(ctx, { contactId, kind, direction: 'outbound' })); } catch (err) { say(`Not logged: ${(err as Error).message}`); }
            }} />
        ) : null}
        {panel === 'filters' ? <FilterPanel filter={filter} onChange={setFilter} shown={docs.contacts.length - (hiddenIds?.size ?? 0)} total={docs.contacts.length} onClose={() => setPanel(null)} /> : null}
        {panel === 'thanks' ? <ThanksPanel pending={toThank} names={byId} onThank={(tieId) => setDialog({ kind: 'thank', tieId })} onClose={() => setPanel(null)} /> : null}
      </main>
      {dialog ? (
        <ActiveDialog state={dialog} db={db} actor={ACTOR} docs={docs} settings={settings} hasSelection={!!selected} perform={perform} select={setSelectedId} runCommand={runCommand} onClose={() => setDialog(null)} />
      ) : null}
      <div className="toast" role="status" aria-live="polite" data-testid="toast">{toast}</div>
    </div>
  );
}


/**
 * One bulk write for every stage that moved: patching contacts one by one would
 * rebuild the whole graph once per contact (thousands of times on a big sphere).
 */
async function refreshAllStages(db: SphereDatabase, docs: SphereDocs, now: number, lifeCycle: LifeCycleSettings): Promise<void> {
  const deals = new Map<string, { count: number; last: number }>();
  for (const d of docs.deals) {
    const e = deals.get(d.contactId) ?? { count: 0, last: 0 };
    deals.set(d.contactId, { count: e.count + 1, last: Math.max(e.last, d.at) });
  }
  const touched = new Map<string, number>();
  for (const t of docs.touches) if (t.kind !== 'stageChange') touched.set(t.contactId, Math.max(touched.get(t.contactId) ?? 0, t.at));
  const moved = docs.contacts.flatMap((c) => {
    if (c.stageByHand) return [];
    const d = deals.get(c.id);
    const stage = stageFromHistory({ dealCount: d?.count ?? 0, lastDealAt: d?.last, lastTouchAt: touched.get(c.id) }, now, lifeCycle);
    if (stage === c.stage) return [];
    // The live documents carry RxDB's bookkeeping (_rev, _meta…); a write takes only the contact's own fields.
    const plain = Object.fromEntries(Object.entries(c).filter(([key]) => !key.startsWith('_'))) as typeof c;
    return [{ ...plain, stage }];
  });
  if (moved.length > 0) await db.contacts.bulkUpsert(moved);
}
