// Process: renderer. An end-to-end test can hold a big sphere on its still picture and let it go when it has checked
// what it came for: `window.__sphereHold = { documents: true, handover: true }` before the page loads, then
// `window.__sphereRelease('handover')`. Without it the test would race the handover, which on a fast machine ends
// before the pointer gets there. Nothing holds unless a test asked before the page started.

export type HeldStep = 'documents' | 'handover';

type HoldWindow = { __sphereHold?: Partial<Record<HeldStep, boolean>>; __sphereRelease?: (step: HeldStep) => void };

const releases = new Map<HeldStep, () => void>();
const held = new Map<HeldStep, Promise<void>>();
const win = window as unknown as HoldWindow;
if (win.__sphereHold) {
  const hold = win.__sphereHold;
  // A step released before it was reached does not wait at all.
  win.__sphereRelease = (step) => {
    hold[step] = false;
    releases.get(step)?.();
  };
}

/** Null when no test holds this step (the usual case: nothing waits); otherwise resolves on its release. */
export function heldForTest(step: HeldStep): Promise<void> | null {
  if (!win.__sphereHold?.[step]) return null;
  let hold = held.get(step);
  if (!hold) held.set(step, (hold = new Promise<void>((resolve) => releases.set(step, resolve))));
  return hold;
}
