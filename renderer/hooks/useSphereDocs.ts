// Process: renderer. Live documents of every collection: a change anywhere (this window, another, a sync) re-renders.
import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';
import type { SphereDatabase } from '../../shared/schemas/index.ts';
import type { SphereDocs } from '../graph/sphere-model.ts';

/** `changedAt` is when the documents last changed: time-based rules (due dates, decay) read it as "now". */
export function useSphereDocs(db: SphereDatabase): { docs: SphereDocs; loaded: boolean; changedAt: number } {
  const [docs, setDocs] = useState<SphereDocs>({ contacts: [], ties: [], touches: [], deals: [] });
  const [loaded, setLoaded] = useState(false);
  const [changedAt, setChangedAt] = useState(() => Date.now());
  useEffect(() => {
    const seen = new Set<string>();
    // RxDB's own immutable document data, not toJSON() copies: on a big sphere every change would
    // otherwise copy tens of thousands of touches. Nothing here mutates them.
    const watch = <K extends keyof SphereDocs>(name: K, docs$: Observable<{ _data: unknown }[]>) =>
      docs$.subscribe((results) => {
        seen.add(name);
        setDocs((prev) => ({ ...prev, [name]: results.map((d) => d._data) }));
        setChangedAt(Date.now());
        if (seen.size === 4) setLoaded(true);
      });
    const subscriptions = [
      watch('contacts', db.contacts.find().$),
      watch('ties', db.ties.find().$),
      watch('touches', db.touches.find().$),
      watch('deals', db.deals.find().$),
    ];
    return () => subscriptions.forEach((s) => s.unsubscribe());
  }, [db]);
  return { docs, loaded, changedAt };
}
