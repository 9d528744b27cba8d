// Process: renderer. The selected contact: who they are, why their trust score is what it is, and their recent touches.
import { CATEGORY_LABELS, RING_LABELS, ROLE_LABELS } from '../../shared/domain/sphere.ts';
import type { TrustScore } from '../../shared/domain/trust-score.ts';
import type { ContactDoc, TouchDoc } from '../../shared/schemas/index.ts';

const STAGE_LABELS: Record<ContactDoc['stage'], string> = { prospect: 'Prospect', firstTime: 'First-time customer', repeat: 'Repeat customer', lifetime: 'Lifetime customer', churned: 'Churned' };

type Props = { contact: ContactDoc; score: TrustScore | undefined; touches: TouchDoc[]; referralsOut: number; referralsIn: number; onClose(): void };

export function DetailPanel({ contact, score, touches, referralsOut, referralsIn, onClose }: Props) {
  const recent = [...touches].sort((a, b) => b.at - a.at).slice(0, 8);
  return (
    <aside className="detail" aria-label={`Details for ${contact.name}`} data-testid="detail-panel">
      <header>
        <h2>{contact.name}</h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close details">×</button>
      </header>
      <p className="sub">
        {[contact.title, contact.organisation].filter(Boolean).join(', ') || CATEGORY_LABELS[contact.category]}
      </p>
      <dl>
        <dt>Ring</dt><dd data-testid="detail-ring">{RING_LABELS[contact.ring]}</dd>
        <dt>Category</dt><dd>{CATEGORY_LABELS[contact.category]}</dd>
        <dt>Stage</dt><dd>{STAGE_LABELS[contact.stage]}</dd>
        {contact.roles.length ? (<><dt>Roles</dt><dd>{contact.roles.map((r) => ROLE_LABELS[r]).join(', ')}</dd></>) : null}
        {contact.emails.length ? (<><dt>Email</dt><dd>{contact.emails.join(', ')}</dd></>) : null}
        {contact.phones.length ? (<><dt>Phone</dt><dd>{contact.phones.join(', ')}</dd></>) : null}
        <dt>Referrals</dt><dd>gave {referralsOut}, came through {referralsIn}</dd>
      </dl>
      {score ? (
        <section aria-label="Trust score">
          <h3>Trust score <span className="score">{Math.round(score.score)}</span></h3>
          <ul className="parts">
            {score.parts.map((p) => (
              <li key={p.label}><span>{p.label}</span><span className="pts">+{p.points}</span><small>{p.why}</small></li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-label="Recent touches">
        <h3>Recent touches</h3>
        {recent.length === 0 ? <p className="muted">No touches yet. Reaching out is how Know becomes Like.</p> : (
          <ol className="timeline">
            {recent.map((t) => (
              <li key={t.id}>
                <time dateTime={new Date(t.at).toISOString()}>{new Date(t.at).toLocaleDateString()}</time>{' '}
                {t.kind === 'stageChange' ? `moved ${t.fromRing} → ${t.toRing}` : `${t.kind} (${t.direction})`}
                {t.note ? <small>{t.note}</small> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}
