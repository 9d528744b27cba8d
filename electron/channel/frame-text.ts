// Process: browser host (Node). A frame for the WebSocket as text. Storage answers that carry many documents
// reuse each document's stored JSON instead of stringifying it again: on a big sphere the first load sends tens
// of thousands of documents, and serialising them was the host's largest cost.
import crypto from 'node:crypto';
import type { HostFrame } from '../../shared/host-frames.ts';
import { storedTextOf } from '../store/doc-cache.ts';

/** Below this, plain JSON.stringify is as quick. */
const MANY = 64;
/** Stands in for the documents while the rest is stringified; random per launch, so no client can forge it. */
const PLACEHOLDER = `sphere-documents-${crypto.randomBytes(12).toString('hex')}`;
const MARKER = JSON.stringify(PLACEHOLDER);

export function frameText(frame: HostFrame): string {
  if (frame.t !== 'storage' || typeof frame.m !== 'object' || frame.m === null) return JSON.stringify(frame);
  const message = frame.m as { return?: unknown };
  const answer = message.return;
  // Queries and changes-since answer { documents: [...] }; findDocumentsById answers the array itself.
  const inside = typeof answer === 'object' && answer !== null && !Array.isArray(answer) && Array.isArray((answer as { documents?: unknown }).documents);
  const docs = Array.isArray(answer) ? answer : inside ? ((answer as { documents: unknown[] }).documents) : null;
  if (!docs || docs.length < MANY) return JSON.stringify(frame);
  const skeleton = JSON.stringify({ ...frame, m: { ...message, return: inside ? { ...(answer as object), documents: PLACEHOLDER } : PLACEHOLDER } });
  const at = skeleton.indexOf(MARKER);
  const parts = docs.map((doc) => (typeof doc === 'object' && doc !== null ? storedTextOf(doc) : undefined) ?? JSON.stringify(doc));
  return `${skeleton.slice(0, at)}[${parts.join(',')}]${skeleton.slice(at + MARKER.length)}`;
}
