import { describe, expect, it } from 'vitest';
import { generateSphere } from '../sample-sphere.ts';
import { buildSphereModel } from './sphere-model.ts';
import { modelOfPicture, pictureOf, SpherePictureSchema } from './sphere-picture.ts';

const now = Date.UTC(2026, 0, 1);

describe('the opening picture', () => {
  it('paints what the model paints: every contact where it is, as big and in the colours it is, and every tie', () => {
    const docs = generateSphere({ seed: 5, contacts: 400, ties: 900 });
    const model = buildSphereModel(docs, now);
    // Through JSON and the schema, as it crosses from the host.
    const picture = SpherePictureSchema.parse(JSON.parse(JSON.stringify(pictureOf(model, { dimOverdue: true }))));
    const painted = modelOfPicture(picture);
    expect(picture.dimOverdue).toBe(true);
    const source = [...model.nodes.values()];
    const copy = [...painted.nodes.values()];
    expect(copy).toHaveLength(source.length);
    source.forEach((node, i) => {
      const got = copy[i]!;
      expect(got.position.x).toBeCloseTo(node.position.x, 1);
      expect(got.position.y).toBeCloseTo(node.position.y, 1);
      const { size, overdue, categoryFill, stageFill, touchFill, trustFill } = node.data;
      expect(got.data).toMatchObject({ size, overdue, categoryFill, stageFill, touchFill, trustFill });
      // Enough to answer the pointer before the documents arrive: who it is, and the ring and sector it is drawn in.
      const { id, label, ring, category } = node.data;
      expect(got.data).toMatchObject({ id, label, ring, category, score: Math.round(node.data.score) });
    });
    const kinds = (m: typeof model) => [...m.edges.values()].map((e) => e.data.kind).sort();
    expect(kinds(painted)).toEqual(kinds(model));
    // A tie joins the same two places.
    const where = (m: typeof model, id: string) => m.nodes.get(id)!.position;
    const first = [...model.edges.values()][0]!.data;
    const firstCopy = [...painted.edges.values()].find((e) => e.data.kind === first.kind)!.data;
    expect(where(painted, firstCopy.source).x).toBeCloseTo(where(model, first.source).x, 1);
    expect(where(painted, firstCopy.target).y).toBeCloseTo(where(model, first.target).y, 1);
    expect(painted.layout.outerRadius).toBe(model.layout.outerRadius);
    expect(painted.layout.rings).toEqual(model.layout.rings);
  });

  it('is a small fraction of the documents it stands for', () => {
    const docs = generateSphere({ seed: 5, contacts: 3000, ties: 9000 });
    const picture = JSON.stringify(pictureOf(buildSphereModel(docs, now), { dimOverdue: false }));
    expect(picture.length * 10).toBeLessThan(JSON.stringify(docs).length);
  });

  it('refuses a picture that is not one', () => {
    expect(SpherePictureSchema.safeParse({ xy: ['a'] }).success).toBe(false);
  });
});
