// Process: renderer. The sphere replayed: a slider over every recorded day and a play button. The window draws
// the sphere as it was (App builds the graph from `timeline.at(t)`), so rings, ties and customers change in place.
import { useEffect, useRef, useState } from 'react';
import type { Timeline } from '../../../shared/insights/timeline.ts';

type Props = { timeline: Timeline; at: number | null; onAt(at: number | null): void };

/** A whole replay takes this long, whatever span of history it covers. */
const PLAY_MS = 12_000;

export function TimelineView({ timeline, at, onAt }: Props) {
  const [playing, setPlaying] = useState(false);
  const current = at ?? timeline.end;
  const frame = useRef(0);
  const state = timeline.at(current);
  const unknown = state.contacts.filter((c) => !c.ringKnown).length;
  const customers = state.contacts.filter((c) => c.customer).length;

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let t = current >= timeline.end ? timeline.start : current;
    const step = (now: number) => {
      t = Math.min(timeline.end, t + ((timeline.end - timeline.start) * (now - last)) / PLAY_MS);
      last = now;
      onAt(t);
      if (t >= timeline.end) {
        setPlaying(false);
        return;
      }
      frame.current = requestAnimationFrame(step);
    };
    frame.current = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame.current);
    // Started once per press of Play; `current` is where it starts from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, timeline]);

  if (timeline.moments.length === 0) return <p className="muted" data-testid="timeline-empty">Nothing recorded yet: add contacts and the sphere's history starts here.</p>;
  const day = 86_400_000;
  return (
    <div data-testid="timeline">
      <p className="muted">The sphere as it was on any day since {new Date(timeline.start).toLocaleDateString()}, rebuilt from when people were added, their ring moves, ties and deals.</p>
      <div className="timeline-controls">
        <button type="button" onClick={() => setPlaying((p) => !p)} data-testid="timeline-play" aria-pressed={playing}>{playing ? 'Pause' : 'Play'}</button>
        <input type="range" min={timeline.start} max={timeline.end} step={day} value={current} aria-label="Date shown on the sphere" aria-valuetext={new Date(current).toLocaleDateString()}
          onChange={(e) => { setPlaying(false); onAt(Number(e.target.value)); }} data-testid="timeline-slider" />
        <button type="button" onClick={() => { setPlaying(false); onAt(null); }} disabled={at === null}>Today</button>
      </div>
      <p data-testid="timeline-state" aria-live="polite">
        <strong>{new Date(current).toLocaleDateString()}</strong>: {state.contacts.length.toLocaleString()} people, {state.ties.length.toLocaleString()} ties, {customers.toLocaleString()} customers.
      </p>
      {unknown ? <p className="muted" data-testid="timeline-unknown">For {unknown} {unknown === 1 ? 'person' : 'people'} the record of ring moves does not reach back to this day: they are drawn where the earliest record after it puts them, with a dashed outline.</p> : null}
    </div>
  );
}
