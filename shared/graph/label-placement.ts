// Process: any (pure). Which names the graph can show without any two overlapping: the most important people
// first, each tried below, above, right and left of its node, kept only where the spot is free. A spatial grid
// keeps each test to the few labels nearby, so ten thousand candidates cost a few milliseconds.

/** A contact that could be named, in screen pixels. */
export type LabelCandidate = {
  id: string;
  x: number;
  y: number;
  /** The node's drawn radius. */
  radius: number;
  /** The label's drawn size. */
  width: number;
  height: number;
  /** Higher is placed first; pinned people (selected, hovered) are always placed. */
  priority: number;
  pinned?: boolean;
};

export type LabelSide = 'bottom' | 'top' | 'right' | 'left';
export const LABEL_SIDES: readonly LabelSide[] = ['bottom', 'top', 'right', 'left'];

export type Box = { x1: number; y1: number; x2: number; y2: number };
export type PlacedLabel = { id: string; side: LabelSide; box: Box };

export type PlacementOptions = {
  /** The screen, in the same pixels: labels that would leave it are not placed. */
  view: { w: number; h: number };
  /** Pixels between a node's rim and its label. */
  gap: number;
  /** Pixels kept free around each label so neighbours never touch. */
  margin: number;
  /** At most this many names: beyond a few hundred a screen is unreadable anyway, and each costs a restyle. */
  max: number;
  /** What names must not cover either: the people drawn on screen, so a name never hides someone. */
  obstacles?: readonly Box[];
};

export function labelBox(c: LabelCandidate, side: LabelSide, gap: number): Box {
  switch (side) {
    case 'bottom': return { x1: c.x - c.width / 2, y1: c.y + c.radius + gap, x2: c.x + c.width / 2, y2: c.y + c.radius + gap + c.height };
    case 'top': return { x1: c.x - c.width / 2, y1: c.y - c.radius - gap - c.height, x2: c.x + c.width / 2, y2: c.y - c.radius - gap };
    case 'right': return { x1: c.x + c.radius + gap, y1: c.y - c.height / 2, x2: c.x + c.radius + gap + c.width, y2: c.y + c.height / 2 };
    case 'left': return { x1: c.x - c.radius - gap - c.width, y1: c.y - c.height / 2, x2: c.x - c.radius - gap, y2: c.y + c.height / 2 };
  }
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** Candidates tried at most, in order of priority: ten thousand people on one screen leave no room to the last. */
const MAX_TRIES = 2000;

/** Grid cells are about a label's size: each box touches a handful of cells and each cell holds a few boxes. */
const CELL = 64;

export function placeLabels(candidates: readonly LabelCandidate[], { view, gap, margin, max, obstacles = [] }: PlacementOptions): PlacedLabel[] {
  const order = [...candidates].sort((a, b) => Number(!!b.pinned) - Number(!!a.pinned) || b.priority - a.priority || (a.id < b.id ? -1 : 1));
  const grid = new Map<number, Box[]>();
  // Cell keys packed in one number: x and y cells stay far below 2^15 for any screen.
  const key = (cx: number, cy: number) => (cx + 32768) * 65536 + (cy + 32768);
  const cells = (b: Box, visit: (k: number) => boolean | void) => {
    for (let cx = Math.floor(b.x1 / CELL); cx <= Math.floor(b.x2 / CELL); cx++) {
      for (let cy = Math.floor(b.y1 / CELL); cy <= Math.floor(b.y2 / CELL); cy++) if (visit(key(cx, cy)) === true) return true;
    }
    return false;
  };
  const free = (b: Box) => !cells(b, (k) => grid.get(k)?.some((o) => overlaps(o, b)));
  const onScreen = (b: Box) => b.x1 >= 0 && b.y1 >= 0 && b.x2 <= view.w && b.y2 <= view.h;
  const grow = (b: Box): Box => ({ x1: b.x1 - margin, y1: b.y1 - margin, x2: b.x2 + margin, y2: b.y2 + margin });
  const occupy = (b: Box) => cells(b, (k) => {
    const list = grid.get(k);
    if (list) list.push(b);
    else grid.set(k, [b]);
  });
  for (const b of obstacles) occupy(b);
  const placed: PlacedLabel[] = [];
  // Past this many tries a screen is too crowded for the rest to find room: stop rather than test them all.
  let tries = 0;
  for (const c of order) {
    if ((placed.length >= max || tries++ >= MAX_TRIES) && !c.pinned) break;
    // A pinned name is shown even where it must cover another: the user is pointing at that person.
    const side = LABEL_SIDES.find((s) => {
      const box = labelBox(c, s, gap);
      return onScreen(box) && free(grow(box));
    }) ?? (c.pinned ? 'bottom' : null);
    if (!side) continue;
    const box = labelBox(c, side, gap);
    occupy(grow(box));
    placed.push({ id: c.id, side, box });
  }
  return placed;
}
