// Process: renderer. Edit everything about a contact; the same checks as adding, plus the fields that come later.
import { useState, type FormEvent } from 'react';
import { CATEGORIES, CATEGORY_LABELS, CUSTOMER_STAGES, RINGS, RING_LABELS, ROLES, ROLE_LABELS, type CustomerStage, type Role } from '../../../shared/domain/sphere.ts';
import { checkBirthday, checkEmail, checkPhone, parseContactInput, uniqueTags } from '../../../shared/domain/contact-input.ts';
import { localToday } from '../../../shared/domain/local-date.ts';
import type { ContactDoc } from '../../../shared/schemas/index.ts';
import type { ContactChanges } from '../../../shared/commands/domain-command.ts';
import { Dialog, saveOrExplain } from './Dialog.tsx';
import { dayOf, pickedDay } from './RecordDay.tsx';

// Each once: the schema holds tags, emails and phones to distinct items, and "vip, vip" means one tag.
const list = (text: string) => [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
export const STAGE_LABELS: Record<CustomerStage, string> = { prospect: 'Prospect', firstTime: 'First-time customer', repeat: 'Repeat customer', lifetime: 'Lifetime customer', churned: 'Churned' };

export function EditContactForm({ contact, onSave, onClose }: { contact: ContactDoc; onSave(changes: ContactChanges): Promise<void>; onClose(): void }) {
  const [v, setV] = useState({
    name: contact.name, category: contact.category as string, ring: contact.ring as string, organisation: contact.organisation ?? '', title: contact.title ?? '',
    emails: contact.emails.join(', '), phones: contact.phones.join(', '), tags: contact.tags.join(', '), notes: contact.notes ?? '', address: contact.address ?? '',
    birthday: contact.birthday ?? '', owner: contact.owner ?? '', optIn: contact.optIn?.granted ?? false, optInSource: contact.optIn?.source ?? '', optInDay: contact.optIn ? dayOf(contact.optIn.at) : localToday(), private: contact.private ?? false,
    stage: contact.stageByHand ?? 'auto',
  });
  const [roles, setRoles] = useState<Role[]>(contact.roles);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((prev) => ({ ...prev, [key]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const base = parseContactInput({ name: v.name, category: v.category, ring: v.ring, organisation: v.organisation });
    const found: Record<string, string> = base.ok ? {} : { ...base.errors } as Record<string, string>;
    const emails = list(v.emails);
    const phones = list(v.phones);
    const badEmail = emails.map(checkEmail).find(Boolean);
    if (badEmail) found.emails = badEmail;
    const badPhone = phones.map(checkPhone).find(Boolean);
    if (badPhone) found.phones = badPhone;
    const badBirthday = v.birthday.trim() ? checkBirthday(v.birthday.trim()) : null;
    if (badBirthday) found.birthday = badBirthday;
    if (v.optIn && !v.optInSource.trim()) found.optInSource = 'Say where they agreed (a form, an event, in person).';
    // The day they agreed, as the user says it: an unchanged day keeps the moment stored.
    const optInAt = contact.optIn && v.optInDay === dayOf(contact.optIn.at) ? contact.optIn.at : pickedDay(v.optInDay, 'agreement');
    if (v.optIn && typeof optInAt === 'string') found.optInDay = optInAt;
    setErrors(found);
    if (!base.ok || Object.keys(found).length > 0) return;
    // Empty text clears a field (the host stores no empty strings); 'auto' hands the stage back to the deals.
    const changes: ContactChanges = {
      ...base.fields, emails, phones, tags: uniqueTags(list(v.tags)), roles, title: v.title.trim(), notes: v.notes.trim(), address: v.address.trim(), birthday: v.birthday.trim(), owner: v.owner.trim(),
      organisation: v.organisation.trim(),
      optIn: v.optIn ? { granted: true, at: optInAt as number, source: v.optInSource.trim() } : contact.optIn?.granted ? { granted: false, at: Date.now(), source: contact.optIn.source } : undefined,
      stageByHand: v.stage !== 'auto' ? (v.stage as CustomerStage) : null,
      private: v.private ? true : null,
    };
    void saveOrExplain(() => onSave(changes), setFailure, onClose);
  };

  const err = (key: string) => (errors[key] ? <em role="alert">{errors[key]}</em> : null);
  return (
    <Dialog title={`Edit ${contact.name}`} testId="edit-form" onClose={onClose}>
      <form onSubmit={submit} noValidate className="edit-form">
        <label className="field"><span>Name</span><input data-testid="edit-name" value={v.name} onChange={set('name')} autoFocus />{err('name')}</label>
        <div className="row">
          <label className="field"><span>Category</span><select value={v.category} onChange={set('category')}>{CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>)}</select></label>
          <label className="field"><span>Ring</span><select value={v.ring} onChange={set('ring')}>{RINGS.map((r) => <option key={r} value={r}>{RING_LABELS[r]}</option>)}</select></label>
        </div>
        <div className="row">
          <label className="field"><span>Organisation</span><input value={v.organisation} onChange={set('organisation')} /></label>
          <label className="field"><span>Title</span><input value={v.title} onChange={set('title')} /></label>
        </div>
        <div className="row">
          <label className="field"><span>Emails (comma-separated)</span><input data-testid="edit-emails" value={v.emails} onChange={set('emails')} />{err('emails')}</label>
          <label className="field"><span>Phones (comma-separated)</span><input data-testid="edit-phones" value={v.phones} onChange={set('phones')} />{err('phones')}</label>
        </div>
        <fieldset className="roles"><legend>Roles</legend>
          {ROLES.map((r) => (
            <label key={r}><input type="checkbox" data-testid={`edit-role-${r}`} checked={roles.includes(r)} onChange={() => setRoles((prev) => (prev.includes(r) ? prev.filter((x) => x !== r) : [...prev, r]))} />{ROLE_LABELS[r]}</label>
          ))}
        </fieldset>
        <div className="row">
          <label className="field"><span>Customer stage</span>
            <select data-testid="edit-stage" value={v.stage} onChange={set('stage')}>
              <option value="auto">Follow the deals</option>
              {CUSTOMER_STAGES.map((s) => <option key={s} value={s}>{STAGE_LABELS[s]} (set by hand)</option>)}
            </select>
          </label>
          <label className="field"><span>Tags (comma-separated)</span><input data-testid="edit-tags" value={v.tags} onChange={set('tags')} /></label>
        </div>
        <div className="row">
          <label className="field"><span>Birthday</span><input data-testid="edit-birthday" placeholder="1980-04-23" value={v.birthday} onChange={set('birthday')} />{err('birthday')}</label>
          <label className="field"><span>Owner</span><input value={v.owner} onChange={set('owner')} /></label>
        </div>
        <label className="field"><span>Address</span><input data-testid="edit-address" value={v.address} onChange={set('address')} /></label>
        <div className="row">
          <label className="check"><input type="checkbox" data-testid="edit-optin" checked={v.optIn} onChange={(e) => setV((p) => ({ ...p, optIn: e.target.checked }))} />Agreed to receive marketing</label>
          <label className="check" title="Never sent to the team server, nor their touches, deals and ties; teammates who had them lose them, you keep them."><input type="checkbox" data-testid="edit-private" checked={v.private} onChange={(e) => setV((p) => ({ ...p, private: e.target.checked }))} />Private: keep on this device, never shared with the team</label>
        </div>
        <div className="row">
          <label className="field"><span>Agreed on</span><input type="date" data-testid="edit-optin-date" value={v.optInDay} max={localToday()} onChange={set('optInDay')} disabled={!v.optIn} />{err('optInDay')}</label>
          <label className="field"><span>Where they agreed</span><input data-testid="edit-optin-source" value={v.optInSource} onChange={set('optInSource')} disabled={!v.optIn} />{err('optInSource')}</label>
        </div>
        <label className="field"><span>Notes</span><textarea data-testid="edit-notes" rows={3} value={v.notes} onChange={set('notes')} /></label>
        {failure ? <p className="failure" role="alert">{failure}</p> : null}
        <div className="actions"><button type="button" onClick={onClose}>Cancel</button><button type="submit" className="primary" data-testid="edit-save">Save</button></div>
      </form>
    </Dialog>
  );
}
