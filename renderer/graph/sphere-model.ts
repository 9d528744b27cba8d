// Process: renderer (no DOM). Documents in, graph out: Cytoscape element data with positions, and the diff
// from the previous graph, so the component changes only what changed.
import { DEFAULT_TRUST_WEIGHTS, trustScore, type TrustScore, type TrustWeights } from '../../shared/domain/trust-score.ts';
import { cadenceUsed, DEFAULT_CADENCE, touchDue, type Cadence } from '../../shared/domain/cadence.ts';
import { CATEGORY_COLOURS, STAGE_COLOURS, touchColour } from './sphere-style.ts';
import { layoutSphere, type SphereLayout } from '../../shared/graph/sphere-layout.ts';
import type { Category, TieKind } from '../../shared/domain/sphere.ts';
import type { ContactDoc, DealDoc, TieDoc, TouchDoc } from '../../shared/schemas/index.ts';

export type NodeData = {
  id: string;
  label: string;
  category: Category;
  ring: ContactDoc['ring'];
  /** Diameter in layout units, from the trust score. */
  size: number;
  score: number;
  /** 'coi', 'partner' or 'plain': drawn as different shapes. */
  mark: 'coi' | 'partner' | 'plain';
  stage: ContactDoc['stage'];
  /** Past due for a touch by the ring's cadence. */
  overdue: boolean;
  /** Fill for each colour mode: category (default), customer stage, time since the last touch. */
  categoryFill: string;
  stageFill: string;
  touchFill: string;
};

export type EdgeData = { id: string; source: string; target: string; kind: TieKind; width: number };

export type GraphNode = { data: NodeData; position: { x: number; y: number } };
export type GraphEdge = { data: EdgeData };

export type SphereGraphModel = {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  layout: SphereLayout;
  scores: Map<string, TrustScore>;
};

export type SphereDocs = { contacts: ContactDoc[]; ties: TieDoc[]; touches: TouchDoc[]; deals: DealDoc[] };

export const MIN_NODE = 14;
export const MAX_NODE = 46;

export function nodeSize(score: number): number {
  return Math.round(MIN_NODE + ((MAX_NODE - MIN_NODE) * Math.max(0, Math.min(100, score))) / 100);
}

export type ModelOptions = { weights?: TrustWeights; cadence?: Cadence };

export function buildSphereModel(docs: SphereDocs, now: number, options: ModelOptions = {}): SphereGraphModel {
  const weights = options.weights ?? DEFAULT_TRUST_WEIGHTS;
  const cadence = options.cadence ?? DEFAULT_CADENCE;
  const touchesBy = groupBy(docs.touches, (t) => t.contactId);
  const dealsBy = groupBy(docs.deals, (d) => d.contactId);
  const referralsBy = new Map<string, number>();
  for (const tie of docs.ties) if (tie.kind === 'referral') referralsBy.set(tie.from, (referralsBy.get(tie.from) ?? 0) + 1);

  const scores = new Map<string, TrustScore>();
  const nodeData: NodeData[] = docs.contacts.map((c) => {
    const touches = touchesBy.get(c.id) ?? [];
    const score = trustScore({ ring: c.ring, touches, referralsGiven: referralsBy.get(c.id) ?? 0, dealCount: dealsBy.get(c.id)?.length ?? 0, now }, weights);
    const lastTouch = touches.reduce<number | undefined>((m, t) => (t.kind === 'stageChange' ? m : Math.max(m ?? 0, t.at)), undefined);
    scores.set(c.id, score);
    return {
      id: c.id,
      label: c.name,
      category: c.category,
      ring: c.ring,
      size: nodeSize(score.score),
      score: score.score,
      mark: c.roles.includes('centerOfInfluence') ? 'coi' : c.roles.includes('hostBeneficiary') ? 'partner' : 'plain',
      stage: c.stage,
      overdue: touchDue(c.ring, lastTouch, c.createdAt, now, cadence).status === 'overdue',
      categoryFill: CATEGORY_COLOURS[c.category],
      stageFill: STAGE_COLOURS[c.stage],
      touchFill: touchColour(cadenceUsed(c.ring, lastTouch, now, cadence)),
    };
  });
  const layout = layoutSphere(nodeData.map((n) => ({ id: n.id, ring: n.ring, category: n.category, size: n.size, label: n.label })));
  const nodes = new Map<string, GraphNode>();
  for (const data of nodeData) nodes.set(data.id, { data, position: layout.positions.get(data.id)! });

  const edges = new Map<string, GraphEdge>();
  for (const tie of docs.ties) {
    if (!nodes.has(tie.from) || !nodes.has(tie.to)) continue;
    // Referral width grows with what the referral was worth, gently: a big deal should stand out, not shout.
    const width = tie.kind === 'referral' && tie.value ? Math.min(3.5, 1 + Math.log10(1 + tie.value / 100) / 1.5) : 1;
    edges.set(tie.id, { data: { id: tie.id, source: tie.from, target: tie.to, kind: tie.kind, width: Math.round(width * 10) / 10 } });
  }
  return { nodes, edges, layout, scores };
}

/** The same model with only the ties of the kinds the user has switched on. */
export function withTieKinds(model: SphereGraphModel, visible: Record<TieKind, boolean>): SphereGraphModel {
  if ((Object.keys(visible) as TieKind[]).every((k) => visible[k])) return model;
  const edges = new Map<string, GraphEdge>();
  for (const [id, edge] of model.edges) if (visible[edge.data.kind]) edges.set(id, edge);
  return { ...model, edges };
}

export type GraphDiff = {
  addNodes: GraphNode[];
  updateNodes: GraphNode[];
  moveNodes: GraphNode[];
  removeNodes: string[];
  addEdges: GraphEdge[];
  updateEdges: GraphEdge[];
  removeEdges: string[];
};

export function diffModels(previous: SphereGraphModel | null, next: SphereGraphModel): GraphDiff {
  const diff: GraphDiff = { addNodes: [], updateNodes: [], moveNodes: [], removeNodes: [], addEdges: [], updateEdges: [], removeEdges: [] };
  const prevNodes = previous?.nodes ?? new Map<string, GraphNode>();
  const prevEdges = previous?.edges ?? new Map<string, GraphEdge>();
  for (const [id, node] of next.nodes) {
    const old = prevNodes.get(id);
    if (!old) diff.addNodes.push(node);
    else {
      if (!sameData(old.data, node.data)) diff.updateNodes.push(node);
      if (old.position.x !== node.position.x || old.position.y !== node.position.y) diff.moveNodes.push(node);
    }
  }
  for (const id of prevNodes.keys()) if (!next.nodes.has(id)) diff.removeNodes.push(id);
  for (const [id, edge] of next.edges) {
    const old = prevEdges.get(id);
    if (!old) diff.addEdges.push(edge);
    else if (!sameData(old.data, edge.data)) diff.updateEdges.push(edge);
  }
  for (const id of prevEdges.keys()) if (!next.edges.has(id)) diff.removeEdges.push(id);
  return diff;
}

function sameData<T extends object>(a: T, b: T): boolean {
  for (const key of Object.keys(b) as (keyof T)[]) if (a[key] !== b[key]) return false;
  return true;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
