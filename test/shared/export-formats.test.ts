// Process: test (Node). Every export format read back by a real parser: XML (@xmldom, strict), CSV (papaparse),
// vCard (ical.js). Same people and fields, same nodes, edges and typed attributes as the sphere they came from.
import { DOMParser } from '@xmldom/xmldom';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateSphere } from '../../shared/sample-sphere.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';
import { buildSphereModel } from '../../shared/graph/sphere-model.ts';
import { graphTable, NODE_ATTRIBUTES, type GraphTable } from '../../shared/export/graph-table.ts';
import { exportSphere, type SphereContents } from '../../shared/export/sphere-export.ts';
import { GOOGLE_SEPARATOR } from '../../shared/export/contacts-csv.ts';
import { contact } from '../support/contact-fixture.ts';

const NOW = Date.UTC(2026, 5, 1);

/** People whose names and fields break naive writers: accents, CJK, right-to-left, quotes, commas, line breaks. */
const HARD: ContactDoc[] = [
  contact('hard-1', { name: 'José Álvarez-Núñez', emails: ['jose@example.com', 'J.Alvarez@Work.example'], phones: ['+34 600 123 456'], organisation: 'Café "La Esquina", S.L.', title: 'Dueño; gerente', notes: 'Met at the fair,\nsecond line; with "quotes"\r\nand a back\\slash', tags: ['golf', 'vip'], birthday: '1980-04-23', address: 'Calle Mayor 1, 28013 Madrid', roles: ['customer', 'centerOfInfluence'] }),
  contact('hard-2', { name: '王小明', category: 'friends', ring: 'trust', phones: ['+86 10 1234 5678'], notes: '朋友的朋友。'.repeat(30), birthday: '--12-31' }),
  contact('hard-3', { name: 'דוד כהן', category: 'family', ring: 'like', emails: ['david@example.org'], notes: '=HYPERLINK("http://evil.example")' }),
  contact('hard-4', { name: 'Zoë <O\'Brien> & Co', organisation: 'A & B <Partners>', notes: 'bell \u0007 and a tab\there', roles: ['hostBeneficiary'] }),
  contact('hard-5', { name: 'Solo', emails: [], phones: [] }),
];

function sphere(): SphereContents {
  const sample = generateSphere({ seed: 7, contacts: 60, now: NOW });
  return { ...sample, contacts: [...sample.contacts, ...HARD], settings: [] };
}

/** @xmldom forgives what XML forbids, so what it lets through is checked here; Chromium's strict parser checks in e2e. */
function parseXml(text: string) {
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
  expect(text).not.toMatch(/="[^"]*</);
  const errors: string[] = [];
  const fail = (message: string) => void errors.push(message);
  const doc = new DOMParser({ errorHandler: { error: fail, fatalError: fail } }).parseFromString(text, 'text/xml');
  expect(errors).toEqual([]);
  return doc;
}

const children = (parent: { getElementsByTagName(name: string): ArrayLike<Element> }, name: string) => Array.from(parent.getElementsByTagName(name));

/** The values a file declares typed as what they are, as a reader of the file gets them. */
function typed(type: string, text: string): string | number {
  if (['integer', 'int', 'long', 'double', 'float'].includes(type)) {
    expect(text).toMatch(/^-?\d+(\.\d+)?$/);
    return Number(text);
  }
  return text;
}

function expected(s: SphereContents): GraphTable {
  const model = buildSphereModel({ contacts: [...s.contacts], ties: [...s.ties], touches: [...s.touches], deals: [...s.deals] }, NOW);
  return graphTable(model, s.contacts, s.deals, 'USD');
}

describe('graph export', () => {
  it('GEXF 1.3 holds every node and edge with typed attributes, and parses as XML', () => {
    const s = sphere();
    const want = expected(s);
    const doc = parseXml(exportSphere('gexf', s, NOW));
    const root = doc.documentElement!;
    expect(root.getAttribute('version')).toBe('1.3');
    expect(root.namespaceURI).toBe('http://gexf.net/1.3');
    const declared = new Map<string, string>();
    for (const attrs of children(doc, 'attributes')) for (const a of children(attrs, 'attribute')) declared.set(`${attrs.getAttribute('class')}:${a.getAttribute('id')}`, a.getAttribute('type')!);
    expect(declared.get('node:trustScore')).toBe('integer');
    expect(declared.get('node:lifetimeValue')).toBe('double');
    expect(declared.get('edge:kind')).toBe('string');
    const nodes = new Map(children(doc, 'node').map((n) => [n.getAttribute('id')!, n]));
    expect(nodes.size).toBe(s.contacts.length);
    for (const node of want.nodes) {
      const el = nodes.get(node.id)!;
      expect(el.getAttribute('label')).toBe(node.label);
      const values = Object.fromEntries(children(el, 'attvalue').map((v) => [v.getAttribute('for')!, typed(declared.get(`node:${v.getAttribute('for')}`)!, v.getAttribute('value')!)]));
      expect(values).toEqual(node.values);
    }
    const edges = children(doc, 'edge').map((e) => ({ id: e.getAttribute('id'), source: e.getAttribute('source'), target: e.getAttribute('target'), values: { kind: children(e, 'attvalue')[0]!.getAttribute('value') } }));
    expect(edges).toEqual(want.edges);
    expect(edges.length).toBe(s.ties.length);
    // Names come back exactly, markup characters included; characters XML cannot hold are dropped.
    expect(nodes.get('hard-4')!.getAttribute('label')).toBe('Zoë <O\'Brien> & Co');
  });

  it('GraphML holds every node and edge with typed keys, and parses as XML', () => {
    const s = sphere();
    const want = expected(s);
    const doc = parseXml(exportSphere('graphml', s, NOW));
    const keys = new Map(children(doc, 'key').map((k) => [k.getAttribute('id')!, { name: k.getAttribute('attr.name')!, type: k.getAttribute('attr.type')!, for: k.getAttribute('for') }]));
    expect(keys.get('trustScore')).toEqual({ name: 'trustScore', type: 'int', for: 'node' });
    expect(keys.get('lifetimeValue')).toEqual({ name: 'lifetimeValue', type: 'double', for: 'node' });
    expect(keys.get('e_kind')).toEqual({ name: 'kind', type: 'string', for: 'edge' });
    const nodes = new Map(children(doc, 'node').map((n) => [n.getAttribute('id')!, n]));
    expect(nodes.size).toBe(s.contacts.length);
    for (const node of want.nodes) {
      const data = Object.fromEntries(children(nodes.get(node.id)!, 'data').map((d) => [d.getAttribute('key')!, typed(keys.get(d.getAttribute('key')!)!.type, d.textContent ?? '')]));
      expect(data.label).toBe(node.label);
      expect(Object.fromEntries(NODE_ATTRIBUTES.map((a) => [a.id, data[a.id]]))).toEqual(node.values);
    }
    const edges = children(doc, 'edge').map((e) => ({ id: e.getAttribute('id'), source: e.getAttribute('source'), target: e.getAttribute('target'), values: { kind: children(e, 'data')[0]!.textContent } }));
    expect(edges).toEqual(want.edges);
  });
});

describe('contacts export', () => {
  it("CSV uses Google Contacts' header set and every person and field survives a parse", () => {
    const s = sphere();
    const text = exportSphere('csv', s, NOW);
    expect(text.startsWith('First Name,Middle Name,Last Name,')).toBe(true);
    const { data, errors } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(errors).toEqual([]);
    expect(data.length).toBe(s.contacts.length);
    for (const [i, c] of s.contacts.entries()) {
      const row = data[i]!;
      expect([row['First Name'], row['Last Name']].filter(Boolean).join(' ')).toBe(c.name);
      const numbered = (what: string) => Object.keys(row).filter((k) => k.startsWith(`${what} `) && k.endsWith(' - Value')).map((k) => row[k]).filter(Boolean);
      expect(numbered('E-mail')).toEqual(c.emails);
      expect(numbered('Phone')).toEqual(c.phones);
      expect(row['Organization Name']).toBe(c.organisation ?? '');
      expect(row['Organization Title']).toBe(c.title ?? '');
      expect(row.Birthday).toBe(c.birthday ?? '');
      expect(row['Address 1 - Formatted']).toBe(c.address ?? '');
      expect(row.Labels!.split(GOOGLE_SEPARATOR).slice(1)).toEqual(c.tags);
      const custom = Object.fromEntries([1, 2, 3].map((i) => [row[`Custom Field ${i} - Label`], row[`Custom Field ${i} - Value`]]));
      expect(custom['Sphere category']).toBe(c.category);
      expect(custom['Sphere ring']).toBe(c.ring);
      expect(custom['Sphere roles']!.split(GOOGLE_SEPARATOR).filter(Boolean)).toEqual(c.roles);
      // A formula is defused for spreadsheets; every other note comes back as it was.
      expect(row.Notes).toBe(c.notes?.startsWith('=') ? `'${c.notes}` : (c.notes ?? ''));
    }
  });

  it('vCard 4.0 cards parse back with their people and fields, every line folded to 75 octets', () => {
    const s = sphere();
    const text = exportSphere('vcard', s, NOW);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const parsed = ICAL.parse(text) as unknown;
    // Several cards parse to a list of components; each one is a vcard.
    const cards = (Array.isArray((parsed as unknown[])[0]) ? parsed : [parsed]) as unknown[];
    expect(cards.length).toBe(s.contacts.length);
    const byUid = new Map(cards.map((jcal) => {
      const card = new ICAL.Component(jcal as never);
      return [String(card.getFirstPropertyValue('uid')), card];
    }));
    for (const c of s.contacts) {
      const card = byUid.get(`urn:sphere:${c.id}`)!;
      expect(card.getFirstPropertyValue('version')).toBe('4.0');
      expect(card.getFirstPropertyValue('fn')).toBe(c.name);
      expect(card.getAllProperties('email').map((p) => p.getFirstValue())).toEqual(c.emails);
      expect(card.getAllProperties('tel').map((p) => p.getFirstValue())).toEqual(c.phones);
      expect(card.getFirstPropertyValue('org') ?? undefined).toEqual(c.organisation);
      expect(card.getFirstPropertyValue('title') ?? undefined).toEqual(c.title);
      expect(card.getFirstPropertyValue('note') ?? undefined).toEqual(c.notes?.replace(/\r\n/g, '\n'));
      expect(card.getFirstProperty('categories')?.getValues() ?? []).toEqual(c.tags);
      expect(card.getFirstPropertyValue('x-sphere-ring')).toBe(c.ring);
      expect(card.getFirstPropertyValue('x-sphere-category')).toBe(c.category);
      // An extended property is one text to a reader that does not know it; Sphere's roles are comma-separated ids.
      expect(String(card.getFirstPropertyValue('x-sphere-roles') ?? '').split(',').filter(Boolean)).toEqual(c.roles);
      if (c.birthday) expect(String(card.getFirstPropertyValue('bday'))).toBe(c.birthday);
    }
  });
});
