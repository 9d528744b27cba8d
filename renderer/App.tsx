// Process: renderer. The app's chrome: header, graph, panels and dialogs. React holds UI state only;
// documents come from live RxDB queries, the graph model is built outside React.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppApiClient, StoreProblem as Problem } from '../shared/app-api.ts';
import { CATEGORY_LABELS, RING_LABELS, type TieKind } from '../shared/domain/sphere.ts';
import type { DropTarget } from '../shared/graph/sphere-layout.ts';
import type { SphereDatabase } from '../shared/schemas/index.ts';
import { addContact } from './commands/contact-edits.ts';
import { EditHistory } from './commands/history.ts';
import { moveContact } from './commands/move-contact.ts';
import { ContactForm } from './components/ContactForm.tsx';
import { DetailPanel } from './components/DetailPanel.tsx';
import { Legend } from './components/Legend.tsx';
import { loadSampleSphere, type Progress } from './components/sample-loader.ts';
import { StoreProblem } from './components/StoreProblem.tsx';
import { buildSphereModel } from './graph/sphere-model.ts';
import { SphereGraph } from './graph/SphereGraph.tsx';
import { useSphereDocs } from './hooks/useSphereDocs.ts';

type Props = { db: SphereDatabase; api: AppApiClient; host: 'electron' | 'browser' };

const ACTOR = 'local';

export function App({ db, api, host }: Props) {
  const { docs, loaded } = useSphereDocs(db);
  const [history] = useState(() => new EditHistory());
  const [, setHistoryVersion] = useState(0);
  const [adding, setAdding] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const [fitSignal, setFitSignal] = useState(0);
  const [visibleTies, setVisibleTies] = useState<Record<TieKind, boolean>>({ referral: true, influence: true, partner: true, personal: false });

  // Trust decays with time; the clock ticks slowly so the graph does not churn.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 10 * 60_000);
    return () => clearInterval(timer);
  }, []);
  const model = useMemo(() => buildSphereModel(docs, now), [docs, now]);
  const ctx = useMemo(() => ({ db, actor: ACTOR }), [db]);

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

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (!mod || inField) return;
      if (e.key.toLowerCase() === 'z' && !e.shiftKey) { e.preventDefault(); void undo(); }
      else if ((e.key.toLowerCase() === 'z' && e.shiftKey) || e.key.toLowerCase() === 'y') { e.preventDefault(); void redo(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const onDrop = useCallback(async (id: string, target: DropTarget) => {
    if ('outside' in target) {
      say(target.outside === 'centre' ? 'That is you in the centre: the contact stays where it was.' : 'Dropped outside the sphere: nothing changed.');
      return;
    }
    try {
      const step = await moveContact(ctx, id, target);
      if (!step) return;
      history.record(step);
      say(`${step.label[0]!.toUpperCase()}${step.label.slice(1)} (Ctrl+Z to undo)`);
    } catch (err) {
      say(`Could not move: ${(err as Error).message}`);
    }
  }, [ctx, history, say]);

  const saveContact = useCallback(async (fields: Parameters<typeof addContact>[1]) => {
    const { contact, step } = await addContact(ctx, fields);
    history.record(step);
    setSelectedId(contact.id);
    say(`Added ${contact.name} to ${CATEGORY_LABELS[contact.category]}, ${RING_LABELS[contact.ring]}.`);
  }, [ctx, history, say]);

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

  return (
    <div className="app">
      <header className="topbar">
        <h1>Sphere</h1>
        <p className="counts" data-testid="counts">
          {docs.contacts.length} contacts · {docs.ties.length} ties{host === 'browser' ? ' · browser host' : ''}
        </p>
        <div className="spacer" />
        <button type="button" onClick={() => setFitSignal((n) => n + 1)} title="Show the whole sphere">Fit</button>
        <button type="button" onClick={() => void undo()} disabled={!history.canUndo} title={history.nextUndoLabel ? `Undo ${history.nextUndoLabel} (Ctrl+Z)` : 'Nothing to undo'}>Undo</button>
        <button type="button" onClick={() => void redo()} disabled={!history.canRedo} title={history.nextRedoLabel ? `Redo ${history.nextRedoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}>Redo</button>
        <button type="button" onClick={() => void loadSample()} disabled={progress !== null} data-testid="load-sample">Load sample sphere</button>
        <button type="button" className="primary" onClick={() => setAdding(true)} data-testid="add-contact">Add contact</button>
      </header>
      {problem ? <StoreProblem problem={problem} api={api} onDismiss={() => setProblem(null)} /> : null}
      <main className="stage">
        <SphereGraph model={model} selectedId={selectedId} fitSignal={fitSignal} visibleTies={visibleTies} onSelect={setSelectedId} onDrop={onDrop} />
        {empty && !progress ? (
          <section className="empty" data-testid="empty-state" aria-labelledby="empty-title">
            <h2 id="empty-title">Your sphere is empty</h2>
            <p>Start with the people you already know: family, friends, the people you do business with, the ones you met once, and those who serve you.</p>
            <div className="actions">
              <button type="button" className="primary" onClick={() => setAdding(true)}>Add a contact</button>
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
        <Legend visibleTies={visibleTies} onToggle={(kind) => setVisibleTies((v) => ({ ...v, [kind]: !v[kind] }))} />
        {selected ? (
          <DetailPanel
            contact={selected}
            score={model.scores.get(selected.id)}
            touches={docs.touches.filter((t) => t.contactId === selected.id)}
            referralsOut={docs.ties.filter((t) => t.kind === 'referral' && t.from === selected.id).length}
            referralsIn={docs.ties.filter((t) => t.kind === 'referral' && t.to === selected.id).length}
            onClose={() => setSelectedId(null)}
          />
        ) : null}
      </main>
      {adding ? <ContactForm onSave={saveContact} onClose={() => setAdding(false)} /> : null}
      <div className="toast" role="status" aria-live="polite" data-testid="toast">{toast}</div>
    </div>
  );
}

