// Process: renderer. Named moments of start-up on the Performance timeline, so a profile or the benchmark can
// say where the time before the first sphere went (connect, open, load, model, draw). Marks cost microseconds.
export type StartupPhase =
  | 'connected' | 'database-open' | `loaded-${'contacts' | 'ties' | 'touches' | 'deals'}` | 'documents-loaded'
  | 'model-built' | 'graph-drawn' | 'ties-drawn';

const marked = new Set<StartupPhase>();

/** Marks a phase the first time it is reached; later calls are ignored, so live updates do not blur the picture. */
export function markStartup(phase: StartupPhase): void {
  if (marked.has(phase)) return;
  marked.add(phase);
  performance.mark(`sphere:${phase}`);
}
