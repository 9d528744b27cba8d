// Process: renderer. Live documents of every collection: a change anywhere (this window, another, a sync) re-renders.
import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';
import type { SphereDatabase } from '../../shared/schemas/index.ts';
import type { SphereDocs } from '../../shared/graph/sphere-model.ts';
import { markStartup } from '../perf/startup-marks.ts';

/**
 * `changedAt` is when the documents last changed: time-based rules (due dates, decay) read it as "now".
 * Nothing is asked for before `gate` resolves (the opening picture is painted by then).
 */
export function useSphereDocs(db: SphereDatabase, gate: Promise<void>): { docs: SphereDocs; loaded: boolean; changedAt: number } {
  const [docs, setDocs] = useState<SphereDocs>({ contacts: [], ties: [], touches: [], deals: [] });
  const [loaded, setLoaded] = useState(false);
  const [changedAt, setChangedAt] = useState(() => Date.now());
  useEffect(() => {
    // The first result of every collection is held back until all four are in, then shown in one render:
    // otherwise a big sphere would be modelled and drawn four times over while it opens.
    const first: Partial<SphereDocs> = {};
    let allIn = false;
    // Changes after the first results wait for the frame in progress to be presented, and arrive together: a drop
    // changes a contact and logs its move (two collections, which were two rebuilds of a 10,000-person model),
    // and the rebuild no longer holds back the frame that shows the contact where it was dropped.
    let later: Partial<SphereDocs> = {};
    let flushing = false;
    const flush = () => {
      if (!flushing) return;
      flushing = false;
      const changed = later;
      later = {};
      setDocs((prev) => ({ ...prev, ...changed }));
      setChangedAt(Date.now());
    };
    // RxDB's own immutable document data, not toJSON() copies: on a big sphere every change would
    // otherwise copy tens of thousands of touches. Nothing here mutates them.
    const watch = <K extends keyof SphereDocs>(name: K, docs$: Observable<{ _data: unknown }[]>) =>
      docs$.subscribe((results) => {
        const data = results.map((d) => d._data) as SphereDocs[K];
        if (allIn) {
          later[name] = data;
          if (!flushing) {
            flushing = true;
            requestAnimationFrame(() => setTimeout(flush));
            // A hidden window draws no frames: its changes still arrive.
            setTimeout(flush, 100);
          }
          return;
        }
        first[name] = data;
        markStartup(`loaded-${name}`);
        if (Object.keys(first).length < 4) return;
        allIn = true;
        markStartup('documents-loaded');
        setDocs(first as SphereDocs);
        setChangedAt(Date.now());
        setLoaded(true);
      });
    let subscriptions: { unsubscribe(): void }[] = [];
    let live = true;
    void gate.then(() => {
      if (!live) return;
      subscriptions = [
        watch('contacts', db.contacts.find().$),
        watch('ties', db.ties.find().$),
        watch('touches', db.touches.find().$),
        watch('deals', db.deals.find().$),
      ];
    });
    return () => {
      live = false;
      flushing = false;
      subscriptions.forEach((s) => s.unsubscribe());
    };
  }, [db, gate]);
  return { docs, loaded, changedAt };
}
