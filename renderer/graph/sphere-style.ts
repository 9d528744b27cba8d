// Process: renderer. How the graph encodes the domain: colour is category, shape marks the relationships to nurture,
// size is trust, and each kind of tie has its own line.
import type { StylesheetJson } from 'cytoscape';
import type { TieKind } from '../../shared/domain/sphere.ts';
import { TIE_COLOURS, type ColourMode } from '../../shared/graph/sphere-colours.ts';
import { FILL_FIELD } from '../../shared/graph/sphere-model.ts';

export type StyleOptions = { colourBy: ColourMode; dimOverdue: boolean };


/**
 * The view's choices (colour mode, dimming) live in the stylesheet rather than in classes on every element:
 * one restyle when the user switches, instead of ten thousand class changes each rippling to the ties.
 */
export function sphereStylesheet({ colourBy, dimOverdue }: StyleOptions = { colourBy: 'category', dimOverdue: false }): StylesheetJson {
  return [
    // While a big sphere's view moves, Cytoscape scales a picture of it; what lies beyond that picture shows the
    // rings and ties drawn underneath, not a white sheet over them.
    { selector: 'core', style: { 'outside-texture-bg-opacity': 0 } },
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': `data(${FILL_FIELD[colourBy]})`,
        'border-width': 1.5,
        'border-color': '#ffffff',
        'font-family': 'system-ui, sans-serif',
        color: '#2b2a27',
        'text-outline-color': '#f6f4ef',
      },
    },
    // Names are shown where label-layer.ts found room for them, at a size that reads the same at any zoom.
    { selector: 'node.labelled', style: { label: 'data(label)', 'font-size': 'data(labelSize)', 'text-outline-width': 'data(labelOutline)', 'min-zoomed-font-size': 0 } },
    { selector: 'node.label-bottom', style: { 'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 'data(labelGap)' } },
    { selector: 'node.label-top', style: { 'text-valign': 'top', 'text-halign': 'center', 'text-margin-y': 'data(labelGapUp)' } },
    { selector: 'node.label-right', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 'data(labelGap)' } },
    { selector: 'node.label-left', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-x': 'data(labelGapUp)' } },
    // Colour by a figure (the influence score) overrides the colour mode while it is on.
    { selector: 'node[fill]', style: { 'background-color': 'data(fill)' } },
    { selector: 'node.uncertain', style: { 'border-style': 'dashed', 'border-color': '#6b665c', 'border-width': 2 } },
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
        // Ties answer no pointer: every press, hover and release would otherwise measure its distance to 30,000
        // lines (Cytoscape hit-tests every interactive element), which held a drop's redraw back.
        events: 'no',
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
    // The keyboard's place in the graph: a ring of the focus colour, and the name shown at any zoom.
    { selector: 'node.kbd-focus', style: { label: 'data(label)', 'border-color': '#2f6fb0', 'border-width': 4, 'underlay-color': '#2f6fb0', 'underlay-opacity': 0.25, 'underlay-padding': 6, 'z-index': 11, 'min-zoomed-font-size': 0, 'font-weight': 'bold', 'font-size': 16 } },
    // The selected contact's ties, brought forward over the tangle.
    { selector: 'edge.near', style: { opacity: 0.85, 'z-index': 9 } },
    { selector: 'node.near', style: { 'z-index': 9 } },
    // Last, so they win over the per-kind opacities above.
    { selector: '.faded', style: { opacity: 0.06, 'text-opacity': 0 } },
    { selector: '.filtered', style: { display: 'none' } },
  ] as StylesheetJson;
}
