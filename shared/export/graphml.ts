// Process: any (pure). The sphere as GraphML: typed keys for node attributes and the tie kind, read by Gephi,
// yEd and Kumu alike. Positions go in as x and y so a reader that lays nothing out still shows the sphere.
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type Attribute, type GraphTable } from './graph-table.ts';
import { xmlText } from './xml-text.ts';

const TYPE: Record<Attribute['type'], string> = { string: 'string', integer: 'int', double: 'double', boolean: 'boolean' };

/** The keys besides the domain attributes; `label` is the name Gephi and Kumu show. */
const EXTRA_NODE_KEYS = [
  { id: 'label', title: 'label', type: 'string' },
  { id: 'x', title: 'x', type: 'double' },
  { id: 'y', title: 'y', type: 'double' },
  { id: 'size', title: 'size', type: 'double' },
] as const satisfies readonly Attribute[];

export function toGraphml(table: GraphTable): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">');
  for (const a of [...EXTRA_NODE_KEYS, ...NODE_ATTRIBUTES]) out.push(`  <key id="${a.id}" for="node" attr.name="${xmlText(a.id)}" attr.type="${TYPE[a.type]}"/>`);
  for (const a of EDGE_ATTRIBUTES) out.push(`  <key id="e_${a.id}" for="edge" attr.name="${xmlText(a.id)}" attr.type="${TYPE[a.type]}"/>`);
  out.push('  <graph id="sphere" edgedefault="directed">');
  for (const node of table.nodes) {
    out.push(`    <node id="${xmlText(node.id)}">`);
    const extra = { label: node.label, x: Math.round(node.x * 100) / 100, y: Math.round(node.y * 100) / 100, size: node.size };
    for (const a of EXTRA_NODE_KEYS) out.push(`      <data key="${a.id}">${xmlText(String(extra[a.id]))}</data>`);
    for (const a of NODE_ATTRIBUTES) out.push(`      <data key="${a.id}">${xmlText(String(node.values[a.id]))}</data>`);
    out.push('    </node>');
  }
  for (const edge of table.edges) {
    // GraphML marks an undirected edge in a directed graph per edge, as GEXF does.
    const directed = edge.values.kind === 'personal' ? ' directed="false"' : '';
    out.push(`    <edge id="${xmlText(edge.id)}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}"${directed}>`);
    for (const a of EDGE_ATTRIBUTES) out.push(`      <data key="e_${a.id}">${xmlText(String(edge.values[a.id]))}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return `${out.join('\n')}\n`;
}
