// Process: test (Node). Storage answers written with the documents' stored JSON read exactly as plain JSON would.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frameText, frameTexts } from '../../electron/channel/frame-text.ts';
import { DocCache } from '../../electron/store/doc-cache.ts';
import { PagedAnswers, type HostFrame } from '../../shared/host-frames.ts';

const docArb = fc.record({
  id: fc.string({ minLength: 1, maxLength: 12 }),
  name: fc.string({ unit: 'binary', maxLength: 30 }),
  n: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  tags: fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
  _meta: fc.record({ lwt: fc.integer({ min: 1 }) }),
});

describe('storage frames as text', () => {
  it('reads back exactly like JSON.stringify, whether documents came from rows or not', () => {
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 0, maxLength: 200 }), fc.boolean(), fc.string(), (docs, wrapped, connectionId) => {
        const cache = new DocCache<object>();
        // Half of them come from stored rows (parsed, with their text kept), half are fresh objects.
        const served = docs.map((doc, i) => (i % 2 === 0 ? cache.fromRow({ id: `${i}`, data: JSON.stringify(doc) }) : doc));
        const frame: HostFrame = { t: 'storage', m: { connectionId, answerTo: 'r1', method: 'query', return: wrapped ? { documents: served, extra: 'x' } : served } };
        expect(JSON.parse(frameText(frame))).toEqual(JSON.parse(JSON.stringify(frame)));
      }),
      { numRuns: 150 },
    );
  });

  it('is not fooled by a client that puts marker-like text in its own fields', () => {
    const cache = new DocCache<object>();
    const docs = Array.from({ length: 100 }, (_, i) => cache.fromRow({ id: `${i}`, data: JSON.stringify({ id: `${i}`, note: '"sphere-documents-' }) }));
    const frame: HostFrame = { t: 'storage', m: { connectionId: '"sphere-documents-00"', requestId: 'sphere-documents-', return: { documents: docs } } };
    expect(JSON.parse(frameText(frame))).toEqual(JSON.parse(JSON.stringify(frame)));
  });

  it('splits documents over frames of at most a page, which read back as the one answer', () => {
    fc.assert(
      fc.property(fc.array(docArb, { maxLength: 120 }), fc.boolean(), fc.integer({ min: 1, max: 2000 }), (docs, wrapped, pageChars) => {
        const cache = new DocCache<object>();
        const served = docs.map((doc, i) => (i % 2 === 0 ? cache.fromRow({ id: `${i}`, data: JSON.stringify(doc) }) : doc));
        const frame: HostFrame = { t: 'storage', m: { connectionId: 'c', answerTo: 'r1', method: 'query', return: wrapped ? { documents: served, checkpoint: 1 } : served } };
        const texts = frameTexts(frame, pageChars);
        const paged = new PagedAnswers();
        const out = texts.map((t) => paged.accept(JSON.parse(t) as HostFrame));
        // Only the last text completes the answer; a page over the limit holds a single document.
        expect(out.slice(0, -1).every((f) => f === null)).toBe(true);
        expect(out.at(-1)).toEqual(JSON.parse(JSON.stringify(frame)));
        for (const text of texts.slice(0, -1)) {
          const part = (JSON.parse(text) as { part: unknown[] }).part;
          expect(part.length === 1 || text.length <= pageChars + 64).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('leaves other frames to JSON.stringify', () => {
    const frame: HostFrame = { t: 'event', name: 'store.replaced', payload: { a: [1, 2] } };
    expect(frameText(frame)).toBe(JSON.stringify(frame));
  });
});
