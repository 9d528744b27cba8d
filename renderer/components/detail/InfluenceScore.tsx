// Process: renderer. Why a contact's center-of-influence score is what it is, part by part, like the trust score.
// Worked out by the host for the whole sphere (insights.compute), so it is asked for only when the user opens it.
import { useState } from 'react';
import type { Influence, InfluencePart } from '../../../shared/insights/influence.ts';

/** A contact's score with its parts worked out (influenceParts). */
export type ExplainedInfluence = Influence & { parts: InfluencePart[] };

type Props = { contactId: string; load(id: string): Promise<ExplainedInfluence | null> };

export function InfluenceScore({ contactId, load }: Props) {
  const [shown, setShown] = useState<{ id: string; influence: ExplainedInfluence | null; error?: string } | null>(null);
  const current = shown?.id === contactId ? shown : null;
  const ask = () => {
    load(contactId).then(
      (influence) => setShown({ id: contactId, influence }),
      (err: Error) => setShown({ id: contactId, influence: null, error: err.message }),
    );
  };
  return (
    <details className="influence-score" data-testid="influence-score" onToggle={(e) => { if ((e.target as HTMLDetailsElement).open && !current) ask(); }}>
      <summary>Center-of-influence score{current?.influence ? <span className="score"> {Math.round(current.influence.score)}</span> : null}</summary>
      {!current ? <p className="muted">Working it out…</p> : current.error ? <p className="muted">It could not be worked out: {current.error}</p> : !current.influence ? (
        <p className="muted">No influence yet: no ties to others, no referrals, no revenue through them. Ties and referrals recorded here build it.</p>
      ) : (
        <ul className="parts">
          {current.influence.parts.map((p) => (
            <li key={p.label}><span>{p.label}</span><span className="pts">+{Math.round(p.points * 10) / 10}</span><small>{p.why}</small></li>
          ))}
        </ul>
      )}
    </details>
  );
}
