// Process: renderer. A modal dialog with the platform's focus trap and Escape-to-close.
import { useEffect, useRef, type ReactNode } from 'react';

type Props = { title: string; testId: string; onClose(): void; children: ReactNode };

export function Dialog({ title, testId, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    const cancel = (e: Event) => {
      e.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', cancel);
    return () => dialog.removeEventListener('cancel', cancel);
  }, [onClose]);
  return (
    <dialog ref={ref} className="dialog" aria-label={title} data-testid={testId}>
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
