// Process: renderer. The selected contact: who they are, why their trust score is what it is, and their recent touches.
import { CATEGORY_LABELS, RING_LABELS, ROLE_LABELS, type CustomerStage } from '../../shared/domain/sphere.ts';
import type { TrustScore } from '../../shared/domain/trust-score.ts';
import { formatMoney, type CurrencyAmount } from '../../shared/domain/money.ts';
import type { ContactDoc, TieDoc, TouchDoc } from '../../shared/schemas/index.ts';
import { commandHint } from '../../shared/command-specs.ts';
import { COMMANDS, type CommandId } from '../commands/registry.ts';
import { STAGE_LABELS } from './forms/EditContactForm.tsx';
import { TOUCH_LABELS } from './forms/TouchForm.tsx';
import { useRef } from 'react';
import { usePanelFocus } from '../hooks/usePanelFocus.ts';

type Props = {
  contact: ContactDoc;
  /** As the graph model derived it, or as set by hand. */
  stage: CustomerStage;
  score: TrustScore | undefined;
  touches: TouchDoc[];
  referralsOut: number;
  referralsIn: number;
  /** One sum per currency, the base currency first. */
  lifetimeValue: CurrencyAmount[];
  sharedCustomers: number;
  influences: number;
  referralsGiven: { tie: TieDoc; name: string }[];
  /** The buttons are the commands that have one and apply now (a center of influence gets "Influences…"). */
  available(id: CommandId): boolean;
  onCommand(id: CommandId): void;
  onThank(tieId: string): void;
  onClose(): void;
};

export function DetailPanel({ contact, stage, score, touches, referralsOut, referralsIn, lifetimeValue, sharedCustomers, influences, referralsGiven, available, onCommand, onThank, onClose }: Props) {
  const recent = [...touches].sort((a, b) => b.at - a.at).slice(0, 12);
  const ref = useRef<HTMLElement>(null);
  usePanelFocus(ref, '.detail-actions button');
  return (
    <aside ref={ref} tabIndex={-1} className="detail" aria-label={`Details for ${contact.name}`} data-testid="detail-panel">
      <header>
        <h2>{contact.name}</h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close details">×</button>
      </header>
      <p className="sub">
        {[contact.title, contact.organisation].filter(Boolean).join(', ') || CATEGORY_LABELS[contact.category]}
      </p>
      <div className="detail-actions" role="toolbar" aria-label="Actions">
        {COMMANDS.flatMap((c) => (c.button && available(c.id) ? [
          <button key={c.id} type="button" className={c.button.tone} onClick={() => onCommand(c.id)} data-testid={c.button.testId} title={commandHint(c)}>{c.button.label}</button>,
        ] : []))}
      </div>
      <dl>
        <dt>Ring</dt><dd data-testid="detail-ring">{RING_LABELS[contact.ring]}</dd>
        <dt>Category</dt><dd>{CATEGORY_LABELS[contact.category]}{contact.private ? ' · private, on this device only' : ''}</dd>
        <dt>Stage</dt><dd data-testid="detail-stage">{STAGE_LABELS[stage]}{contact.stageByHand ? ' (set by hand)' : ''}</dd>
        <dt>Lifetime value</dt><dd data-testid="detail-ltv">{lifetimeValue.map(({ currency, amount }) => formatMoney(amount, currency)).join(' · ')}</dd>
        {contact.roles.length ? (<><dt>Roles</dt><dd>{contact.roles.map((r) => ROLE_LABELS[r]).join(', ')}</dd></>) : null}
        {contact.emails.length ? (<><dt>Email</dt><dd>{contact.emails.join(', ')}</dd></>) : null}
        {contact.phones.length ? (<><dt>Phone</dt><dd>{contact.phones.join(', ')}</dd></>) : null}
        <dt>Referrals</dt><dd>gave {referralsOut}, came through {referralsIn}</dd>
        {contact.roles.includes('hostBeneficiary') ? (<><dt>Shared</dt><dd>{sharedCustomers} shared customer{sharedCustomers === 1 ? '' : 's'}</dd></>) : null}
        {contact.roles.includes('centerOfInfluence') ? (<><dt>Influences</dt><dd>{influences} {influences === 1 ? 'person' : 'people'}</dd></>) : null}
        {contact.updatedBy.includes('@') ? (<><dt>Last edited</dt><dd data-testid="detail-edited-by">by {contact.updatedBy}, {new Date(contact.updatedAt).toLocaleDateString()}</dd></>) : null}
        {contact.optIn ? (<><dt>Marketing</dt><dd>{contact.optIn.granted ? `opted in (${contact.optIn.source})` : 'declined'}</dd></>) : null}
      </dl>
      {referralsGiven.length ? (
        <section aria-label="Referrals they gave">
          <h3>Referrals they gave</h3>
          <ul className="referrals">
            {referralsGiven.map(({ tie, name }) => (
              <li key={tie.id}>
                {name} <small>{new Date(tie.at).toLocaleDateString()}</small>
                {tie.rewardedAt ? <span className="thanked">thanked: {tie.reward}</span> : <button type="button" onClick={() => onThank(tie.id)} data-testid="action-thank">Thank…</button>}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
                {t.kind === 'stageChange' ? `moved ${t.fromRing} → ${t.toRing}` : `${TOUCH_LABELS[t.kind]} · ${t.direction === 'inbound' ? 'they reached out' : 'you reached out'}`}
                {t.note ? <small>{t.note}</small> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}
