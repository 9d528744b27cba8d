// Process: any (pure). The sphere as it was on a past date, rebuilt from what the store recorded: creation dates,
// ring moves (stage-change touches, written by every move), ties and deals. Where the record is broken (a move
// that does not start where the one before ended, e.g. data from before moves were recorded), the ring before
// that break is marked unknown instead of guessed.
import type { Ring } from '../domain/sphere.ts';
import type { ContactDoc, DealDoc, TieDoc, TouchDoc } from '../schemas/index.ts';
import type { InsightDocs } from './insight-input.ts';

export type PastContact = { id: string; ring: Ring; ringKnown: boolean; customer: boolean };
export type SphereAt = { at: number; contacts: PastContact[]; ties: string[] };

type Move = { at: number; from: Ring; to: Ring };
type History = { contact: ContactDoc; moves: Move[]; firstDealAt: number | null; brokenBefore: number };

export type Timeline = {
  /** The earliest recorded moment (a creation, move, tie or deal); before it the app knows nothing. */
  start: number;
  end: number;
  /** Every moment at which something changed, in order: what the play button steps through. */
  moments: number[];
  at(time: number): SphereAt;
};

export function buildTimeline(docs: InsightDocs, now: number): Timeline {
  const movesOf = new Map<string, Move[]>();
  for (const t of docs.touches as TouchDoc[]) {
    if (t.kind !== 'stageChange' || !t.fromRing || !t.toRing) continue;
    const list = movesOf.get(t.contactId) ?? [];
    list.push({ at: t.at, from: t.fromRing, to: t.toRing });
    movesOf.set(t.contactId, list);
  }
  const firstDeal = new Map<string, number>();
  for (const d of docs.deals as DealDoc[]) firstDeal.set(d.contactId, Math.min(firstDeal.get(d.contactId) ?? Infinity, d.at));
  const histories: History[] = docs.contacts.map((contact) => {
    const moves = (movesOf.get(contact.id) ?? []).sort((a, b) => a.at - b.at);
    // Walk back from today's ring: the last break in the chain is where the record stops being trustworthy.
    let brokenBefore = -Infinity;
    let expected: Ring = contact.ring;
    for (let i = moves.length - 1; i >= 0; i--) {
      if (moves[i]!.to !== expected) {
        brokenBefore = moves[i + 1]?.at ?? now;
        break;
      }
      expected = moves[i]!.from;
    }
    return { contact, moves, firstDealAt: firstDeal.get(contact.id) ?? null, brokenBefore };
  });
  const ties = [...(docs.ties as TieDoc[])].sort((a, b) => a.at - b.at);
  const contactIds = new Set(docs.contacts.map((c) => c.id));
  const liveTies = ties.filter((t) => contactIds.has(t.from) && contactIds.has(t.to));
  const moments = new Set<number>();
  for (const h of histories) {
    moments.add(h.contact.createdAt);
    for (const m of h.moves) moments.add(m.at);
    if (h.firstDealAt !== null) moments.add(h.firstDealAt);
  }
  for (const t of liveTies) moments.add(t.at);
  const sorted = [...moments].filter((m) => m <= now).sort((a, b) => a - b);
  return {
    start: sorted[0] ?? now,
    end: now,
    moments: sorted,
    at(time) {
      const contacts: PastContact[] = [];
      for (const h of histories) {
        if (h.contact.createdAt > time) continue;
        contacts.push({ id: h.contact.id, ring: ringAt(h, time), ringKnown: time >= h.brokenBefore, customer: h.firstDealAt !== null && h.firstDealAt <= time });
      }
      const present = new Set(contacts.map((c) => c.id));
      const tieIds: string[] = [];
      for (const t of liveTies) {
        if (t.at > time) break;
        if (present.has(t.from) && present.has(t.to)) tieIds.push(t.id);
      }
      return { at: time, contacts, ties: tieIds };
    },
  };
}

/**
 * The documents as they stood on `past.at`: people added by then in the ring they were in, the ties made by then,
 * and only the deals and touches that had happened, so stages, trust and sizes are those of that day too.
 */
export function pastDocs<D extends InsightDocs>(docs: D, past: SphereAt): { contacts: ContactDoc[]; ties: TieDoc[]; touches: TouchDoc[]; deals: DealDoc[] } {
  const rings = new Map(past.contacts.map((c) => [c.id, c.ring]));
  const ties = new Set(past.ties);
  return {
    contacts: docs.contacts.filter((c) => rings.has(c.id)).map((c) => (c.ring === rings.get(c.id) ? c : { ...c, ring: rings.get(c.id)! })),
    ties: docs.ties.filter((t) => ties.has(t.id)),
    touches: docs.touches.filter((t) => t.at <= past.at),
    deals: docs.deals.filter((d) => d.at <= past.at),
  };
}

/** The first move after `time` says where the contact was; with none, they are where they are today. */
function ringAt(h: History, time: number): Ring {
  let lo = 0;
  let hi = h.moves.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (h.moves[mid]!.at <= time) lo = mid + 1;
    else hi = mid;
  }
  return h.moves[lo]?.from ?? h.contact.ring;
}
