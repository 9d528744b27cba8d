// Process: any (pure). Where each contact sits in the sphere: you at the centre, rings inside out
// (Trust, Like, Know, Prospects), one sector per category. Also the inverse: which ring and sector a point is in.
import { CATEGORIES, RINGS, type Category, type Ring } from '../domain/sphere.ts';

export type LayoutNode = { id: string; ring: Ring; category: Category; /** Diameter in layout units. */ size: number; label?: string };

export type SectorArc = { category: Category; startAngle: number; endAngle: number; count: number };
export type RingBand = { ring: Ring; inner: number; outer: number };

export type SphereLayout = {
  positions: Map<string, { x: number; y: number }>;
  sectors: SectorArc[];
  rings: RingBand[];
  centreRadius: number;
  outerRadius: number;
};

export type LayoutOptions = {
  /** Radius of "you" in the middle. */
  centreRadius?: number;
  /** Every sector keeps at least this angle (radians), so an empty one can still take a drop. */
  minSectorAngle?: number;
  /** Narrowest a ring band may be, so an empty ring stays visible and droppable. */
  minBandWidth?: number;
  /** Space between neighbouring nodes, in layout units. */
  gap?: number;
};

const TAU = Math.PI * 2;
/** Sectors start at twelve o'clock and run clockwise, as people read a dial. */
const START = -Math.PI / 2;

export function sectorAngles(counts: Record<Category, number>, minAngle: number): SectorArc[] {
  const total = CATEGORIES.reduce((sum, c) => sum + counts[c], 0);
  const floor = Math.min(minAngle, TAU / CATEGORIES.length);
  let angles: Record<Category, number>;
  if (total === 0) {
    angles = Object.fromEntries(CATEGORIES.map((c) => [c, TAU / CATEGORIES.length])) as Record<Category, number>;
  } else {
    // Give small sectors their floor, then share what is left among the rest by count; repeat until stable.
    const fixed = new Set<Category>();
    angles = {} as Record<Category, number>;
    for (;;) {
      const free = CATEGORIES.filter((c) => !fixed.has(c));
      const left = TAU - fixed.size * floor;
      const freeTotal = free.reduce((sum, c) => sum + counts[c], 0);
      let changed = false;
      for (const c of free) {
        const share = freeTotal === 0 ? left / free.length : (left * counts[c]) / freeTotal;
        if (share < floor) {
          fixed.add(c);
          changed = true;
        }
        angles[c] = share;
      }
      if (!changed) break;
    }
    for (const c of fixed) angles[c] = floor;
  }
  let at = START;
  return CATEGORIES.map((category) => {
    const arc = { category, startAngle: at, endAngle: at + angles[category], count: counts[category] };
    at += angles[category];
    return arc;
  });
}

export function layoutSphere(nodes: readonly LayoutNode[], options: LayoutOptions = {}): SphereLayout {
  const centreRadius = options.centreRadius ?? 60;
  const minBand = options.minBandWidth ?? 90;
  const gap = options.gap ?? 6;
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const cells = new Map<string, LayoutNode[]>();
  for (const node of nodes) {
    counts[node.category]++;
    const key = `${node.ring}|${node.category}`;
    const cell = cells.get(key);
    if (cell) cell.push(node);
    else cells.set(key, [node]);
  }
  const sectors = sectorAngles(counts, options.minSectorAngle ?? (24 * Math.PI) / 180);
  const positions = new Map<string, { x: number; y: number }>();
  const rings: RingBand[] = [];
  let inner = centreRadius + 20;

  for (const ring of RINGS) {
    let outer = inner + minBand;
    for (const sector of sectors) {
      const cell = cells.get(`${ring}|${sector.category}`);
      if (!cell) continue;
      // Stable order (by name, then id) so a node does not jump when an unrelated contact changes.
      cell.sort((a, b) => (a.label ?? a.id).localeCompare(b.label ?? b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const spacing = cell.reduce((m, n) => Math.max(m, n.size), 0) + gap;
      const arc = sector.endAngle - sector.startAngle;
      let placed = 0;
      let radius = inner + spacing / 2 + gap;
      while (placed < cell.length) {
        // Keep half a node clear of the sector's edges so neighbours across the border never touch.
        const usable = Math.max(0, arc * radius - spacing);
        const capacity = Math.max(1, Math.floor(usable / spacing) + 1);
        const onTrack = Math.min(capacity, cell.length - placed);
        const pad = spacing / 2 / radius;
        const step = onTrack > 1 ? (arc - 2 * pad) / (onTrack - 1) : 0;
        const first = onTrack > 1 ? sector.startAngle + pad : sector.startAngle + arc / 2;
        for (let j = 0; j < onTrack; j++) {
          const angle = first + j * step;
          positions.set(cell[placed + j]!.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
        }
        placed += onTrack;
        outer = Math.max(outer, radius + spacing / 2 + gap);
        radius += spacing;
      }
    }
    rings.push({ ring, inner, outer });
    inner = outer;
  }
  return { positions, sectors, rings, centreRadius, outerRadius: inner };
}

export type DropTarget = { ring: Ring; category: Category } | { outside: 'centre' | 'beyond' };

/** Which ring and sector a point (layout coordinates) falls in: where a dragged contact was dropped. */
export function hitTest(point: { x: number; y: number }, layout: Pick<SphereLayout, 'rings' | 'sectors' | 'centreRadius'>): DropTarget {
  const r = Math.hypot(point.x, point.y);
  if (r <= layout.rings[0]!.inner) return { outside: 'centre' };
  const band = layout.rings.find((b) => r < b.outer);
  if (!band) return { outside: 'beyond' };
  let angle = Math.atan2(point.y, point.x);
  while (angle < START) angle += TAU;
  while (angle >= START + TAU) angle -= TAU;
  const sector = layout.sectors.find((s) => angle >= s.startAngle && angle < s.endAngle) ?? layout.sectors[layout.sectors.length - 1]!;
  return { ring: band.ring, category: sector.category };
}
