// Process: main or browser host (Node). The sphere's opening picture, made from the store this process already
// holds open and parsed: the window paints it while its own RxDatabase is still taking in every document.
import { CLOCK_SLACK_MS, createModelBuilder, type ModelBuilder, type SphereDocs } from '../../shared/graph/sphere-model.ts';
import { pictureOf, type SpherePicture } from '../../shared/graph/sphere-picture.ts';
import { COLLECTIONS, DATABASE_NAME } from '../../shared/schemas/index.ts';
import { DEFAULT_SETTINGS, SETTINGS_ID, type SettingsDoc } from '../../shared/schemas/settings.ts';
import type { RxStorageSqlite } from './sqlite-storage.ts';

/**
 * Null for an empty sphere: the window's own empty state says what to do there. One builder per store, so a
 * second window (or a reload) re-scores only what changed since the last picture.
 */
export function openingPictureMaker(storage: () => RxStorageSqlite): (now?: number) => SpherePicture | null {
  let builder: ModelBuilder = createModelBuilder();
  let builtFor: RxStorageSqlite | null = null;
  let last: { stamp: string; at: number; picture: SpherePicture | null } | null = null;
  return (now = Date.now()) => {
    const raw = storage();
    if (raw !== builtFor) {
      builder = createModelBuilder();
      builtFor = raw;
      last = null;
    }
    // Kept while the file is unchanged and the clock has not moved on enough to change a fading or a due date.
    const stamp = raw.changeStamp(DATABASE_NAME);
    if (last && stamp !== null && last.stamp === stamp && Math.abs(now - last.at) < CLOCK_SLACK_MS) return last.picture;
    const picture = makePicture(raw, builder, now);
    last = stamp === null ? null : { stamp, at: now, picture };
    return picture;
  };
}

function makePicture(raw: RxStorageSqlite, builder: ModelBuilder, now: number): SpherePicture | null {
  const read = <K extends keyof typeof COLLECTIONS>(name: K) => raw.liveDocuments(DATABASE_NAME, name, COLLECTIONS[name].schema.version);
  const docs = { contacts: read('contacts'), ties: read('ties'), touches: read('touches'), deals: read('deals') } as SphereDocs;
  if (docs.contacts.length === 0) return null;
  const stored = (read('settings') as SettingsDoc[]).find((s) => s.id === SETTINGS_ID);
  const settings = { ...DEFAULT_SETTINGS, ...stored };
  return pictureOf(builder.build(docs, now, { weights: settings.trustWeights, cadence: settings.cadence, lifeCycle: settings.lifeCycle }), { dimOverdue: settings.dimOverdue });
}
