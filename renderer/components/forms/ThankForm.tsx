// Process: renderer. Record how a referrer was thanked or rewarded.
import { useState, type FormEvent } from 'react';
import { Dialog, saveOrExplain } from './Dialog.tsx';

export function ThankForm({ referrer, referred, onSave, onClose }: { referrer: string; referred: string; onSave(reward: string): Promise<void>; onClose(): void }) {
  const [reward, setReward] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reward.trim()) return setFailure('Say how you thanked them: a card, a gift, dinner…');
    void saveOrExplain(() => onSave(reward.trim()), setFailure, onClose);
  };
  return (
    <Dialog title={`Thank ${referrer} for referring ${referred}`} testId="thank-form" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <label className="field"><span>Thanks or reward</span><input data-testid="thank-reward" value={reward} onChange={(e) => setReward(e.target.value)} autoFocus maxLength={500} /></label>
        {failure ? <p className="failure" role="alert">{failure}</p> : null}
        <div className="actions"><button type="button" onClick={onClose}>Cancel</button><button type="submit" className="primary" data-testid="thank-save">Record thanks</button></div>
      </form>
    </Dialog>
  );
}
