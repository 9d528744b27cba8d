// Process: renderer. How the graph encodes the domain: colour is category, shape marks the relationships to nurture,
// size is trust, and each kind of tie has its own line.
import type { StylesheetJson } from 'cytoscape';
import type { Category, CustomerStage, TieKind } from '../../shared/domain/sphere.ts';

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

export type ColourMode = 'category' | 'stage' | 'touch';

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

export type StyleOptions = { colourBy: ColourMode; dimOverdue: boolean };

const FILL_FIELD: Record<ColourMode, string> = { category: 'categoryFill', stage: 'stageFill', touch: 'touchFill' };

/**
 * The view's choices (colour mode, dimming) live in the stylesheet rather than in classes on every element:
 * one restyle when the user switches, instead of ten thousand class changes each rippling to the ties.
 */
export function sphereStylesheet({ colourBy, dimOverdue }: StyleOptions = { colourBy: 'category', dimOverdue: false }): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': `data(${FILL_FIELD[colourBy]})`,
        'border-width': 1.5,
        'border-color': '#ffffff',
        label: 'data(label)',
        'font-size': 10,
        'font-family': 'system-ui, sans-serif',
        color: '#2b2a27',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': '#f6f4ef',
        'text-outline-width': 2,
        // Level of detail: names appear once they can be read.
        'min-zoomed-font-size': 11,
      },
    },
    { selector: 'node[mark = "coi"]', style: { shape: 'star', 'border-color': '#c9a227', 'border-width': 2 } },
    { selector: 'node[mark = "partner"]', style: { shape: 'hexagon', 'border-color': '#1f8a87', 'border-width': 2.5 } },
    { selector: 'node:selected', style: { 'border-color': '#1b1a17', 'border-width': 3.5, 'z-index': 10 } },
    ...(dimOverdue ? [{ selector: 'node[?overdue]', style: { opacity: 0.18 } }] : []),
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        // Haystack edges are Cytoscape's fastest: straight lines with no per-pair routing.
        'curve-style': 'haystack',
        'haystack-radius': 0,
        opacity: 0.32,
        'line-color': '#999',
      },
    },
    ...(Object.keys(TIE_COLOURS) as TieKind[]).map((kind) => ({
      selector: `edge[kind = "${kind}"]`,
      style: { 'line-color': TIE_COLOURS[kind] },
    })),
    // Referrals point from referrer to referred with an arrow at the middle of the line: a haystack edge can carry
    // one there, and it stays visible where an arrow at the end would hide under the referred contact.
    { selector: 'edge[kind = "referral"]', style: { 'mid-target-arrow-shape': 'triangle', 'mid-target-arrow-color': TIE_COLOURS.referral, 'arrow-scale': 0.8, opacity: 0.5 } },
    // Kinds differ by colour and weight, not by dashes: dashed lines cost several times more to draw.
    { selector: 'edge[kind = "influence"]', style: { opacity: 0.4 } },
    { selector: 'edge[kind = "partner"]', style: { opacity: 0.45 } },
    // Last, so they win over the per-kind opacities above.
    { selector: '.faded', style: { opacity: 0.06, 'text-opacity': 0 } },
    { selector: '.filtered', style: { display: 'none' } },
  ] as StylesheetJson;
}
