// Process: renderer. Correct a touch: its kind, direction, day or note; or delete it.
import { useState, type FormEvent } from 'react';
import { TOUCH_KINDS } from '../../../shared/domain/sphere.ts';
import type { TouchDoc } from '../../../shared/schemas/index.ts';
import { Dialog, saveOrExplain } from './Dialog.tsx';
import { DayField, dayOf, EditActions, pickedDay } from './RecordDay.tsx';
import { TOUCH_LABELS, type TouchInput } from './TouchForm.tsx';

type Props = { touch: TouchDoc; name: string; onSave(input: TouchInput): Promise<void>; onDelete(): void; onClose(): void };

export function EditTouchForm({ touch, name, onSave, onDelete, onClose }: Props) {
  const [kind, setKind] = useState(touch.kind as TouchInput['kind']);
  const [direction, setDirection] = useState(touch.direction);
  const [day, setDay] = useState(() => dayOf(touch.at));
  const [note, setNote] = useState(touch.note ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // An unchanged day keeps the exact moment logged, rather than moving it to noon.
    const at = day === dayOf(touch.at) ? touch.at : pickedDay(day, 'touch');
    if (typeof at === 'string') return setFailure(at);
    void saveOrExplain(() => onSave({ kind, direction, at, note }), setFailure, onClose);
  };
  return (
    <Dialog title={`Edit a touch with ${name}`} testId="edit-touch-form" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="row">
          <label className="field"><span>Kind</span>
            <select data-testid="edit-touch-kind" value={kind} onChange={(e) => setKind(e.target.value as TouchInput['kind'])}>
              {TOUCH_KINDS.filter((k) => k !== 'stageChange').map((k) => <option key={k} value={k}>{TOUCH_LABELS[k as TouchInput['kind']]}</option>)}
            </select>
          </label>
          <label className="field"><span>Direction</span>
            <select value={direction} onChange={(e) => setDirection(e.target.value as TouchInput['direction'])}>
              <option value="outbound">I reached out</option>
              <option value="inbound">They reached out</option>
            </select>
          </label>
        </div>
        <DayField value={day} onChange={setDay} testId="edit-touch-date" />
        <label className="field"><span>Note</span><textarea data-testid="edit-touch-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} autoFocus /></label>
        {failure ? <p className="failure" role="alert">{failure}</p> : null}
        <EditActions testId="edit-touch" deleteLabel="Delete touch" onDelete={onDelete} onClose={onClose} />
      </form>
    </Dialog>
  );
}
