// Process: renderer. The selected contact: who they are, what was typed about them, why their trust score is what it
// is, and every record that names them (deals, referrals both ways, influence and partner links, touches), each
// of which can be opened, edited or deleted with undo.
import type { ReactNode } from 'react';
import { CATEGORY_LABELS, RING_LABELS, ROLE_LABELS, type CustomerStage } from '../../shared/domain/sphere.ts';
import type { TrustScore } from '../../shared/domain/trust-score.ts';
import { InfluenceScore, type ExplainedInfluence } from './detail/InfluenceScore.tsx';
import { formatMoney, type CurrencyAmount } from '../../shared/domain/money.ts';
import type { ContactDoc, DealDoc, TieDoc, TouchDoc } from '../../shared/schemas/index.ts';
import { commandHint } from '../../shared/command-specs.ts';
import { COMMANDS, type CommandId } from '../commands/registry.ts';
import { STAGE_LABELS } from './forms/EditContactForm.tsx';
import { ContactFacts, ContactNotes } from './detail/ContactFacts.tsx';
import { DealList } from './detail/DealList.tsx';
import type { RecordHandlers } from './detail/RecordButtons.tsx';
import { TieLists } from './detail/TieLists.tsx';
import { TouchList } from './detail/TouchList.tsx';
import { useRef } from 'react';
import { usePanelFocus } from '../hooks/usePanelFocus.ts';

type Props = {
  contact: ContactDoc;
  /** As the graph model derived it, or as set by hand. */
  stage: CustomerStage;
  score: TrustScore | undefined;
  /** The contact's center-of-influence score and its parts (shared/insights/influence.ts), asked for on demand. */
  loadInfluence?(id: string): Promise<ExplainedInfluence | null>;
  touches: TouchDoc[];
  deals: DealDoc[];
  /** Every tie that names this contact, either end. */
  ties: TieDoc[];
  /** One sum per currency, the base currency first. */
  lifetimeValue: CurrencyAmount[];
  nameOf(id: string): string | undefined;
  /** The buttons are the commands that have one and apply now (a center of influence gets "Influences…"). */
  available(id: CommandId): boolean;
  onCommand(id: CommandId): void;
  onThank(tieId: string): void;
  /** Opens another contact in the panel. */
  onOpen(id: string): void;
  records: RecordHandlers;
  onClose(): void;
  /** The contact's history (ContactHistory), shown last. */
  history?: ReactNode;
};

export function DetailPanel({ contact, stage, score, touches, deals, ties, lifetimeValue, nameOf, available, onCommand, onThank, onOpen, records, onClose, loadInfluence, history }: Props) {
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
        <ContactFacts contact={contact} />
        {contact.owner ? (<><dt>Owner</dt><dd>{contact.owner}</dd></>) : null}
        {contact.updatedBy.includes('@') ? (<><dt>Last edited</dt><dd data-testid="detail-edited-by">by {contact.updatedBy}, {new Date(contact.updatedAt).toLocaleDateString()}</dd></>) : null}
      </dl>
      <ContactNotes notes={contact.notes} />
      <DealList deals={deals} ties={ties} nameOf={nameOf} handlers={records} />
      <TieLists contactId={contact.id} ties={ties} nameOf={nameOf} handlers={records} onOpen={onOpen} onThank={onThank} />
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
      {loadInfluence ? <InfluenceScore contactId={contact.id} load={loadInfluence} /> : null}
      <TouchList key={contact.id} touches={touches} handlers={records} />
      {history}
    </aside>
  );
}
