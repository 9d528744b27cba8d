// Process: renderer. Which key presses belong to the focused element and which are the app's shortcuts.
import { keysLabel } from '../../shared/command-specs.ts';

/** Input types a person types words into; checkboxes, radios and buttons take no letters. */
const TYPED = new Set(['text', 'search', 'email', 'tel', 'url', 'number', 'password', 'date', 'datetime-local', 'month', 'time', 'week', '']);

/**
 * Whether a single-key shortcut must leave this press to the element: only where letters are being typed. On a
 * select, a checkbox or a button a letter means nothing to the person, yet a select took T as "jump to the option
 * starting with T": after tabbing to the legend, T switched the colour mode instead of opening Today.
 */
export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return TYPED.has(target.type);
  // A combobox or grid that reads letters itself says so.
  return target.closest('[data-own-keys]') !== null;
}

/** Ctrl on Linux and Windows, ⌘ on macOS: how this machine's keyboard spells a command's keys. */
export const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function shownKeys(keys: string): string {
  return keysLabel(keys, onMac);
}
