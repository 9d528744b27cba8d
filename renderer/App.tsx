// Process: renderer. The app's chrome: header, graph, panels and dialogs. React holds UI state only;
// documents come from live RxDB queries, the graph model is built outside React.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppApiClient, StoreProblem as Problem, StoreStatus } from '../shared/app-api.ts';
import type { TieKind } from '../shared/domain/sphere.ts';
import type { DropTarget } from '../shared/graph/sphere-layout.ts';
import type { SphereDatabase } from '../shared/schemas/index.ts';
import { EditHistory, type Reversible } from './commands/history.ts';
import { moveContact } from './commands/move-contact.ts';
import { keptHistory } from './commands/host-step.ts';
import { logTouch } from './commands/relationship-edits.ts';
import { checkCommand, commandById, commandForKey, runCommand } from './commands/registry.ts';
import { shownKeys, typingInto } from './commands/keyboard-target.ts';
import type { CommandContext, Panel, View } from './commands/command.ts';
import type { ThankProps } from './commands/list/referral-thank.tsx';
import { deleteRecord, editRecord } from './commands/record-actions.ts';
import { commandHint, commandSpec, isCommandId, type CommandId } from '../shared/command-specs.ts';
import { ActiveDialog, type OpenDialog } from './components/ActiveDialog.tsx';
import { DetailPanel } from './components/DetailPanel.tsx';
import { ContactHistory } from './components/ContactHistory.tsx';
import { TodayPanel } from './components/TodayPanel.tsx';
import { todayList, upcomingOccasions } from '../shared/domain/today-list.ts';
import { localToday } from '../shared/domain/local-date.ts';
import { snoozeContact } from './commands/today-edits.ts';
import { referralsToThank, ThanksPanel } from './components/ThanksPanel.tsx';
import { lifetimeValue } from '../shared/domain/life-cycle.ts';
import { baseCurrency, inReadingOrder } from '../shared/domain/money.ts';
import { Legend } from './components/Legend.tsx';
import { StoreNotices, StoreProblem } from './components/StoreProblem.tsx';
import { createModelBuilder } from '../shared/graph/sphere-model.ts';
import { SphereGraph, type OpeningPicture } from './graph/SphereGraph.tsx';
import type { OpeningPictureRequest } from './graph/opening-picture.ts';
import { useSphereDocs } from './hooks/useSphereDocs.ts';
import { markStartup } from './perf/startup-marks.ts';
import { useSettings } from './hooks/useSettings.ts';
import { useSyncStatus } from './hooks/useSyncStatus.ts';
import { SyncIndicator } from './components/SyncIndicator.tsx';
import { ExportMenu } from './components/ExportMenu.tsx';
import { SearchBox } from './components/SearchBox.tsx';
import { FilterPanel } from './components/FilterPanel.tsx';
import { ListView } from './components/ListView.tsx';
import { activeFilterCount, hiddenContacts, NO_FILTER, type ContactFilter } from './graph/contact-filter.ts';
import type { ColourMode } from '../shared/graph/sphere-colours.ts';
import type { NetworkPositions } from './graph/network-layout.ts';
import { layoutNetwork } from './graph/network-layout-client.ts';
import { referralValues } from '../shared/domain/life-cycle.ts';
import type { CustomerStage } from '../shared/domain/sphere.ts';
import { InsightsPanel } from './components/insights/InsightsPanel.tsx';
import { buildTimeline, pastDocs } from '../shared/insights/timeline.ts';
import { lastYear } from '../shared/insights/insight-input.ts';
import { influenceParts } from '../shared/insights/influence.ts';
import { influenceFills } from '../shared/graph/sphere-colours.ts';
import { takeRestoreNotice } from './commands/restore-notice.ts';
import { count } from '../shared/domain/counting.ts';
import { isSampleId } from '../shared/commands/sample-command.ts';

type Props = { db: SphereDatabase; api: AppApiClient; host: 'electron' | 'browser'; opening: OpeningPictureRequest };

export function App({ db, api, host, opening }: Props) {
  const { docs, loaded, changedAt } = useSphereDocs(db, opening.settled);
  const settings = useSettings(db);
  // A new history for each database; the host keeps the steps in its journal, so it starts with them again.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new history for each database, on purpose
  const history = useMemo(() => new EditHistory(), [db]);
  useEffect(() => {
    keptHistory({ api }).then(({ undo, redo }) => history.seed(undo, redo), () => undefined);
  }, [api, history]);
  const [, setHistoryVersion] = useState(0);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [filter, setFilter] = useState<ContactFilter>(NO_FILTER);
  const [colourBy, setColourBy] = useState<ColourMode>('category');
  const [view, setView] = useState<View>('sphere');
  const [network, setNetwork] = useState<NetworkPositions | null>(null);
  const [layingOut, setLayingOut] = useState(false);
  const [focus, setFocus] = useState<{ id: string; depth: 1 | 2 } | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [loadingSample, setLoadingSample] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [storeStatus, setStoreStatus] = useState<StoreStatus | null>(null);
  // A restore reloads the window; what it restored is said once the new page is up.
  const [toast, setToast] = useState<string | null>(takeRestoreNotice);
  const [fitSignal, setFitSignal] = useState(0);
  const [zoomSignal, setZoomSignal] = useState<{ factor: number; n: number } | null>(null);
  const [centreOn, setCentreOn] = useState<{ id: string; n: number } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  /** People an insight pointed at (the top 20%, a matrix cell, a stage): everyone else is hidden until cleared. */
  const [spotlight, setSpotlight] = useState<{ label: string; ids: Set<string> } | null>(null);
  /** The day the timeline replay shows, or null for today. */
  const [replayAt, setReplayAt] = useState<number | null>(null);
  const [influence, setInfluence] = useState<Map<string, number> | null>(null);
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
    const built = modelBuilder.build(docs, now, { weights: settings.trustWeights, cadence: settings.cadence, lifeCycle: settings.lifeCycle });
    if (loaded) markStartup('model-built');
    return built;
  }, [modelBuilder, docs, now, settings, loaded]);
  // The timeline is rebuilt only while Insights is open; a replayed day gets its own model builder, so going back
  // to today finds the live model's scores as they were.
  const timeline = useMemo(() => (panel === 'insights' ? buildTimeline(docs, now) : null), [panel, docs, now]);
  const [replayBuilder] = useState(createModelBuilder);
  // Closing Insights (by any command) ends the replay: today's sphere comes back.
  const shownDay = panel === 'insights' ? replayAt : null;
  const replay = useMemo(() => {
    if (shownDay === null || !timeline) return null;
    const past = timeline.at(shownDay);
    const pastModel = replayBuilder.build(pastDocs(docs, past), shownDay, { weights: settings.trustWeights, cadence: settings.cadence, lifeCycle: settings.lifeCycle });
    return { model: pastModel, uncertain: new Set(past.contacts.filter((c) => !c.ringKnown).map((c) => c.id)) };
  }, [shownDay, timeline, replayBuilder, docs, settings]);
  const fills = useMemo(() => (influence ? influenceFills(influence) : null), [influence]);
  // Edits are asked of the host, which runs each in one transaction in the name of this device.
  const ctx = useMemo(() => ({ api }), [api]);

  // The host's opening picture of the sphere, shown while the documents are on their way.
  const [openingPicture, setOpeningPicture] = useState<OpeningPicture | null>(null);
  useEffect(() => {
    let live = true;
    void opening.picture.then((p) => {
      if (live) setOpeningPicture(p);
    });
    return () => {
      live = false;
    };
  }, [opening]);

  useEffect(() => history.subscribe(() => setHistoryVersion((v) => v + 1)), [history]);
  useEffect(() => {
    api.call('store.status').then((s) => { setProblem(s.problem); setStoreStatus(s); }, (err: Error) => setToast(`Could not ask the host about the store: ${err.message}`));
    return api.on('store.replaced', () => window.location.reload());
  }, [api]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 4000);
    return () => clearTimeout(timer);
  }, [toast]);

  const say = useCallback((text: string) => setToast(text), []);

  const onDrop = useCallback(async (id: string, target: DropTarget): Promise<boolean> => {
    if ('outside' in target) {
      say(target.outside === 'centre' ? 'That is you in the centre: the contact stays where it was.' : 'Dropped outside the sphere: nothing changed.');
      return false;
    }
    try {
      const step = await history.perform(() => moveContact(ctx, id, target));
      if (step) say(`${step.label[0]!.toUpperCase()}${step.label.slice(1)} (Ctrl+Z to undo)`);
      return step !== null;
    } catch (err) {
      say(`Could not move: ${(err as Error).message}`);
      return false;
    }
  }, [ctx, history, say]);

  /** Every edit goes through here: in turn with undo and redo, recorded, and told to the user. Failures propagate so a dialog can stay open and say why. */
  const perform = useCallback(async (edit: () => Promise<Reversible | null>, message?: string) => {
    const step = await history.perform(edit);
    say(step ? (message ?? `Done: ${step.label}. (Ctrl+Z to undo)`) : 'Nothing changed.');
  }, [history, say]);

  const selected = selectedId ? docs.contacts.find((c) => c.id === selectedId) : undefined;
  const empty = loaded && docs.contacts.length === 0;
  const hasSample = useMemo(() => docs.contacts.some((c) => isSampleId(c.id)), [docs.contacts]);
  const today = localToday(now);
  const todayLists = useMemo(() => todayList(docs.contacts, docs.touches, now, settings.cadence, today), [docs.contacts, docs.touches, now, settings.cadence, today]);
  const due = useMemo(() => todayLists.sections.flatMap((s) => s.entries), [todayLists]);
  const occasions = useMemo(() => upcomingOccasions(docs.contacts, docs.deals, today, 14), [docs.contacts, docs.deals, today]);
  const toThank = useMemo(() => referralsToThank(docs.ties), [docs.ties]);
  const byId = useMemo(() => new Map(docs.contacts.map((c) => [c.id, c])), [docs.contacts]);
  const stageOf = useCallback((id: string): CustomerStage => model.nodes.get(id)?.data.stage ?? 'prospect', [model]);
  const hiddenIds = useMemo(() => {
    const filtered = hiddenContacts(docs.contacts, filter, new Set(due.map((d) => d.contact.id)), stageOf);
    if (!spotlight) return filtered;
    const hidden = new Set(filtered);
    for (const c of docs.contacts) if (!spotlight.ids.has(c.id)) hidden.add(c.id);
    return hidden;
  }, [docs.contacts, filter, due, stageOf, spotlight]);
  const referralWorth = useMemo(() => referralValues(docs.deals), [docs.deals]);

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

  // Everything a command may use or change, and nothing else: command modules never reach into this component.
  const app = useMemo<CommandContext>(() => {
    const context: CommandContext = {
      edit: ctx, docs, settings, selected, history, panel, view, stageOf, loadingSample,
      perform, say, select: setSelectedId, setPanel, setView,
      fit: () => setFitSignal((n) => n + 1),
      zoom: (factor) => setZoomSignal((z) => ({ factor, n: (z?.n ?? 0) + 1 })),
      focusSearch: () => searchRef.current?.focus(),
      setLoadingSample,
      colourBy, setColourBy, visibleTies,
      toggleTies: (kind) => setVisibleTies((v) => ({ ...v, [kind]: !v[kind] })),
      openDialog(id, props) {
        if (!commandById(id).dialog) throw new Error(`command ${id} has no dialog`);
        setDialog({ id, props });
      },
      check: (id) => checkCommand(context, id),
      run: (id) => runCommand(context, id),
    };
    return context;
  }, [ctx, docs, settings, selected, history, panel, view, stageOf, loadingSample, perform, say, colourBy, visibleTies]);
  // The keys as this machine's keyboard spells them (Ctrl, or ⌘ on macOS).
  const hint = (id: CommandId) => {
    const spec = commandSpec(id);
    return spec.keys ? `${spec.title} (${shownKeys(spec.keys)})` : commandHint(spec);
  };
  const syncStatus = useSyncStatus(api);

  // The Electron menu sends the id of the command clicked; it runs as a key press would.
  useEffect(() => api.on('command.run', ({ id }) => {
    if (isCommandId(id)) app.run(id);
  }), [api, app]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const inField = typingInto(e.target);
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
      // Letters are typing inside text fields and dialogs; only Ctrl/Cmd shortcuts reach through, and never over an
      // open dialog. Elsewhere (a select, a checkbox, a button) the shortcut wins and the control does not see the key.
      if (dialog || (inField && !modified)) return;
      e.preventDefault();
      app.run(command.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [app, dialog, focus]);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <h1>Sphere</h1>
          <p className="counts" data-testid="counts" title={host === 'browser' ? 'Running in the browser host' : 'Running in the desktop app'}>
            {count(docs.contacts.length, 'contact')} · {count(docs.ties.length, 'tie')}
          </p>
        </div>
        <div className="spacer" />
        <SyncIndicator status={syncStatus} onOpen={() => app.run('sync.open')} />
        <SearchBox ref={searchRef} contacts={docs.contacts} onPick={(id) => { setSelectedId(id); setCentreOn((c) => ({ id, n: (c?.n ?? 0) + 1 })); }} />
        <button type="button" onClick={() => app.run('edit.undo')} disabled={!history.canUndo} title={history.nextUndoLabel ? `Undo ${history.nextUndoLabel} (Ctrl+Z)` : 'Nothing to undo'}>Undo</button>
        {hasSample ? <button type="button" onClick={() => app.run('sample.remove')} data-testid="remove-sample" title="Take the sample people out again; your own contacts stay">Remove sample</button>
          : <button type="button" onClick={() => app.run('sample.load')} disabled={loadingSample} data-testid="load-sample" title="Add a realistic sample sphere to explore">Load sample</button>}
        <div className="segmented" role="group" aria-label="View">
          <button type="button" onClick={() => setView('sphere')} aria-pressed={view === 'sphere'} data-testid="view-sphere" title="The sphere: rings by depth, sectors by category">Sphere</button>
          <button type="button" onClick={() => setView('network')} aria-pressed={view === 'network'} data-testid="view-network" title="The network: people placed by their ties">Network</button>
          <button type="button" onClick={() => setView('list')} aria-pressed={view === 'list'} data-testid="toggle-list" title="Everyone in a table">List</button>
        </div>
        <button type="button" onClick={() => app.run('view.filters')} data-testid="open-filters" title={hint('view.filters')} aria-pressed={panel === 'filters'}>Filters{activeFilterCount(filter) ? ` (${activeFilterCount(filter)})` : ''}</button>
        <button type="button" onClick={() => app.run('view.today')} data-testid="open-today" title={hint('view.today')} aria-pressed={panel === 'today'}>Today{due.length ? ` (${due.length})` : ''}</button>
        <button type="button" onClick={() => app.run('view.thanks')} data-testid="open-thanks" title={hint('view.thanks')} aria-pressed={panel === 'thanks'}>To thank{toThank.length ? ` (${toThank.length})` : ''}</button>
        <ExportMenu app={app} />
        <button type="button" onClick={() => app.run('settings.open')} data-testid="open-settings" title={hint('settings.open')}>Settings</button>
        <button type="button" onClick={() => app.run('palette.open')} title={hint('palette.open')} data-testid="open-palette">{shownKeys('Mod+K')}</button>
        <button type="button" className="primary" onClick={() => app.run('contact.add')} data-testid="add-contact" title={hint('contact.add')}>Add contact</button>
      </header>
      {problem ? <StoreProblem problem={problem} api={api} onDismiss={() => setProblem(null)} /> : null}
      {storeStatus ? <StoreNotices status={storeStatus} /> : null}
      <main className="stage">
        <SphereGraph zoomSignal={zoomSignal} network={view === 'network' ? network : null} model={replay?.model ?? model} fills={fills} uncertainIds={replay?.uncertain ?? null} animateMoves={replay !== null} selectedId={selectedId} fitSignal={fitSignal} centreOn={centreOn} colourBy={colourBy} hiddenIds={hiddenIds} focus={focus}
          onFocus={(id, depth) => { setSelectedId(id); setFocus({ id, depth }); say('Showing their neighbours. Escape returns to the whole sphere.'); }} dimOverdue={settings.dimOverdue} visibleTies={visibleTies} onSelect={setSelectedId} onDrop={onDrop} openingPicture={loaded ? null : openingPicture} onOpeningPicturePainted={opening.painted} />
        {layingOut ? <div className="progress" role="status" data-testid="network-progress"><p>Laying out the network of {count(docs.contacts.length, 'contact', undefined, true)}…</p></div> : null}
        {view === 'list' ? <ListView contacts={docs.contacts} model={model} hiddenIds={hiddenIds} selectedId={selectedId} onSelect={setSelectedId} /> : null}
        {empty && !loadingSample && view === 'sphere' ? (
          <section className="empty" data-testid="empty-state" aria-labelledby="empty-title">
            <h2 id="empty-title">Your sphere is empty</h2>
            <p>Start with the people you already know: family, friends, the people you do business with, the ones you met once, and those who serve you.</p>
            <div className="actions">
              <button type="button" className="primary" onClick={() => app.run('contact.add')}>Add a contact</button>
              <button type="button" onClick={() => app.run('sample.load')}>Load a sample sphere</button>
              <button type="button" onClick={() => app.run('contact.import')} data-testid="empty-import">Import contacts</button>
            </div>
          </section>
        ) : null}
        {loadingSample ? (
          <div className="progress" role="status" data-testid="sample-progress"><p>Loading the sample sphere…</p></div>
        ) : null}
        {view !== 'list' ? <Legend visibleTies={visibleTies} onToggle={(kind) => setVisibleTies((v) => ({ ...v, [kind]: !v[kind] }))} colourBy={colourBy} onColourBy={setColourBy} /> : null}
        {selected ? (
          <DetailPanel
            contact={selected}
            stage={stageOf(selected.id)}
            score={model.scores.get(selected.id)}
            touches={docs.touches.filter((t) => t.contactId === selected.id)}
            deals={docs.deals.filter((d) => d.contactId === selected.id)}
            ties={docs.ties.filter((t) => t.from === selected.id || t.to === selected.id)}
            lifetimeValue={inReadingOrder(lifetimeValue(docs.deals.filter((d) => d.contactId === selected.id)), baseCurrency(settings))}
            nameOf={(id) => byId.get(id)?.name}
            available={(id) => app.check(id) === true}
            onCommand={app.run}
            onThank={(tieId) => app.openDialog('referral.thank', { tieId } satisfies ThankProps)}
            onOpen={(id) => { setSelectedId(id); setCentreOn((c) => ({ id, n: (c?.n ?? 0) + 1 })); }}
            records={{ onEdit: (ref) => editRecord(app, ref), onDelete: (ref) => deleteRecord(app, ref) }}
            onClose={() => setSelectedId(null)}
            loadInfluence={async (id) => {
              const { influence } = await api.call('insights.compute', lastYear(now));
              const found = influence.ranking.find((r) => r.id === id);
              return found ? { ...found, parts: influenceParts(found, influence) } : null;
            }}
            history={<ContactHistory key={selected.id} api={api} contactId={selected.id} changedAt={changedAt} />}
          />
        ) : null}
        {panel === 'today' ? (
          <TodayPanel list={todayLists} occasions={occasions} today={today} cadence={settings.cadence} onOpen={setSelectedId} onClose={() => setPanel(null)}
            onLog={async (contactId, kind) => {
              try { await perform(() => logTouch(ctx, { contactId, kind, direction: 'outbound' })); } catch (err) { say(`Not logged: ${(err as Error).message}`); }
            }}
            onSnooze={async (contactId, until) => {
              try { await perform(() => snoozeContact(ctx, contactId, until), `Snoozed until ${new Date(`${until}T12:00:00`).toLocaleDateString()}. (Ctrl+Z to undo)`); } catch (err) { say(`Not snoozed: ${(err as Error).message}`); }
            }} />
        ) : null}
        {spotlight ? (
          <div className="spotlight" role="status" data-testid="spotlight">
            Showing {spotlight.label} ({spotlight.ids.size.toLocaleString()})
            <button type="button" onClick={() => setSpotlight(null)} data-testid="spotlight-clear">Show everyone</button>
          </div>
        ) : null}
        {panel === 'insights' && timeline ? (
          <InsightsPanel api={api} names={byId} base={baseCurrency(settings)} changedAt={changedAt} now={now} timeline={timeline}
            replayAt={shownDay} onReplay={setReplayAt}
            onSpotlight={(label, ids) => setSpotlight({ label, ids: new Set(ids) })}
            onStage={(stage, label) => setSpotlight({ label: `${label.toLowerCase()} contacts`, ids: new Set(docs.contacts.filter((c) => stageOf(c.id) === stage).map((c) => c.id)) })}
            influenceColouring={influence !== null} onInfluenceColouring={setInfluence}
            onOpen={setSelectedId} onClose={() => { setPanel(null); setReplayAt(null); }} />
        ) : null}
        {panel === 'filters' ? <FilterPanel filter={filter} onChange={setFilter} shown={docs.contacts.length - (hiddenIds?.size ?? 0)} total={docs.contacts.length} onClose={() => setPanel(null)} /> : null}
        {panel === 'thanks' ? <ThanksPanel pending={toThank} names={byId} values={referralWorth} onThank={(tieId) => app.openDialog('referral.thank', { tieId } satisfies ThankProps)} onClose={() => setPanel(null)} /> : null}
      </main>
      {dialog ? (
        <ActiveDialog open={dialog} app={app} onClose={() => setDialog(null)} />
      ) : null}
      <div className="toast" role="status" aria-live="polite" data-testid="toast">{toast}</div>
    </div>
  );
}


