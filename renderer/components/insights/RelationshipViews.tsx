// Process: renderer. The ranked insights: nurtured vs cold, referrers and their chains, centers of influence,
// host-beneficiary partners. Names open the contact; "show on the sphere" highlights the people behind a figure.
import type { ReactNode } from 'react';
import { formatMoney } from '../../../shared/domain/money.ts';
import type { InfluenceReport } from '../../../shared/insights/influence.ts';
import type { Nurtured } from '../../../shared/insights/nurtured.ts';
import type { PartnerRow } from '../../../shared/insights/partners.ts';
import type { ReferralReport } from '../../../shared/insights/referral-chains.ts';
import type { ContactDoc } from '../../../shared/schemas/index.ts';
import { FigureTable } from './FigureTable.tsx';
import { moneyText, percent } from './insight-format.ts';

type Common = { names: Map<string, ContactDoc>; base: string; onOpen(id: string): void; onSpotlight(label: string, ids: string[]): void };

const SHOWN = 50;

function nameOf(names: Map<string, ContactDoc>, id: string): string {
  return names.get(id)?.name ?? 'someone no longer in the sphere';
}

function personLink(props: Common, id: string): ReactNode {
  return <button type="button" className="link" onClick={() => props.onOpen(id)}>{nameOf(props.names, id)}</button>;
}

export function NurturedView({ nurtured: n }: { nurtured: Nurtured }) {
  const row = (label: string, g: Nurtured['nurtured']) => [label, g.contacts, g.converted, percent(g.conversion), g.averageFirstDeal === null ? null : formatMoney(g.averageFirstDeal, n.currency), g.firstDealsCounted];
  return (
    <div data-testid="nurtured">
      <p className="muted">Nurtured: someone referred them, or they had at least {n.touchesNeeded} touches before their first deal. Counts are shown so that a small sample reads as one.</p>
      <FigureTable title="Nurtured vs cold" empty="" testId="nurtured-table"
        header={['Group', 'Not yet customers at the start', 'Became customers', 'Conversion', `Average first deal (${n.currency})`, 'First deals averaged']}
        rows={[row('Nurtured', n.nurtured), row('Cold', n.cold)]} />
    </div>
  );
}

export function ReferralsView(props: Common & { report: ReferralReport }) {
  const { report, base, names } = props;
  const top = report.referrers.slice(0, SHOWN);
  return (
    <div data-testid="referrals">
      <FigureTable title="Referrers, down the chain" testId="referrers-table" empty="No referrals recorded yet. Record one from a contact (R) to see chains here."
        header={['Referrer', 'Referred directly', 'Reached down the chain', 'Revenue of the chain']}
        rows={report.referrers.map((r) => [nameOf(names, r.id), r.direct, r.downstream, moneyText(r.revenue, base)])}
        cells={top.map((r) => [personLink(props, r.id), r.direct, r.downstream, moneyText(r.revenue, base)])} />
      {report.referrers.length > SHOWN ? <p className="muted">The {SHOWN} highest are shown; the CSV holds all {report.referrers.length}.</p> : null}
      <FigureTable title="Rewards still owed" testId="rewards-owed" empty="Every referral has been thanked."
        header={['Referrer', 'Referred', 'When', 'Brought']}
        rows={report.rewardsOwed.map((r) => [nameOf(names, r.from), nameOf(names, r.to), new Date(r.at).toLocaleDateString(), moneyText(r.revenue, base)])}
        cells={report.rewardsOwed.slice(0, SHOWN).map((r) => [personLink(props, r.from), personLink(props, r.to), new Date(r.at).toLocaleDateString(), moneyText(r.revenue, base)])} />
      <FigureTable title="Referrers at risk" testId="at-risk" empty="No referred customer has churned."
        header={['Referrer', 'Their referral, now churned']}
        rows={report.atRisk.map((r) => [nameOf(names, r.referrer), nameOf(names, r.referred)])}
        cells={report.atRisk.slice(0, SHOWN).map((r) => [personLink(props, r.referrer), personLink(props, r.referred)])} />
      {report.atRisk.length ? (
        <div className="insight-actions">
          <button type="button" onClick={() => props.onSpotlight('Referrers at risk and their churned referrals', [...new Set(report.atRisk.flatMap((r) => [r.referrer, r.referred]))])}>Show them on the sphere</button>
        </div>
      ) : null}
      <p className="muted">Lost deals are not recorded in Sphere, so only churned referrals are flagged.</p>
    </div>
  );
}

export function InfluenceView(props: Common & { report: InfluenceReport; colouring: boolean; onColour(on: boolean): void }) {
  const { report, base, names } = props;
  const rows = (list: InfluenceReport['ranking']) => list.map((r) => [nameOf(names, r.id), r.score, r.pagerank.toFixed(4), r.betweenness.toFixed(4), r.reach, moneyText(r.revenue, base)]);
  const header = ['Contact', 'Score', 'PageRank', 'Betweenness', 'Referral reach', 'Revenue influenced'];
  const cells = (list: InfluenceReport['ranking']) => list.slice(0, SHOWN).map((r) => [personLink(props, r.id), r.score, r.pagerank.toFixed(4), r.betweenness.toFixed(4), r.reach, moneyText(r.revenue, base)]);
  return (
    <div data-testid="influence">
      <p className="muted">
        The score (0–100) adds network position (PageRank up to 25, bridging up to 20), referral reach (up to 30) and revenue influenced (up to 25), each against the sphere's highest. The detail panel explains a contact's score.
        {report.estimated ? ' Bridging is estimated from a sample in a sphere this size.' : ''}
      </p>
      <div className="insight-actions">
        <label className="check"><input type="checkbox" checked={props.colouring} onChange={(e) => props.onColour(e.target.checked)} data-testid="colour-by-influence" /> Colour the sphere by influence</label>
        {report.candidates.length ? <button type="button" onClick={() => props.onSpotlight('Center-of-influence candidates', report.candidates.map((c) => c.id))} data-testid="candidates-spotlight">Show candidates on the sphere</button> : null}
      </div>
      <FigureTable title="Center-of-influence candidates" testId="candidates" empty="No candidates: everyone with influence is already marked as a center of influence, or there are no ties yet."
        header={header} rows={rows(report.candidates)} cells={cells(report.candidates)} />
      <FigureTable title="Influence ranking" testId="influence-ranking" empty="Add ties between contacts (referrals, influence, partners) to see who moves your sphere."
        header={header} rows={rows(report.ranking)} cells={cells(report.ranking)} />
    </div>
  );
}

export function PartnersView(props: Common & { rows: PartnerRow[] }) {
  const { rows, base, names } = props;
  return (
    <div data-testid="partners">
      <FigureTable title="Host-beneficiary partners" testId="partners-table" empty="No host-beneficiary partners yet. Mark a contact's role as partner and link the customers you share (P)."
        header={['Partner', 'Shared customers', 'Revenue from them', 'Referrals they sent', 'Referrals to them']}
        rows={rows.map((r) => [nameOf(names, r.id), r.sharedCustomers.length, moneyText(r.revenue, base), r.referralsGiven, r.referralsReceived])}
        cells={rows.slice(0, SHOWN).map((r) => [personLink(props, r.id), r.sharedCustomers.length, moneyText(r.revenue, base), r.referralsGiven, r.referralsReceived])} />
    </div>
  );
}
