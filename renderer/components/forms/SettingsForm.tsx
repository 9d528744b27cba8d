// Process: renderer. Keep-in-touch cadences, life-cycle thresholds and the trust score's weights.
import { useState, type FormEvent } from 'react';
import { RINGS, RING_LABELS, type Ring } from '../../../shared/domain/sphere.ts';
import type { SettingsDoc } from '../../../shared/schemas/index.ts';
import { DEFAULT_SETTINGS } from '../../../shared/schemas/settings.ts';
import { Dialog, saveOrExplain } from './Dialog.tsx';

type Props = { settings: SettingsDoc; onSave(changes: Partial<SettingsDoc>): Promise<void>; onClose(): void; onBackups?(): void };

const whole = (text: string, min: number, max: number): number | null => {
  const n = Number(text);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
};

export function SettingsForm({ settings, onSave, onClose, onBackups }: Props) {
  const [cadence, setCadence] = useState<Record<Ring, string>>(Object.fromEntries(RINGS.map((r) => [r, String(settings.cadence[r])])) as Record<Ring, string>);
  const [weights, setWeights] = useState<Record<Ring, string>>(Object.fromEntries(RINGS.map((r) => [r, String(settings.trustWeights.ring[r])])) as Record<Ring, string>);
  const [life, setLife] = useState({ repeatAt: String(settings.lifeCycle.repeatAt), lifetimeAt: String(settings.lifeCycle.lifetimeAt), churnAfterDays: String(settings.lifeCycle.churnAfterDays) });
  const [halfLife, setHalfLife] = useState(String(settings.trustWeights.touchHalfLifeDays));
  const [dimOverdue, setDimOverdue] = useState(settings.dimOverdue);
  const [currency, setCurrency] = useState(settings.baseCurrency);
  const [error, setError] = useState<string | null>(null);
  // Restoring replaces every value the person tuned: it is asked about in place before anything is saved.
  const [askRestore, setAskRestore] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = Object.fromEntries(RINGS.map((r) => [r, whole(cadence[r], 1, 3650)]));
    if (RINGS.some((r) => c[r] === null)) return setError('A cadence is a whole number of days, from 1 to 3650.');
    const w = Object.fromEntries(RINGS.map((r) => [r, whole(weights[r], 0, 100)]));
    if (RINGS.some((r) => w[r] === null)) return setError('A ring weight is a whole number of points, from 0 to 100.');
    const repeatAt = whole(life.repeatAt, 2, 1000);
    const lifetimeAt = whole(life.lifetimeAt, 3, 1000);
    const churn = whole(life.churnAfterDays, 1, 3650);
    if (repeatAt === null || lifetimeAt === null || churn === null) return setError('Deal counts and the churn period are whole numbers (repeat from 2, lifetime from 3).');
    if (lifetimeAt <= repeatAt) return setError('A lifetime customer needs more deals than a repeat customer.');
    const hl = whole(halfLife, 1, 3650);
    if (hl === null) return setError('The half-life of a touch is a whole number of days.');
    const code = currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) return setError('The base currency is a three-letter code such as USD or EUR.');
    setError(null);
    void saveOrExplain(() => onSave({
      baseCurrency: code,
      cadence: c as SettingsDoc['cadence'],
      lifeCycle: { repeatAt, lifetimeAt, churnAfterDays: churn },
      trustWeights: { ...settings.trustWeights, ring: w as SettingsDoc['trustWeights']['ring'], touchHalfLifeDays: hl },
      dimOverdue,
    }), setError, onClose);
  };

  return (
    <Dialog title="Settings" testId="settings-form" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h3>Keep in touch every… (days)</h3>
        <div className="row four">
          {RINGS.map((r) => <label key={r} className="field"><span>{RING_LABELS[r]}</span><input data-testid={`cadence-${r}`} inputMode="numeric" value={cadence[r]} onChange={(e) => setCadence((p) => ({ ...p, [r]: e.target.value }))} /></label>)}
        </div>
        <label className="check"><input type="checkbox" data-testid="dim-overdue" checked={dimOverdue} onChange={(e) => setDimOverdue(e.target.checked)} />Fade contacts who are overdue for a touch</label>
        <label className="field"><span>Base currency (new deals, totals shown first)</span><input data-testid="base-currency" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value)} /></label>
        <h3>Customer life cycle</h3>
        <div className="row three">
          <label className="field"><span>Repeat from (deals)</span><input value={life.repeatAt} onChange={(e) => setLife((p) => ({ ...p, repeatAt: e.target.value }))} /></label>
          <label className="field"><span>Lifetime from (deals)</span><input value={life.lifetimeAt} onChange={(e) => setLife((p) => ({ ...p, lifetimeAt: e.target.value }))} /></label>
          <label className="field"><span>Churned after (days quiet)</span><input data-testid="churn-after" value={life.churnAfterDays} onChange={(e) => setLife((p) => ({ ...p, churnAfterDays: e.target.value }))} /></label>
        </div>
        <h3>Trust score: points for the ring</h3>
        <div className="row four">
          {RINGS.map((r) => <label key={r} className="field"><span>{RING_LABELS[r]}</span><input data-testid={`weight-${r}`} inputMode="numeric" value={weights[r]} onChange={(e) => setWeights((p) => ({ ...p, [r]: e.target.value }))} /></label>)}
        </div>
        <label className="field"><span>A touch counts half as much after (days)</span><input value={halfLife} onChange={(e) => setHalfLife(e.target.value)} /></label>
        {onBackups ? (
          <>
            <h3>Backups</h3>
            <p className="muted">See your backups and what each holds, back up now, or restore one. <button type="button" data-testid="settings-backups" onClick={onBackups}>Backups…</button></p>
          </>
        ) : null}
        {error ? <p className="failure" role="alert">{error}</p> : null}
        {askRestore ? (
          <div className="confirm" role="alertdialog" aria-labelledby="restore-question" data-testid="restore-defaults-confirm">
            <p id="restore-question">Put back the default cadences, life-cycle thresholds and trust weights? What you set here is replaced (Undo brings it back).</p>
            <div className="actions">
              <button type="button" onClick={() => setAskRestore(false)} autoFocus>Keep my settings</button>
              <button type="button" className="danger" onClick={() => void saveOrExplain(() => onSave({ cadence: DEFAULT_SETTINGS.cadence, lifeCycle: DEFAULT_SETTINGS.lifeCycle, trustWeights: DEFAULT_SETTINGS.trustWeights, dimOverdue: false }), setError, onClose)}>Restore the defaults</button>
            </div>
          </div>
        ) : null}
        <div className="actions">
          <button type="button" onClick={() => setAskRestore(true)} aria-expanded={askRestore}>Restore defaults</button>
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" data-testid="settings-save">Save</button>
        </div>
      </form>
    </Dialog>
  );
}
