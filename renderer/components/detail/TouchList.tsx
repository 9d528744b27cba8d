// Process: renderer. A contact's touches, newest first: the latest twelve, and the rest on request. Each touch can
// be edited or deleted; a move between rings is the record of the move and is corrected by moving back.
import { useState } from 'react';
import type { TouchDoc } from '../../../shared/schemas/index.ts';
import { TOUCH_LABELS } from '../forms/TouchForm.tsx';
import { RecordButtons, type RecordHandlers } from './RecordButtons.tsx';

const FIRST = 12;

export function TouchList({ touches, handlers }: { touches: TouchDoc[]; handlers: RecordHandlers }) {
  const [all, setAll] = useState(false);
  const sorted = [...touches].sort((a, b) => b.at - a.at);
  const shown = all ? sorted : sorted.slice(0, FIRST);
  return (
    <section aria-labelledby="detail-touches-title">
      <h3 id="detail-touches-title">Touches <small>{sorted.length || ''}</small></h3>
      {sorted.length === 0 ? <p className="muted">No touches yet. Reaching out is how Know becomes Like.</p> : (
        <ol className="timeline records" data-testid="detail-touches">
          {shown.map((t) => {
            const day = new Date(t.at).toLocaleDateString();
            const what = t.kind === 'stageChange' ? `moved ${t.fromRing} → ${t.toRing}` : `${TOUCH_LABELS[t.kind]} · ${t.direction === 'inbound' ? 'they reached out' : 'you reached out'}`;
            return (
              <li key={t.id} data-testid="touch-row">
                <span className="what"><time dateTime={new Date(t.at).toISOString()}>{day}</time> {what}
                  {t.note ? <small>{t.note}</small> : null}</span>
                {t.kind === 'stageChange' ? null : <RecordButtons record={{ kind: 'touch', id: t.id }} what={`the ${TOUCH_LABELS[t.kind].toLowerCase()} on ${day}`} handlers={handlers} />}
              </li>
            );
          })}
        </ol>
      )}
      {sorted.length > FIRST ? <button type="button" className="link" onClick={() => setAll((v) => !v)}>{all ? 'Show the latest only' : `Show all ${sorted.length}`}</button> : null}
    </section>
  );
}
