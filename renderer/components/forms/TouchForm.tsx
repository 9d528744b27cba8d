// Process: renderer. Log a touch: what kind, which way, when, and a note. The note has the focus: a person who
// presses L and starts typing is writing the note (on the Kind dropdown the letters changed the kind instead).
import { useState, type FormEvent } from 'react';
import { TOUCH_KINDS, type TouchKind } from '../../../shared/domain/sphere.ts';
import { isFutureDay, localNoon, localToday } from '../../../shared/domain/local-date.ts';
import { Dialog, saveOrExplain } from './Dialog.tsx';

export const TOUCH_LABELS: Record<Exclude<TouchKind, 'stageChange'>, string> = {
  call: 'Call', meeting: 'Meeting', message: 'Message', email: 'Email', social: 'Social (like, comment, share)', gift: 'Gift', event: 'Event', referralAsk: 'Asked for a referral', thankYou: 'Thank-you',
};

export type TouchInput = { kind: Exclude<TouchKind, 'stageChange'>; direction: 'inbound' | 'outbound'; at: number; note: string };

export function TouchForm({ name, onSave, onClose }: { name: string; onSave(input: TouchInput): Promise<void>; onClose(): void }) {
  const [kind, setKind] = useState<TouchInput['kind']>('call');
  const [direction, setDirection] = useState<TouchInput['direction']>('outbound');
  const [date, setDate] = useState(() => localToday());
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const at = localNoon(date);
    if (at === null) return setFailure('Choose the day it happened.');
    if (isFutureDay(date)) return setFailure('A touch cannot be in the future.');
    void saveOrExplain(() => onSave({ kind, direction, at, note }), setFailure, onClose);
  };
  return (
    <Dialog title={`Log a touch with ${name}`} testId="touch-form" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="row">
          <label className="field"><span>Kind</span>
            <select data-testid="touch-kind" value={kind} onChange={(e) => setKind(e.target.value as TouchInput['kind'])}>
              {TOUCH_KINDS.filter((k) => k !== 'stageChange').map((k) => <option key={k} value={k}>{TOUCH_LABELS[k as TouchInput['kind']]}</option>)}
            </select>
          </label>
          <label className="field"><span>Direction</span>
            <select data-testid="touch-direction" value={direction} onChange={(e) => setDirection(e.target.value as TouchInput['direction'])}>
              <option value="outbound">I reached out</option>
              <option value="inbound">They reached out</option>
            </select>
          </label>
        </div>
        <label className="field"><span>Day</span><input type="date" data-testid="touch-date" value={date} max={localToday()} onChange={(e) => setDate(e.target.value)} /></label>
        <label className="field"><span>Note</span><textarea data-testid="touch-note" rows={3} data-autofocus data-enter-submits title="Enter logs the touch; Shift+Enter starts a new line" value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} /></label>
        {failure ? <p className="failure" role="alert">{failure}</p> : null}
        <div className="actions"><button type="button" onClick={onClose}>Cancel</button><button type="submit" className="primary" data-testid="touch-save">Log touch</button></div>
      </form>
    </Dialog>
  );
}
