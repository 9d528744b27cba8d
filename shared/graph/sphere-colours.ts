// Process: any (pure). The colours that encode the domain on the graph, the legend and the opening picture alike:
// the host paints the opening picture with them before the renderer has its documents.
import type { Category, CustomerStage, TieKind } from '../domain/sphere.ts';

export const CATEGORY_COLOURS: Record<Category, string> = {
  family: '#c8475c',
  business: '#2f6fb0',
  friends: '#d9822b',
  acquaintance: '#6f7f8f',
  servicers: '#2e8b62',
};

export const STAGE_COLOURS: Record<CustomerStage, string> = {
  prospect: '#a3acb6',
  firstTime: '#7fb3d5',
  repeat: '#2f6fb0',
  lifetime: '#17345f',
  churned: '#c0504d',
};

/** Time since the last touch, measured in the ring's own cadence: green is fresh, red is long overdue. */
export const TOUCH_BANDS: { upTo: number; colour: string; label: string }[] = [
  { upTo: 0.5, colour: '#2e8b62', label: 'Touched recently' },
  { upTo: 1, colour: '#9bbf4a', label: 'Due soon' },
  { upTo: 1.5, colour: '#e0a030', label: 'Overdue' },
  { upTo: Infinity, colour: '#c8475c', label: 'Long overdue or never' },
];

export function touchColour(cadenceShare: number): string {
  return TOUCH_BANDS.find((b) => cadenceShare <= b.upTo)!.colour;
}

/** The trust score in four bands, from pale to deep: darker reads as more trusted without colour vision too. */
export const TRUST_BANDS: { upTo: number; colour: string; label: string }[] = [
  { upTo: 25, colour: '#c9d9bf', label: 'Trust under 25' },
  { upTo: 50, colour: '#8fbf8a', label: 'Trust 25 to 49' },
  { upTo: 75, colour: '#3f8f62', label: 'Trust 50 to 74' },
  { upTo: Infinity, colour: '#1b4d3e', label: 'Trust 75 and over' },
];

export function trustColour(score: number): string {
  return TRUST_BANDS.find((b) => score < b.upTo)!.colour;
}

export type ColourMode = 'category' | 'stage' | 'touch' | 'trust';

/** A score from 0 to 100 (the center-of-influence score) as a fill: pale for none, deep gold for the sphere's most influential. */
export function influenceFills(scores: Map<string, number>): Map<string, string> {
  const fills = new Map<string, string>();
  for (const [id, score] of scores) {
    const t = Math.max(0, Math.min(1, score / 100));
    // From a light grey-blue to a saturated amber, through lightness, so it reads without colour vision too.
    const hue = 210 - 170 * t;
    const lightness = 82 - 40 * t;
    fills.set(id, `hsl(${hue.toFixed(0)}, ${(25 + 55 * t).toFixed(0)}%, ${lightness.toFixed(0)}%)`);
  }
  return fills;
}

export const TIE_COLOURS: Record<TieKind, string> = {
  referral: '#a0522d',
  influence: '#7b55b8',
  partner: '#1f8a87',
  personal: '#9a958a',
};

export const TIE_LABELS: Record<TieKind, string> = {
  referral: 'Referral (arrow: referrer → referred)',
  influence: 'Influence (center of influence → people)',
  partner: 'Host-beneficiary partnership',
  personal: 'Personal tie (family, knows)',
};
