// Process: any (pure). The sphere as a table of nodes and edges with typed attributes: what the graph file formats
// (GEXF, GraphML) write. Derived values (stage, trust score, lifetime value) come from the one graph model.
import type { SphereGraphModel } from '../graph/sphere-model.ts';
import type { ContactDoc, DealDoc } from '../schemas/index.ts';

export type AttributeType = 'string' | 'integer' | 'double' | 'boolean';

export type Attribute = { id: string; title: string; type: AttributeType };

export const NODE_ATTRIBUTES = [
  { id: 'ring', title: 'Ring', type: 'string' },
  { id: 'category', title: 'Category', type: 'string' },
  { id: 'roles', title: 'Roles', type: 'string' },
  { id: 'stage', title: 'Customer stage', type: 'string' },
  { id: 'trustScore', title: 'Trust score', type: 'integer' },
  { id: 'lifetimeValue', title: 'Lifetime value', type: 'double' },
  { id: 'currency', title: 'Currency', type: 'string' },
] as const satisfies readonly Attribute[];

export const EDGE_ATTRIBUTES = [{ id: 'kind', title: 'Tie kind', type: 'string' }] as const satisfies readonly Attribute[];

export type NodeValues = { [K in (typeof NODE_ATTRIBUTES)[number]['id']]: string | number };
export type GraphTableNode = { id: string; label: string; x: number; y: number; size: number; values: NodeValues };
export type GraphTableEdge = { id: string; source: string; target: string; values: { kind: string } };
export type GraphTable = { nodes: GraphTableNode[]; edges: GraphTableEdge[] };

/** Roles are written as one text value, `customer|centerOfInfluence`: Kumu and Gephi both split on `|`. */
export const ROLE_SEPARATOR = '|';

/**
 * Lifetime value is a number in the base currency, in whole units with cents as decimals (deals in other
 * currencies are left out: the sums of two currencies do not add up, and a graph attribute holds one number).
 */
export function graphTable(model: SphereGraphModel, contacts: readonly ContactDoc[], deals: readonly DealDoc[], currency: string): GraphTable {
  const value = new Map<string, number>();
  for (const deal of deals) if (deal.currency.toUpperCase() === currency) value.set(deal.contactId, (value.get(deal.contactId) ?? 0) + deal.amount);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const nodes: GraphTableNode[] = [];
  for (const { data, position } of model.nodes.values()) {
    const contact = byId.get(data.id);
    nodes.push({
      id: data.id,
      label: data.label,
      x: position.x,
      y: position.y,
      size: data.size,
      values: {
        ring: data.ring,
        category: data.category,
        roles: (contact?.roles ?? []).join(ROLE_SEPARATOR),
        stage: data.stage,
        trustScore: Math.round(data.score),
        lifetimeValue: (value.get(data.id) ?? 0) / 100,
        currency,
      },
    });
  }
  const edges = [...model.edges.values()].map(({ data }) => ({ id: data.id, source: data.source, target: data.target, values: { kind: data.kind } }));
  return { nodes, edges };
}
