// Process: renderer. Referrals nobody has thanked yet, oldest first: the question is when you last rewarded one.
import { useRef } from 'react';
import type { ContactDoc, TieDoc } from '../../shared/schemas/index.ts';
import { usePanelFocus } from '../hooks/usePanelFocus.ts';

export function referralsToThank(ties: TieDoc[]): TieDoc[] {
  return ties.filter((t) => t.kind === 'referral' && t.rewardedAt === undefined).sort((a, b) => a.at - b.at);
}

/** `values`: what each referral brought, per currency, from the deals that name it. */
type Props = { pending: TieDoc[]; names: Map<string, ContactDoc>; values: Map<string, Record<string, number>>; onThank(tieId: string): void; onClose(): void };

const worth = (sums: Record<string, number> | undefined) =>
  Object.entries(sums ?? {}).map(([currency, cents]) => ` · ${(cents / 100).toLocaleString(undefined, { style: 'currency', currency })}`).join('');

export function ThanksPanel({ pending, names, values, onThank, onClose }: Props) {
  const ref = useRef<HTMLElement>(null);
  usePanelFocus(ref);
  return (
    <aside ref={ref} tabIndex={-1} className="side-list" aria-label="Referrals to thank" data-testid="thanks-panel">
      <header><h2>Referrals to thank</h2><button type="button" className="close" onClick={onClose} aria-label="Close referrals to thank">×</button></header>
      {pending.length === 0 ? <p className="muted">Every referral has been thanked.</p> : (
        <ul>
          {pending.slice(0, 80).map((t) => (
            <li key={t.id} data-testid="thanks-row">
              <span>{names.get(t.from)?.name ?? 'Someone'} referred {names.get(t.to)?.name ?? 'someone'}</span>
              <small>{new Date(t.at).toLocaleDateString()}{worth(values.get(t.id))}</small>
              <span className="quick"><button type="button" onClick={() => onThank(t.id)}>Thank…</button></span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
