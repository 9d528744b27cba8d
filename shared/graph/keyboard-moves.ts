// Process: any (pure). Moving through the sphere by keyboard: along a ring to the next contact round it, or across
// to the nearest contact in the ring inside or outside. The sphere's centre ("you") is the origin of the layout.
import { RINGS, type Ring } from '../domain/sphere.ts';

export type KeyboardMove = 'next' | 'previous' | 'inward' | 'outward';

type Node = { data: { id: string; ring: Ring; score: number }; position: { x: number; y: number } };

const TURN = 2 * Math.PI;
/** Clockwise on screen (y grows downwards), from 0 to a full turn. */
const angleOf = (p: { x: number; y: number }) => (Math.atan2(p.y, p.x) + TURN) % TURN;
const apart = (a: number, b: number) => Math.min(Math.abs(a - b), TURN - Math.abs(a - b));

/** Where keyboard travel starts: the selected contact if there is one, else the most trusted. */
export function startOf(nodes: ReadonlyMap<string, Node>, selectedId: string | null, hidden: ReadonlySet<string> | null = null): string | null {
  if (selectedId && nodes.has(selectedId) && !hidden?.has(selectedId)) return selectedId;
  let best: Node | null = null;
  for (const node of nodes.values()) if (!hidden?.has(node.data.id) && (!best || node.data.score > best.data.score)) best = node;
  return best?.data.id ?? null;
}

/**
 * The contact a move lands on, or the one it started from when there is nowhere to go (the outermost ring has no
 * outside). Contacts the filters hide are stepped over; an empty ring is crossed to the next one that has someone.
 */
export function keyboardMove(nodes: ReadonlyMap<string, Node>, fromId: string, move: KeyboardMove, hidden: ReadonlySet<string> | null = null): string {
  const from = nodes.get(fromId);
  if (!from) return fromId;
  const here = angleOf(from.position);
  const inRing = (ring: Ring) => [...nodes.values()].filter((n) => n.data.ring === ring && !hidden?.has(n.data.id));
  if (move === 'next' || move === 'previous') {
    const ring = inRing(from.data.ring).filter((n) => n.data.id !== fromId);
    if (ring.length === 0) return fromId;
    // The smallest turn in the chosen direction; a full turn for a contact at the very same angle.
    const turn = (n: Node) => {
      const d = move === 'next' ? angleOf(n.position) - here : here - angleOf(n.position);
      const t = (d + TURN) % TURN;
      return t === 0 ? TURN : t;
    };
    return ring.reduce((best, n) => (turn(n) < turn(best) ? n : best)).data.id;
  }
  const step = move === 'inward' ? -1 : 1;
  for (let i = RINGS.indexOf(from.data.ring) + step; i >= 0 && i < RINGS.length; i += step) {
    const ring = inRing(RINGS[i]!);
    if (ring.length) return ring.reduce((best, n) => (apart(angleOf(n.position), here) < apart(angleOf(best.position), here) ? n : best)).data.id;
  }
  return fromId;
}
