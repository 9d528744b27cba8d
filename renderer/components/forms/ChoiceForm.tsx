// Process: renderer. A dialog that offers a few ways to do one thing (a file format), each a button.
import { useState } from 'react';
import { Dialog } from './Dialog.tsx';

export type Choice = { label: string; hint: string; testId: string; choose(): Promise<void> };

export function ChoiceForm({ title, testId, intro, choices, onClose }: { title: string; testId: string; intro: string; choices: Choice[]; onClose(): void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (choice: Choice) => {
    setBusy(true);
    setFailure(null);
    try {
      await choice.choose();
      onClose();
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} testId={testId} onClose={onClose}>
      <p>{intro}</p>
      <ul className="choices">
        {choices.map((choice) => (
          <li key={choice.testId}>
            <button type="button" className="primary" data-testid={choice.testId} disabled={busy} onClick={() => void pick(choice)}>{choice.label}</button> <span>{choice.hint}</span>
          </li>
        ))}
      </ul>
      {failure ? <p className="failure" role="alert">{failure}</p> : null}
      <div className="actions"><button type="button" onClick={onClose}>Cancel</button></div>
    </Dialog>
  );
}
