// Process: renderer. Who referred whom, both ways, and the influence and shared-customer links, as lists: each
// person opens in the panel, each record can be edited or removed. A referral not yet thanked offers Thank….
import type { TieKind } from '../../../shared/domain/sphere.ts';
import type { TieDoc } from '../../../shared/schemas/index.ts';
import { PersonLink, RecordButtons, type RecordHandlers } from './RecordButtons.tsx';

type Props = {
  contactId: string;
  ties: TieDoc[];
  nameOf(id: string): string | undefined;
  handlers: RecordHandlers;
  onOpen(id: string): void;
  onThank(tieId: string): void;
};

type Group = { kind: TieKind; side: 'from' | 'to'; title: string; testId: string };

/** `side`: which end of the tie this contact is on. */
const GROUPS: Group[] = [
  { kind: 'referral', side: 'from', title: 'Referrals they gave', testId: 'referrals-given' },
  { kind: 'referral', side: 'to', title: 'Referred to you by', testId: 'referred-by' },
  { kind: 'influence', side: 'from', title: 'They influence', testId: 'influences' },
  { kind: 'influence', side: 'to', title: 'Influenced by', testId: 'influenced-by' },
  { kind: 'partner', side: 'from', title: 'Customers you share', testId: 'shared-customers' },
  { kind: 'partner', side: 'to', title: 'Shared with partners', testId: 'shared-with' },
];

export function TieLists({ contactId, ties, nameOf, handlers, onOpen, onThank }: Props) {
  return (
    <>
      {GROUPS.map((g) => {
        const list = ties.filter((t) => t.kind === g.kind && t[g.side] === contactId).sort((a, b) => b.at - a.at);
        if (list.length === 0) return null;
        const titleId = `detail-${g.testId}-title`;
        return (
          <section key={g.testId} aria-labelledby={titleId}>
            <h3 id={titleId}>{g.title} <small>{list.length}</small></h3>
            <ul className="records" data-testid={g.testId}>
              {list.map((t) => {
                const otherId = g.side === 'from' ? t.to : t.from;
                const other = nameOf(otherId);
                const what = g.kind === 'referral' ? `the referral ${g.side === 'from' ? 'of' : 'by'} ${other ?? 'someone'}` : `the link with ${other ?? 'someone'}`;
                return (
                  <li key={t.id} data-testid="tie-row">
                    <span className="what"><PersonLink id={otherId} name={other} onOpen={onOpen} /> <time dateTime={new Date(t.at).toISOString()}>{new Date(t.at).toLocaleDateString()}</time>
                      {t.note ? <small>{t.note}</small> : null}
                      {g.kind === 'referral' && t.rewardedAt ? <small className="thanked">thanked: {t.reward}</small> : null}</span>
                    {g.kind === 'referral' && g.side === 'from' && !t.rewardedAt ? <button type="button" onClick={() => onThank(t.id)} data-testid="action-thank">Thank…</button> : null}
                    <RecordButtons record={{ kind: 'tie', id: t.id }} what={what} handlers={handlers} deleteLabel="Remove" />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
