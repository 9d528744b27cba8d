// Process: browser host (Node). A frame for the WebSocket as text. Storage answers that carry many documents
// reuse each document's stored JSON instead of stringifying it again: on a big sphere the first load sends tens
// of thousands of documents, and serialising them was the host's largest cost. Answers larger than a page are
// split over several frames: built as one string, a store of large notes passed V8's longest string ("Invalid
// string length") and could not be opened at all.
import crypto from 'node:crypto';
import type { HostFrame } from '../../shared/host-frames.ts';
import { storedTextOf } from '../store/doc-cache.ts';

/** Below this, plain JSON.stringify is as quick. */
const MANY = 64;
/** Characters of documents per frame: far below V8's string limit (about 512 M), large enough to be few frames. */
export const PAGE_CHARS = 16 * 1024 * 1024;
/** Stands in for the documents while the rest is stringified; random per launch, so no client can forge it. */
const PLACEHOLDER = `sphere-documents-${crypto.randomBytes(12).toString('hex')}`;
const MARKER = JSON.stringify(PLACEHOLDER);

/** One frame as text (for frames known to be small, and for tests of the text itself). */
export function frameText(frame: HostFrame): string {
  const texts = frameTexts(frame, Infinity);
  return texts[0]!;
}

/**
 * The texts to send for one frame, in order: one, or for a storage answer whose documents pass `pageChars`,
 * `documents` frames carrying them followed by the answer with `paged: true` (see shared/host-frames.ts).
 */
export function frameTexts(frame: HostFrame, pageChars = PAGE_CHARS): string[] {
  if (frame.t !== 'storage' || typeof frame.m !== 'object' || frame.m === null) return [JSON.stringify(frame)];
  const message = frame.m as { return?: unknown };
  const answer = message.return;
  // Queries and changes-since answer { documents: [...] }; findDocumentsById answers the array itself.
  const inside = typeof answer === 'object' && answer !== null && !Array.isArray(answer) && Array.isArray((answer as { documents?: unknown }).documents);
  const docs = Array.isArray(answer) ? answer : inside ? ((answer as { documents: unknown[] }).documents) : null;
  if (!docs || (docs.length < MANY && pageChars === Infinity)) return [JSON.stringify(frame)];
  const parts = docs.map((doc) => (typeof doc === 'object' && doc !== null ? storedTextOf(doc) : undefined) ?? JSON.stringify(doc) ?? 'null');
  const pages: string[][] = [];
  let page: string[] = [];
  let chars = 0;
  for (const part of parts) {
    if (page.length > 0 && chars + part.length > pageChars) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(part);
    chars += part.length + 1;
  }
  pages.push(page);
  const withDocuments = (placed: unknown, extra: object) =>
    JSON.stringify({ ...frame, ...extra, m: { ...message, return: inside ? { ...(answer as object), documents: placed } : placed } });
  if (pages.length === 1) {
    const skeleton = withDocuments(PLACEHOLDER, {});
    const at = skeleton.indexOf(MARKER);
    return [`${skeleton.slice(0, at)}[${parts.join(',')}]${skeleton.slice(at + MARKER.length)}`];
  }
  return [...pages.map((p) => `{"t":"documents","part":[${p.join(',')}]}`), withDocuments([], { paged: true })];
}
