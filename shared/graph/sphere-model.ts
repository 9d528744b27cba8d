// Process: any (pure). Documents in, graph out: Cytoscape element data with positions, and the diff
// from the previous graph, so the component changes only what changed.
import { DEFAULT_TRUST_WEIGHTS, trustScore, type TrustScore, type TrustWeights } from '../domain/trust-score.ts';
import { cadenceUsed, DEFAULT_CADENCE, touchDue, type Cadence } from '../domain/cadence.ts';
import { CATEGORY_COLOURS, STAGE_COLOURS, touchColour, trustColour, type ColourMode } from './sphere-colours.ts';
import { layoutSphere, type SphereLayout } from './sphere-layout.ts';
import type { Category, CustomerStage, TieKind } from '../domain/sphere.ts';
import { customerStage, DEFAULT_LIFE_CYCLE, referralValues, type LifeCycleSettings } from '../domain/life-cycle.ts';
import type { ContactDoc, DealDoc, TieDoc, TouchDoc } from '../schemas/index.ts';

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
  /** Derived from deals and touches unless set by hand (customerStage): computed here, never stored. */
  stage: CustomerStage;
  /** Past due for a touch by the ring's cadence. */
  overdue: boolean;
  /** Fill for each colour mode: category (default), customer stage, time since the last touch. */
  categoryFill: string;
  stageFill: string;
  touchFill: string;
  trustFill: string;
};

/** Which of a node's fills each colour mode shows: the stylesheet, the still picture and the drag ghost read it. */
export const FILL_FIELD: Record<ColourMode, 'categoryFill' | 'stageFill' | 'touchFill' | 'trustFill'> = { category: 'categoryFill', stage: 'stageFill', touch: 'touchFill', trust: 'trustFill' };

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

export type ModelOptions = { weights?: TrustWeights; cadence?: Cadence; lifeCycle?: LifeCycleSettings };

export function buildSphereModel(docs: SphereDocs, now: number, options: ModelOptions = {}): SphereGraphModel {
  return createModelBuilder().build(docs, now, options);
}

/** How far the clock may move before every contact's time-based values (decay, due dates) are computed again. */
export const CLOCK_SLACK_MS = 60_000;

export type ModelBuilder = {
  /** The model for these documents; contacts whose documents did not change keep their previous node data. */
  build(docs: SphereDocs, now: number, options?: ModelOptions): SphereGraphModel;
  /** How many contacts the last build scored (all of them, or only the changed ones). */
  readonly lastScored: number;
};

/**
 * Builds the graph model again after each change, but scores only the contacts the change touched. RxDB hands
 * back the very same (frozen) data object for a document that did not change, so identity tells what is new:
 * on a big sphere one logged touch re-scores one contact instead of ten thousand. Ties and the layout are
 * cheap and always recomputed, so positions are exactly those of a build from scratch.
 */
export function createModelBuilder(): ModelBuilder {
  let previous: {
    docs: SphereDocs;
    contacts: Map<string, ContactDoc>;
    node: Map<string, NodeData>;
    scores: Map<string, TrustScore>;
    referrals: Map<string, number>;
    /** The clock of the last full build, and the settings it used. */
    clock: number;
    weights: TrustWeights;
    cadence: Cadence;
    lifeCycle: LifeCycleSettings;
  } | null = null;
  let lastScored = 0;

  return {
    get lastScored() {
      return lastScored;
    },
    build(docs, now, options = {}) {
      const weights = options.weights ?? DEFAULT_TRUST_WEIGHTS;
      const cadence = options.cadence ?? DEFAULT_CADENCE;
      const lifeCycle = options.lifeCycle ?? DEFAULT_LIFE_CYCLE;
      const touchesBy = groupBy(docs.touches, (t) => t.contactId);
      const dealsBy = groupBy(docs.deals, (d) => d.contactId);
      const referrals = new Map<string, number>();
      for (const tie of docs.ties) if (tie.kind === 'referral') referrals.set(tie.from, (referrals.get(tie.from) ?? 0) + 1);

      const reuse = previous !== null && previous.weights === weights && previous.cadence === cadence && previous.lifeCycle === lifeCycle && Math.abs(now - previous.clock) <= CLOCK_SLACK_MS;
      const dirty = reuse ? changedContacts(previous!, docs, referrals) : null;
      const contacts = new Map<string, ContactDoc>();
      const node = new Map<string, NodeData>();
      const scores = new Map<string, TrustScore>();
      lastScored = 0;
      for (const c of docs.contacts) {
        contacts.set(c.id, c);
        const kept = dirty && !dirty.has(c.id) ? previous!.node.get(c.id) : undefined;
        if (kept && previous!.contacts.get(c.id) === c) {
          node.set(c.id, kept);
          scores.set(c.id, previous!.scores.get(c.id)!);
          continue;
        }
        lastScored++;
        const { data, score } = contactNode(c, touchesBy.get(c.id) ?? [], dealsBy.get(c.id) ?? [], referrals.get(c.id) ?? 0, now, { weights, cadence, lifeCycle });
        node.set(c.id, data);
        scores.set(c.id, score);
      }
      previous = { docs, contacts, node, scores, referrals, clock: reuse ? previous!.clock : now, weights, cadence, lifeCycle };
      return assemble([...node.values()], scores, docs.ties, docs.deals);
    },
  };
}

/** Contacts whose own document, touches, deals or referral count differ from the previous build's. */
function changedContacts(previous: { docs: SphereDocs; referrals: Map<string, number> }, docs: SphereDocs, referrals: Map<string, number>): Set<string> {
  const dirty = new Set<string>();
  const compare = <T extends { contactId: string }>(before: readonly T[], after: readonly T[]) => {
    if (before === after) return;
    const old = new Set(before);
    const now = new Set(after);
    for (const item of after) if (!old.has(item)) dirty.add(item.contactId);
    for (const item of before) if (!now.has(item)) dirty.add(item.contactId);
  };
  compare(previous.docs.touches, docs.touches);
  compare(previous.docs.deals, docs.deals);
  for (const [id, n] of referrals) if (previous.referrals.get(id) !== n) dirty.add(id);
  for (const id of previous.referrals.keys()) if (!referrals.has(id)) dirty.add(id);
  return dirty;
}

type Settings = { weights: TrustWeights; cadence: Cadence; lifeCycle: LifeCycleSettings };

function contactNode(c: ContactDoc, touches: TouchDoc[], deals: DealDoc[], referralsGiven: number, now: number, { weights, cadence, lifeCycle }: Settings): { data: NodeData; score: TrustScore } {
  const score = trustScore({ ring: c.ring, touches, referralsGiven, dealCount: deals.length, now }, weights);
  const stage = customerStage(c, deals, touches, now, lifeCycle);
  const lastTouch = touches.reduce<number | undefined>((m, t) => (t.kind === 'stageChange' ? m : Math.max(m ?? 0, t.at)), undefined);
  const data: NodeData = {
    id: c.id,
    label: c.name,
    category: c.category,
    ring: c.ring,
    size: nodeSize(score.score),
    score: score.score,
    mark: c.roles.includes('centerOfInfluence') ? 'coi' : c.roles.includes('hostBeneficiary') ? 'partner' : 'plain',
    stage,
    overdue: touchDue(c.ring, lastTouch, c.createdAt, now, cadence).status === 'overdue',
    categoryFill: CATEGORY_COLOURS[c.category],
    stageFill: STAGE_COLOURS[stage],
    touchFill: touchColour(cadenceUsed(c.ring, lastTouch, now, cadence)),
    trustFill: trustColour(score.score),
  };
  return { data, score };
}

function assemble(nodeData: NodeData[], scores: Map<string, TrustScore>, ties: readonly TieDoc[], deals: readonly DealDoc[]): SphereGraphModel {
  const layout = layoutSphere(nodeData.map((n) => ({ id: n.id, ring: n.ring, category: n.category, size: n.size, label: n.label })));
  const nodes = new Map<string, GraphNode>();
  for (const data of nodeData) nodes.set(data.id, { data, position: layout.positions.get(data.id)! });

  const edges = new Map<string, GraphEdge>();
  const worth = referralValues(deals);
  for (const tie of ties) {
    if (!nodes.has(tie.from) || !nodes.has(tie.to)) continue;
    // Referral width grows with what the referral was worth, gently: a big deal should stand out, not shout.
    // Amounts in different currencies are added as they are: a line's weight is a glance, not a sum to read.
    const value = tie.kind === 'referral' ? Object.values(worth.get(tie.id) ?? {}).reduce((sum, v) => sum + v, 0) : 0;
    const width = value ? Math.min(3.5, 1 + Math.log10(1 + value / 100) / 1.5) : 1;
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
