// Process: any (pure). Level of detail for ties. Drawn one by one, 30,000 ties cost every frame a quarter of a
// second and say nothing a reader can follow at sphere zoom. What the user reads there is how much flows between
// parts of the sphere: so a big sphere's ties are bundled, one line per pair of cells (ring × sector) and kind,
// as wide as the ties it carries. Zoomed in far enough that few ties touch the view, they are drawn one by one.
import type { Category, Ring, TieKind } from '../domain/sphere.ts';
import type { GraphEdge, SphereGraphModel } from './sphere-model.ts';

type Point = { x: number; y: number };

export type TieBundle = {
  kind: TieKind;
  /** Where the bundle starts and ends: the middle of each cell's contacts as drawn. */
  from: Point;
  to: Point;
  /** Ties it stands for. */
  count: number;
  /** The cells it joins, `ring|category`, in the order of `from` and `to`. */
  cells: [string, string];
};

/** Above this many ties on screen a view draws bundles; at or below, each tie. */
export const INDIVIDUAL_TIES_UP_TO = 4000;

/** Above this many ties in all, the graph draws ties with this level of detail instead of as graph elements. */
export const TIE_DETAIL_ABOVE = 2500;

const cellOf = (ring: Ring, category: Category) => `${ring}|${category}`;

/**
 * One bundle per pair of cells and kind, for the ties whose both ends are drawn (`hidden` people are left out) and
 * which are not drawn elsewhere (`skip`: the selection's own ties, drawn one by one over everything).
 * A tie within one cell joins neighbours a few pixels apart: no bundle says anything about it, so it has none.
 */
export function bundleTies(model: SphereGraphModel, hidden: ReadonlySet<string> | null = null, skip: ReadonlySet<string> | null = null, positionOf: (id: string) => Point | undefined = (id) => model.nodes.get(id)?.position): TieBundle[] {
  // The middle of each cell: the mean of its people's positions (a sector's arc bends, so its cell's middle
  // is where its people are, not the middle of its angle).
  const sums = new Map<string, { x: number; y: number; n: number }>();
  const cellById = new Map<string, string>();
  for (const { data } of model.nodes.values()) {
    if (hidden?.has(data.id)) continue;
    const at = positionOf(data.id);
    if (!at) continue;
    const cell = cellOf(data.ring, data.category);
    cellById.set(data.id, cell);
    const sum = sums.get(cell);
    if (sum) {
      sum.x += at.x;
      sum.y += at.y;
      sum.n++;
    } else sums.set(cell, { x: at.x, y: at.y, n: 1 });
  }
  const bundles = new Map<string, TieBundle>();
  for (const { data } of model.edges.values()) {
    if (skip?.has(data.id)) continue;
    const a = cellById.get(data.source);
    const b = cellById.get(data.target);
    if (!a || !b || a === b) continue;
    // Referrals have a direction; the other kinds join two cells either way round.
    const [first, second] = data.kind === 'referral' || a < b ? [a, b] : [b, a];
    const key = `${data.kind}|${first}|${second}`;
    const bundle = bundles.get(key);
    if (bundle) bundle.count++;
    else {
      const f = sums.get(first)!;
      const s = sums.get(second)!;
      bundles.set(key, { kind: data.kind, from: { x: f.x / f.n, y: f.y / f.n }, to: { x: s.x / s.n, y: s.y / s.n }, count: 1, cells: [first, second] });
    }
  }
  return [...bundles.values()];
}

/** Pixels wide a bundle of `count` ties is drawn: a single tie as a tie, a thousand as a thick band, never wider. */
export function bundleWidth(count: number): number {
  return Math.min(14, 1 + Math.sqrt(count) * 0.45);
}

/**
 * The ties with an end inside `box` (model units), in model order, or null once there are more than `upTo`:
 * the view then shows bundles. Hidden people's ties, and `skip`ped ones, are not counted.
 */
export function tiesInView(
  model: SphereGraphModel,
  box: { x1: number; y1: number; x2: number; y2: number },
  positionOf: (id: string) => Point | undefined,
  options: { upTo?: number; hidden?: ReadonlySet<string> | null; skip?: ReadonlySet<string> | null } = {},
): GraphEdge[] | null {
  const upTo = options.upTo ?? INDIVIDUAL_TIES_UP_TO;
  const inside = (p: Point) => p.x >= box.x1 && p.x <= box.x2 && p.y >= box.y1 && p.y <= box.y2;
  const found: GraphEdge[] = [];
  for (const edge of model.edges.values()) {
    const { id, source, target } = edge.data;
    if (options.skip?.has(id) || options.hidden?.has(source) || options.hidden?.has(target)) continue;
    const a = positionOf(source);
    const b = positionOf(target);
    if (!a || !b) continue;
    // An end on screen, or a line that crosses it (both ends off screen on either side).
    if (inside(a) || inside(b) || crosses(a, b, box)) {
      if (found.length === upTo) return null;
      found.push(edge);
    }
  }
  return found;
}

/** Whether the segment a–b passes through the box (Liang–Barsky clipping). */
function crosses(a: Point, b: Point, box: { x1: number; y1: number; x2: number; y2: number }): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [[-dx, a.x - box.x1], [dx, box.x2 - a.x], [-dy, a.y - box.y1], [dy, box.y2 - a.y]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

const adjacency = new WeakMap<SphereGraphModel['edges'], Map<string, string[]>>();

/** Each person's ties by id, made once per set of ties. */
export function tiesByPerson(model: SphereGraphModel): Map<string, string[]> {
  let byPerson = adjacency.get(model.edges);
  if (!byPerson) {
    byPerson = new Map();
    for (const { data } of model.edges.values()) {
      for (const end of [data.source, data.target]) {
        const list = byPerson.get(end);
        if (list) list.push(data.id);
        else byPerson.set(end, [data.id]);
      }
    }
    adjacency.set(model.edges, byPerson);
  }
  return byPerson;
}

/**
 * The ties to draw one by one over the bundles: every tie of the `centres`, and with `depth` 2 every tie of their
 * neighbours too (a focus two ties deep shows the ties between the neighbours as well).
 */
export function spotlightTies(model: SphereGraphModel, centres: readonly string[], depth: 1 | 2 = 1): Set<string> {
  const byPerson = tiesByPerson(model);
  const ties = new Set<string>();
  let people = new Set(centres.filter((id) => model.nodes.has(id)));
  for (let step = 0; step < depth; step++) {
    const next = new Set<string>();
    for (const person of people) {
      for (const tie of byPerson.get(person) ?? []) {
        ties.add(tie);
        const { source, target } = model.edges.get(tie)!.data;
        next.add(source === person ? target : source);
      }
    }
    people = next;
  }
  return ties;
}
