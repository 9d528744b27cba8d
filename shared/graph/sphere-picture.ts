// Process: any (pure). The sphere's opening picture: what the host, which already holds the store's parsed
// documents, sends the window first so it can paint the sphere before its own copy of tens of thousands of
// documents has arrived. It is the same graph model the window will build, reduced to what the opening
// picture needs (positions, sizes, fills, ties), in flat arrays: for 10,000 contacts and 30,000 ties about half a
// megabyte of JSON instead of twenty.
import { z } from 'zod';
import { CATEGORIES, RINGS, TIE_KINDS, type TieKind } from '../domain/sphere.ts';
import type { GraphEdge, GraphNode, NodeData, SphereGraphModel } from './sphere-model.ts';
import { hitTest } from './sphere-layout.ts';

const coordinate = z.number().finite();

export const SpherePictureSchema = z.object({
  sectors: z.array(z.object({ category: z.enum(CATEGORIES), startAngle: coordinate, endAngle: coordinate, count: z.number().int().nonnegative() })),
  rings: z.array(z.object({ ring: z.enum(RINGS), inner: coordinate, outer: coordinate })),
  centreRadius: coordinate,
  outerRadius: coordinate,
  /** x and y of each contact, interleaved. */
  xy: z.array(coordinate),
  /** Each contact's id, name and trust score: the picture answers a click, a hover or a drag before the documents arrive. */
  ids: z.array(z.string().max(200)).default([]),
  labels: z.array(z.string().max(500)).default([]),
  scores: z.array(z.number().finite()).default([]),
  size: z.array(coordinate),
  /** Every colour used; the fill arrays index into it, one entry per contact and colour mode. */
  colours: z.array(z.string().max(32)),
  fill: z.object({ category: z.array(z.number().int()), stage: z.array(z.number().int()), touch: z.array(z.number().int()), trust: z.array(z.number().int()) }),
  /** Indices of contacts past due for a touch. */
  overdue: z.array(z.number().int()),
  /** The user's setting to fade overdue contacts, so the picture fades them as the window will. */
  dimOverdue: z.boolean(),
  /** Per kind of tie, the pairs of contact indices it joins, flattened: from, to, from, to… */
  ties: z.object(Object.fromEntries(TIE_KINDS.map((kind) => [kind, z.array(z.number().int())])) as Record<TieKind, z.ZodArray<z.ZodNumber>>),
});
export type SpherePicture = z.infer<typeof SpherePictureSchema>;

/** Positions are kept to a tenth of a layout unit: far below a pixel at any zoom the sphere is shown at. */
const tenth = (n: number) => Math.round(n * 10) / 10;

export function pictureOf(model: SphereGraphModel, view: { dimOverdue: boolean }): SpherePicture {
  const index = new Map<string, number>();
  const colours: string[] = [];
  const colourIndex = new Map<string, number>();
  const colour = (c: string) => {
    let i = colourIndex.get(c);
    if (i === undefined) colourIndex.set(c, (i = colours.push(c) - 1));
    return i;
  };
  const picture: SpherePicture = {
    sectors: model.layout.sectors,
    rings: model.layout.rings,
    centreRadius: model.layout.centreRadius,
    outerRadius: model.layout.outerRadius,
    xy: [],
    ids: [],
    labels: [],
    scores: [],
    size: [],
    colours,
    fill: { category: [], stage: [], touch: [], trust: [] },
    overdue: [],
    dimOverdue: view.dimOverdue,
    ties: { referral: [], influence: [], partner: [], personal: [] },
  };
  for (const { data, position } of model.nodes.values()) {
    const i = picture.size.length;
    index.set(data.id, i);
    picture.xy.push(tenth(position.x), tenth(position.y));
    picture.ids.push(data.id);
    picture.labels.push(data.label);
    picture.scores.push(Math.round(data.score));
    picture.size.push(data.size);
    picture.fill.category.push(colour(data.categoryFill));
    picture.fill.stage.push(colour(data.stageFill));
    picture.fill.touch.push(colour(data.touchFill));
    picture.fill.trust.push(colour(data.trustFill));
    if (data.overdue) picture.overdue.push(i);
  }
  for (const { data } of model.edges.values()) {
    const from = index.get(data.source);
    const to = index.get(data.target);
    if (from !== undefined && to !== undefined) picture.ties[data.kind].push(from, to);
  }
  return picture;
}

/**
 * A model that paints exactly as the picture's source did, with each contact's id, name, score, ring and sector (from
 * where it is drawn), so the picture can answer a click or a hover. Its stages, marks and ties' ids are stand-ins:
 * only for painting and for answering the pointer.
 */
export function modelOfPicture(picture: SpherePicture): SphereGraphModel {
  const nodes = new Map<string, GraphNode>();
  const overdue = new Set(picture.overdue);
  const positions = new Map<string, { x: number; y: number }>();
  const colourOf = (i: number | undefined) => picture.colours[i ?? -1] ?? '#999999';
  picture.size.forEach((size, i) => {
    const id = picture.ids[i] ?? `picture-${i}`;
    const position = { x: picture.xy[2 * i] ?? 0, y: picture.xy[2 * i + 1] ?? 0 };
    positions.set(id, position);
    const place = picture.rings.length > 0 ? hitTest(position, picture) : null;
    const data: NodeData = {
      id, label: picture.labels[i] ?? '', category: place && 'category' in place ? place.category : 'acquaintance', ring: place && 'ring' in place ? place.ring : 'know',
      size, score: picture.scores[i] ?? 0, mark: 'plain', stage: 'prospect',
      overdue: overdue.has(i),
      categoryFill: colourOf(picture.fill.category[i]),
      stageFill: colourOf(picture.fill.stage[i]),
      touchFill: colourOf(picture.fill.touch[i]),
      trustFill: colourOf(picture.fill.trust[i]),
    };
    nodes.set(id, { data, position });
  });
  const ids = [...nodes.keys()];
  const edges = new Map<string, GraphEdge>();
  for (const kind of TIE_KINDS) {
    const pairs = picture.ties[kind];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const id = `picture-${kind}-${i}`;
      edges.set(id, { data: { id, source: ids[pairs[i]!] ?? '', target: ids[pairs[i + 1]!] ?? '', kind, width: 1 } });
    }
  }
  return {
    nodes,
    edges,
    layout: { positions, sectors: picture.sectors, rings: picture.rings, centreRadius: picture.centreRadius, outerRadius: picture.outerRadius },
    scores: new Map(),
  };
}
