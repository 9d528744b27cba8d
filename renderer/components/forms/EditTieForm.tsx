// Process: renderer. Correct a referral, an influence or a partner link: its day and note, a referral's thanks; or remove it.
import { useState, type FormEvent } from 'react';
import type { TieDoc } from '../../../shared/schemas/index.ts';
import { Dialog, saveOrExplain } from './Dialog.tsx';
import { DayField, dayOf, EditActions, pickedDay } from './RecordDay.tsx';

export type TieChanges = { at: number; note: string; reward?: string };

type Props = { tie: TieDoc; title: string; onSave(changes: TieChanges): Promise<void>; onDelete(): void; onClose(): void };

export function EditTieForm({ tie, title, onSave, onDelete, onClose }: Props) {
  const [day, setDay] = useState(() => dayOf(tie.at));
  const [note, setNote] = useState(tie.note ?? '');
  const [reward, setReward] = useState(tie.reward ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const referral = tie.kind === 'referral';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const at = day === dayOf(tie.at) ? tie.at : pickedDay(day, referral ? 'referral' : 'link');
    if (typeof at === 'string') return setFailure(at);
    void saveOrExplain(() => onSave({ at, note, ...(referral ? { reward } : {}) }), setFailure, onClose);
  };
  return (
    <Dialog title={title} testId="edit-tie-form" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <DayField value={day} onChange={setDay} testId="edit-tie-date" />
        <label className="field"><span>Note</span><input data-testid="edit-tie-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} autoFocus /></label>
        {referral ? (
          <label className="field"><span>Thanks or reward</span><input data-testid="edit-tie-reward" value={reward} onChange={(e) => setReward(e.target.value)} maxLength={500} />
            <small>Empty: not thanked yet.</small></label>
        ) : null}
        {failure ? <p className="failure" role="alert">{failure}</p> : null}
        <EditActions testId="edit-tie" deleteLabel={referral ? 'Remove referral' : 'Remove link'} onDelete={onDelete} onClose={onClose} />
      </form>
    </Dialog>
  );
}
