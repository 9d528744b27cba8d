// Process: renderer. Correct a deal: amount, currency, day, the referral that brought it, its note; or delete it.
import { useState, type FormEvent } from 'react';
import type { DealDoc, TieDoc } from '../../../shared/schemas/index.ts';
import { Dialog, saveOrExplain } from './Dialog.tsx';
import { parseAmount } from './DealForm.tsx';
import { DayField, dayOf, EditActions, pickedDay } from './RecordDay.tsx';

export type DealChanges = { amount: number; currency: string; at: number; referralId: string | null; note: string };

type Props = { deal: DealDoc; name: string; referrals: { tie: TieDoc; referrerName: string }[]; onSave(changes: DealChanges): Promise<void>; onDelete(): void; onClose(): void };

/** 125050 → "1250.50": the amount as the user types it back. */
const asTyped = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2));

export function EditDealForm({ deal, name, referrals, onSave, onDelete, onClose }: Props) {
  const [amount, setAmount] = useState(() => asTyped(deal.amount));
  const [currency, setCurrency] = useState(deal.currency);
  const [day, setDay] = useState(() => dayOf(deal.at));
  const [referralId, setReferralId] = useState(deal.referralId ?? '');
  const [note, setNote] = useState(deal.note ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseAmount(amount);
    if (cents === null) return setFailure('An amount is a positive number such as 1250 or 1,250.50.');
    const code = currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) return setFailure('A currency is a three-letter code such as USD or EUR.');
    const at = day === dayOf(deal.at) ? deal.at : pickedDay(day, 'deal');
    if (typeof at === 'string') return setFailure(at);
    void saveOrExplain(() => onSave({ amount: cents, currency: code, at, referralId: referralId || null, note }), setFailure, onClose);
  };
  return (
    <Dialog title={`Edit a deal with ${name}`} testId="edit-deal-form" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="row">
          <label className="field"><span>Amount</span><input data-testid="edit-deal-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} autoFocus /></label>
          <label className="field"><span>Currency</span><input data-testid="edit-deal-currency" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value)} /></label>
        </div>
        <DayField value={day} onChange={setDay} testId="edit-deal-date" />
        {referrals.length ? (
          <label className="field"><span>Came from a referral</span>
            <select data-testid="edit-deal-referral" value={referralId} onChange={(e) => setReferralId(e.target.value)}>
              <option value="">No</option>
              {referrals.map((r) => <option key={r.tie.id} value={r.tie.id}>Referred by {r.referrerName}</option>)}
            </select>
          </label>
        ) : null}
        <label className="field"><span>Note</span><input data-testid="edit-deal-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} /></label>
        {failure ? <p className="failure" role="alert">{failure}</p> : null}
        <EditActions testId="edit-deal" deleteLabel="Delete deal" onDelete={onDelete} onClose={onClose} />
      </form>
    </Dialog>
  );
}
