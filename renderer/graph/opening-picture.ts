// Process: renderer. The host's opening picture (shared/graph/sphere-picture.ts), asked for as soon as the window
// is connected. The documents' load waits until it is painted: tens of megabytes arriving first would hold the
// frame that shows it back by a third of a second, and the opening picture is what the user sees meanwhile.
import type { AppApiClient } from '../../shared/app-api.ts';
import { modelOfPicture } from '../../shared/graph/sphere-picture.ts';
import type { OpeningPicture } from './SphereGraph.tsx';
import { heldForTest } from './test-hold.ts';

/** Longest the documents wait for an opening picture that does not come or cannot be painted. */
const MAX_WAIT_MS = 1500;

export type OpeningPictureRequest = {
  picture: Promise<OpeningPicture | null>;
  /** Called once the opening picture is on screen. */
  painted(): void;
  /** Resolves when the documents may be loaded: the opening picture painted, absent, failed, or late. */
  settled: Promise<void>;
};

export function requestOpeningPicture(api: AppApiClient): OpeningPictureRequest {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  setTimeout(settle, MAX_WAIT_MS);
  const picture = api.call('sphere.openingPicture').then(
    (p) => (p && p.size.length > 0 ? { model: modelOfPicture(p), dimOverdue: p.dimOverdue } : null),
    // Only a head start: without it the sphere is still drawn, from the documents.
    (err: Error) => {
      console.warn(`no opening picture: ${err.message}`);
      return null;
    },
  );
  void picture.then((p) => {
    if (!p) settle();
  });
  // A test may hold the documents back, to use the opening picture on its own (test-hold.ts).
  const held = heldForTest('documents');
  return { picture, painted: () => settle(), settled: held ? Promise.all([settled, held]).then(() => {}) : settled };
}
