// Process: renderer. Record a deal: amount in the user's terms (dollars and cents), stored exactly in minor units.
import { useState, type FormEvent } from 'react';
import type { TieDoc } from '../../../shared/schemas/index.ts';
import { isFutureDay, localNoon, localToday } from '../../../shared/domain/local-date.ts';
import { Dialog, saveOrExplain } from './Dialog.tsx';

export type DealInput = { amount: number; currency: string; at: number; referralId?: string; note: string };

/** "1,250.50" → 125050. Refuses anything that is not a plain positive amount with at most two decimals. */
export function parseAmount(text: string): number | null {
  const clean = text.trim().replace(/[,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const [whole, frac = ''] = clean.split('.');
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return cents > 0 && Number.isSafeInteger(cents) ? cents : null;
}

type Props = {
  /** Proposed for a new deal: the user's base currency. */
  currency: string; name: string; referrals: { tie: TieDoc; referrerName: string }[]; onSave(input: DealInput): Promise<void>; onClose(): void };

export function DealForm({ name, referrals, currency: baseCurrency, onSave, onClose }: Props) {
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(baseCurrency);
  const [date, setDate] = useState(() => localToday());
  const [referralId, setReferralId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseAmount(amount);
    if (cents === null) return setError('An amount is a positive number such as 1250 or 1,250.50.');
    const code = currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) return setError('A currency is a three-letter code such as USD or EUR.');
    const at = localNoon(date);
    if (at === null) return setError('Choose the day of the deal.');
    if (isFutureDay(date)) return setError('A deal cannot be in the future.');
    setError(null);
    void saveOrExplain(() => onSave({ amount: cents, currency: code, at, referralId: referralId || undefined, note }), setFailure, onClose);
  };
  return (
    <Dialog title={`Record a deal with ${name}`} testId="deal-form" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="row">
          <label className={`field${error ? ' invalid' : ''}`}><span>Amount</span><input data-testid="deal-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} autoFocus /></label>
          <label className="field"><span>Currency</span><input data-testid="deal-currency" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value)} /></label>
        </div>
        {error ? <p className="failure" role="alert">{error}</p> : null}
        <label className="field"><span>Day</span><input type="date" data-testid="deal-date" value={date} max={localToday()} onChange={(e) => setDate(e.target.value)} /></label>
        {referrals.length ? (
          <label className="field"><span>Came from a referral</span>
            <select data-testid="deal-referral" value={referralId} onChange={(e) => setReferralId(e.target.value)}>
              <option value="">No</option>
              {referrals.map((r) => <option key={r.tie.id} value={r.tie.id}>Referred by {r.referrerName}</option>)}
            </select>
          </label>
        ) : null}
        <label className="field"><span>Note</span><input data-testid="deal-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} /></label>
        {failure ? <p className="failure" role="alert">{failure}</p> : null}
        <div className="actions"><button type="button" onClick={onClose}>Cancel</button><button type="submit" className="primary" data-testid="deal-save">Record deal</button></div>
      </form>
    </Dialog>
  );
}
