// Process: any (pure). The sphere as GEXF 1.3 (Gephi's own format): typed node attributes, tie kind on edges,
// positions, sizes and colours from the sphere layout so Gephi opens it looking as Sphere draws it.
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type Attribute, type GraphTable } from './graph-table.ts';
import { xmlText } from './xml-text.ts';

export type GexfOptions = { generatedAt: number; colours?: Map<string, string> };

const TYPE: Record<Attribute['type'], string> = { string: 'string', integer: 'integer', double: 'double', boolean: 'boolean' };

export function toGexf(table: GraphTable, options: GexfOptions): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">');
  out.push(`  <meta lastmodifieddate="${new Date(options.generatedAt).toISOString().slice(0, 10)}"><creator>Sphere</creator><description>A relationship marketing sphere</description></meta>`);
  // Ties have a direction (referrer to referred, influencer to influenced); personal ties are marked undirected.
  out.push('  <graph defaultedgetype="directed" mode="static">');
  out.push('    <attributes class="node">');
  // Ids are the attribute names: Gephi shows the title, a script reading the file matches the id.
  for (const a of NODE_ATTRIBUTES) out.push(`      <attribute id="${a.id}" title="${xmlText(a.title)}" type="${TYPE[a.type]}"/>`);
  out.push('    </attributes>');
  out.push('    <attributes class="edge">');
  for (const a of EDGE_ATTRIBUTES) out.push(`      <attribute id="${a.id}" title="${xmlText(a.title)}" type="${TYPE[a.type]}"/>`);
  out.push('    </attributes>');
  out.push('    <nodes>');
  for (const node of table.nodes) {
    out.push(`      <node id="${xmlText(node.id)}" label="${xmlText(node.label)}">`);
    out.push('        <attvalues>');
    for (const a of NODE_ATTRIBUTES) out.push(`          <attvalue for="${a.id}" value="${xmlText(String(node.values[a.id]))}"/>`);
    out.push('        </attvalues>');
    const colour = options.colours?.get(node.id);
    if (colour) {
      const [r, g, b] = [1, 3, 5].map((at) => parseInt(colour.slice(at, at + 2), 16));
      out.push(`        <viz:color r="${r}" g="${g}" b="${b}"/>`);
    }
    out.push(`        <viz:position x="${round(node.x)}" y="${round(-node.y)}" z="0"/>`);
    out.push(`        <viz:size value="${round(node.size / 2)}"/>`);
    out.push('      </node>');
  }
  out.push('    </nodes>');
  out.push('    <edges>');
  for (const edge of table.edges) {
    const type = edge.values.kind === 'personal' ? ' type="undirected"' : '';
    out.push(`      <edge id="${xmlText(edge.id)}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}"${type}>`);
    out.push(`        <attvalues>${EDGE_ATTRIBUTES.map((a) => `<attvalue for="${a.id}" value="${xmlText(String(edge.values[a.id]))}"/>`).join('')}</attvalues>`);
    out.push('      </edge>');
  }
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return `${out.join('\n')}\n`;
}

/** Layout units to two decimals: positions are a picture, not a measurement. */
function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
