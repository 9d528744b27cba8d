// Process: renderer. Fills an empty sphere with the seeded sample, in batches, reporting progress.
import { generateSphere } from '../../shared/sample-sphere.ts';
import type { SphereDatabase } from '../../shared/schemas/index.ts';

export type Progress = { done: number; total: number };

const BATCH = 250;

export async function loadSampleSphere(db: SphereDatabase, onProgress: (p: Progress) => void, size = 300): Promise<void> {
  const sample = generateSphere({ seed: 2026, contacts: size, now: Date.now(), owner: 'sample' });
  const parts = [
    [db.contacts, sample.contacts],
    [db.ties, sample.ties],
    [db.touches, sample.touches],
    [db.deals, sample.deals],
  ] as const;
  const total = parts.reduce((sum, [, docs]) => sum + docs.length, 0);
  let done = 0;
  onProgress({ done, total });
  for (const [collection, docs] of parts) {
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH);
      const result = await (collection as unknown as { bulkInsert(d: unknown[]): Promise<{ error: unknown[] }> }).bulkInsert(batch);
      if (result.error.length > 0) throw new Error(`${result.error.length} sample documents were refused by the store`);
      done += batch.length;
      onProgress({ done, total });
    }
  }
}
