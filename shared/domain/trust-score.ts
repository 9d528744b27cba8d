// Process: any (pure). The trust score: one number per contact, 0 to 100, that sizes its node.
//
// How it is made, and why:
//  - Ring (up to 40): where you placed someone is your own judgement of the relationship, so it weighs most.
//  - Touches (up to 30): keeping in touch is what deepens a relationship; each touch counts for less the
//    older it is (half as much every 45 days), so a burst of calls last year fades unless it continues.
//  - Referrals given (up to 20): someone who sends you people trusts you with their own name. The first
//    referrals count most; after a handful, more add little.
//  - Repeat business (up to 10): coming back to buy again is trust shown, not said.
import type { Ring, TouchKind } from './sphere.ts';

export type TrustWeights = {
  ring: Record<Ring, number>;
  touchMax: number;
  /** Days for a touch's weight to halve. */
  touchHalfLifeDays: number;
  /** Weighted touches that earn the full touch points. */
  touchesForFull: number;
  referralMax: number;
  /** Referrals that earn about two thirds of the referral points. */
  referralScale: number;
  repeatMax: number;
};

export const DEFAULT_TRUST_WEIGHTS: TrustWeights = {
  ring: { trust: 40, like: 26, know: 13, prospect: 3 },
  touchMax: 30,
  touchHalfLifeDays: 45,
  touchesForFull: 6,
  referralMax: 20,
  referralScale: 3,
  repeatMax: 10,
};

export type TrustInput = {
  ring: Ring;
  touches: readonly { at: number; kind: TouchKind }[];
  referralsGiven: number;
  dealCount: number;
  now: number;
};

export type TrustPart = { label: string; points: number; why: string };
export type TrustScore = { score: number; parts: TrustPart[] };

const DAY = 86_400_000;
const round1 = (x: number) => Math.round(x * 10) / 10;

export function trustScore(input: TrustInput, weights: TrustWeights = DEFAULT_TRUST_WEIGHTS): TrustScore {
  const ringPoints = weights.ring[input.ring];

  // A stage change is bookkeeping, not contact: it does not count as keeping in touch.
  const real = input.touches.filter((t) => t.kind !== 'stageChange');
  const weighted = real.reduce((sum, t) => sum + Math.pow(0.5, Math.max(0, input.now - t.at) / DAY / weights.touchHalfLifeDays), 0);
  const touchPoints = weights.touchMax * Math.min(1, weighted / weights.touchesForFull);

  const referrals = Math.max(0, input.referralsGiven);
  const referralPoints = weights.referralMax * (1 - Math.exp(-referrals / weights.referralScale));

  const repeats = Math.max(0, input.dealCount - 1);
  const repeatPoints = weights.repeatMax * Math.min(1, repeats / 4);

  const parts: TrustPart[] = [
    { label: 'Ring', points: round1(ringPoints), why: `In the ${input.ring} ring.` },
    { label: 'Keeping in touch', points: round1(touchPoints), why: real.length === 0 ? 'No touches yet.' : `${real.length} touch${real.length === 1 ? '' : 'es'}, recent ones counting most (worth ${weighted.toFixed(1)} fresh touches).` },
    { label: 'Referrals given', points: round1(referralPoints), why: referrals === 0 ? 'Has not referred anyone yet.' : `Referred ${referrals} ${referrals === 1 ? 'person' : 'people'}.` },
    { label: 'Repeat business', points: round1(repeatPoints), why: input.dealCount <= 1 ? (input.dealCount === 1 ? 'One deal so far.' : 'No deals yet.') : `${input.dealCount} deals.` },
  ];
  // The score is the sum of the rounded parts, so the breakdown a user reads always adds up.
  const score = Math.min(100, Math.max(0, round1(parts.reduce((sum, p) => sum + p.points, 0))));
  return { score, parts };
}
