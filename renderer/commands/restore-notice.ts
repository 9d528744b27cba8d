// Process: renderer. What a restore tells the user survives the reload it causes: the host replaces the store and
// every window reloads at once, so the sentence is left in this tab's session storage and said by the next page.
const KEY = 'sphere.restoreNotice';

export function leaveRestoreNotice(text: string): void {
  sessionStorage.setItem(KEY, text);
}

/** The restore failed: nothing to tell after a reload. */
export function forgetRestoreNotice(): void {
  sessionStorage.removeItem(KEY);
}

/** The notice a restore left, once: a later reload says nothing. */
export function takeRestoreNotice(): string | null {
  const text = sessionStorage.getItem(KEY);
  if (text !== null) sessionStorage.removeItem(KEY);
  return text;
}
