// Process: renderer. A panel that opens takes the keyboard focus (its first action, so it is one press away instead
// of twenty Tabs through the top bar), and gives it back to what had it when it closes.
import { useEffect, type RefObject } from 'react';

/**
 * Focus the first shown match of `selector` (of the first of several that matches) inside the panel when it mounts,
 * the panel itself if none, and hand focus back on unmount. A widget the person is moving through row by row (the list's grid, marked data-keeps-focus) keeps the
 * focus: Enter there opens the contact beside it, and the arrows must go on working (Tab reaches the panel next).
 */
export function usePanelFocus(ref: RefObject<HTMLElement | null>, selector: string | string[] = 'button:not(.close), a[href]'): void {
  useEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (opener?.closest('[data-keeps-focus]')) return;
    // The first one shown: a control inside a folded section cannot take the focus, and focus() would do nothing.
    // Selectors in order of preference.
    const first = (typeof selector === 'string' ? [selector] : selector)
      .map((s) => [...panel.querySelectorAll<HTMLElement>(s)].find((el) => !el.closest('details:not([open])')))
      .find((el) => el !== undefined) ?? panel;
    first.focus({ preventScroll: true });
    return () => {
      // Only when the focus was in the panel (or fell to the page with it): a person who clicked elsewhere keeps their place.
      const active = document.activeElement;
      const lost = active === null || active === document.body || panel.contains(active);
      if (lost && opener?.isConnected) opener.focus({ preventScroll: true });
    };
    // Once per opening: the panel's content changing (a contact logged, a row gone) must not pull the focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
