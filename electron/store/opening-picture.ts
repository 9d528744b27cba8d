// Process: main or browser host (Node). The sphere's opening picture, made from the store this process holds:
// the window paints it while its own RxDatabase is still taking in every document. Building it scores and places
// every contact (about half a second at 10,000 contacts), so a host that can gives the work to a worker thread
// (opening-picture-worker.ts) and its event loop stays free to answer the window meanwhile.
import { CLOCK_SLACK_MS, createModelBuilder, type ModelBuilder, type SphereDocs } from '../../shared/graph/sphere-model.ts';
import { pictureOf, type SpherePicture } from '../../shared/graph/sphere-picture.ts';
import { COLLECTIONS, DATABASE_NAME } from '../../shared/schemas/index.ts';
import { DEFAULT_SETTINGS, SETTINGS_ID, type SettingsDoc } from '../../shared/schemas/settings.ts';
import type { RxStorageSqlite } from './sqlite-storage.ts';
import { storeWorker } from './store-worker.ts';

/** What the picture worker is asked: the clock, and whether the store is another generation (a restore). */
export type PictureJob = { now: number; fresh: boolean };

export type CollectionReader = (name: keyof typeof COLLECTIONS, schemaVersion: number) => unknown[];

/**
 * Null for an empty sphere: the window's own empty state says what to do there. One builder per store, so a
 * second window (or a reload) re-scores only what changed since the last picture. With `worker` (the worker
 * script's location) the picture is made off this thread, from the file; without, here, from the parsed documents.
 */
export function openingPictureMaker(
  storage: () => RxStorageSqlite,
  options: { worker?: URL | string; file?: string; log?: (line: string) => void } = {},
): { picture(now?: number): Promise<SpherePicture | null>; close(): void } {
  let builder: ModelBuilder = createModelBuilder();
  let builtFor: RxStorageSqlite | null = null;
  let last: { stamp: string; at: number; picture: SpherePicture | null } | null = null;
  let worker = options.worker && options.file ? storeWorker<PictureJob, SpherePicture | null>(options.worker, options.file, 'picture') : null;
  let closed = false;
  return {
    async picture(now = Date.now()) {
      const raw = storage();
      const fresh = raw !== builtFor;
      if (fresh) {
        builder = createModelBuilder();
        builtFor = raw;
        last = null;
      }
      // Kept while the file is unchanged and the clock has not moved on enough to change a fading or a due date.
      const stamp = raw.changeStamp(DATABASE_NAME);
      if (last && stamp !== null && last.stamp === stamp && Math.abs(now - last.at) < CLOCK_SLACK_MS) return last.picture;
      let picture: SpherePicture | null;
      try {
        picture = worker ? await worker.ask({ now, fresh }) : here(raw, builder, now);
      } catch (err) {
        // Stopped by close(): the store is going away, and nobody is waiting for a picture of it.
        if (closed) return null;
        // A worker that cannot run (a packaging fault, a crash) must not cost the window its picture.
        options.log?.(`the opening picture worker failed, making it here instead: ${(err as Error).message}`);
        worker?.close();
        worker = null;
        picture = here(raw, builder, now);
      }
      if (storage() === raw) last = stamp === null ? null : { stamp, at: now, picture };
      return picture;
    },
    close() {
      closed = true;
      worker?.close();
    },
  };
}

function here(raw: RxStorageSqlite, builder: ModelBuilder, now: number): SpherePicture | null {
  return pictureFrom((name, version) => raw.liveDocuments(DATABASE_NAME, name, version), builder, now);
}

/** The picture from live documents, however they are read (the host's caches, or the file in a worker). */
export function pictureFrom(read: CollectionReader, builder: ModelBuilder, now: number): SpherePicture | null {
  const of = <K extends keyof typeof COLLECTIONS>(name: K) => read(name, COLLECTIONS[name].schema.version);
  const docs = { contacts: of('contacts'), ties: of('ties'), touches: of('touches'), deals: of('deals') } as SphereDocs;
  if (docs.contacts.length === 0) return null;
  const stored = (of('settings') as SettingsDoc[]).find((s) => s.id === SETTINGS_ID);
  const settings = { ...DEFAULT_SETTINGS, ...stored };
  return pictureOf(builder.build(docs, now, { weights: settings.trustWeights, cadence: settings.cadence, lifeCycle: settings.lifeCycle }), { dimOverdue: settings.dimOverdue });
}

