// Process: renderer. Which contact of a painted picture is under the pointer: a grid over the contacts' positions,
// so the still picture of ten thousand contacts answers a hover in microseconds, without Cytoscape.
import type { SphereGraphModel } from '../../shared/graph/sphere-model.ts';

export type PictureHits = {
  /** The contact drawn on top at this point of the model's plane, within `slop` units of its rim; null if none. */
  at(point: { x: number; y: number }, slop?: number): string | null;
};

const indexed = new WeakMap<SphereGraphModel['nodes'], PictureHits>();

/** The grid of a model's contacts, made on the first question and kept while its contacts are the same. */
export function hitsOf(model: SphereGraphModel): PictureHits {
  let hits = indexed.get(model.nodes);
  if (!hits) indexed.set(model.nodes, (hits = indexPicture(model)));
  return hits;
}

/** Layout units per cell: about a large contact's diameter, so a point looks at a handful of contacts. */
const CELL = 48;

export function indexPicture(model: SphereGraphModel): PictureHits {
  const cells = new Map<number, number[]>();
  const ids: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  const rs: number[] = [];
  const key = (cx: number, cy: number) => cx * 0x10000 + cy;
  const cellOf = (v: number) => Math.floor(v / CELL);
  for (const { data, position } of model.nodes.values()) {
    const i = ids.push(data.id) - 1;
    xs.push(position.x);
    ys.push(position.y);
    const r = data.size / 2;
    rs.push(r);
    for (let cx = cellOf(position.x - r); cx <= cellOf(position.x + r); cx++) {
      for (let cy = cellOf(position.y - r); cy <= cellOf(position.y + r); cy++) {
        const k = key(cx, cy);
        const list = cells.get(k);
        if (list) list.push(i);
        else cells.set(k, [i]);
      }
    }
  }
  return {
    at({ x, y }, slop = 0) {
      let best = -1;
      // A slop wider than a cell (a far-out zoom) looks at the neighbouring cells too.
      const reach = Math.ceil(slop / CELL);
      for (let cx = cellOf(x) - reach; cx <= cellOf(x) + reach; cx++) {
        for (let cy = cellOf(y) - reach; cy <= cellOf(y) + reach; cy++) {
          for (const i of cells.get(key(cx, cy)) ?? []) {
            // Cytoscape draws later contacts over earlier ones: the highest index under the point wins.
            if (i > best && Math.hypot(x - xs[i]!, y - ys[i]!) <= rs[i]! + slop) best = i;
          }
        }
      }
      return best < 0 ? null : ids[best]!;
    },
  };
}
