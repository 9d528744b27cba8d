// Process: renderer. A modal dialog with the platform's focus trap and Escape-to-close.
import { useEffect, useRef, type ReactNode } from 'react';

type Props = { title: string; testId: string; onClose(): void; children: ReactNode };

export function Dialog({ title, testId, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  // What had the focus before the dialog opened gets it back when it closes; it used to fall to the page body,
  // and the next Tab started again from the top of the window.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    return () => {
      const active = document.activeElement;
      if (opener?.isConnected && (active === null || active === document.body || !active.isConnected)) opener.focus({ preventScroll: true });
    };
  }, []);
  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) {
      dialog.showModal();
      // showModal focuses the first control; React's autoFocus ran before the dialog was shown and could not
      // take. A field marked data-autofocus gets the focus instead (the touch's note, not its Kind dropdown).
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    const cancel = (e: Event) => {
      e.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', cancel);
    return () => dialog.removeEventListener('cancel', cancel);
  }, [onClose]);
  return (
    <dialog ref={ref} className="dialog" aria-label={title} data-testid={testId} onKeyDown={submitOnEnter}>
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}

/** Runs a save, keeps the dialog open with the reason when it fails, closes it when it works. */
export async function saveOrExplain(save: () => Promise<void>, setFailure: (text: string | null) => void, onClose: () => void): Promise<void> {
  setFailure(null);
  try {
    await save();
    onClose();
  } catch (err) {
    setFailure((err as Error).message);
  }
}

/**
 * Enter saves from any field, a select included (browsers only submit from text inputs); Shift+Enter stays a
 * newline in notes. A long note (a textarea) keeps Enter for new lines unless it is marked data-enter-submits,
 * as the quick-log note is: it has the focus when the dialog opens, and L, a few words, Enter must log the touch.
 */
function submitOnEnter(e: React.KeyboardEvent<HTMLDialogElement>): void {
  const target = e.target as HTMLElement;
  const newlines = target instanceof HTMLTextAreaElement && !target.hasAttribute('data-enter-submits');
  if (e.key !== 'Enter' || e.shiftKey || newlines || target instanceof HTMLButtonElement) return;
  const form = target.closest('form');
  if (!form) return;
  e.preventDefault();
  form.requestSubmit();
}
