// Process: renderer. The add-contact dialog: checked field by field, nothing saved until everything is right.
import { useRef, useState, type FormEvent } from 'react';
import { Dialog } from './forms/Dialog.tsx';
import { CATEGORIES, CATEGORY_LABELS, RINGS, RING_LABELS } from '../../shared/domain/sphere.ts';
import { parseContactInput, type ContactFields, type ContactInput, type FieldErrors } from '../../shared/domain/contact-input.ts';

type Props = { onSave(fields: ContactFields): Promise<void>; onClose(): void };

export function ContactForm({ onSave, onClose }: Props) {
  const [input, setInput] = useState<ContactInput>({ name: '', category: '', ring: 'know', organisation: '', email: '', phone: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (key: keyof ContactInput) => (value: string) => {
    setInput((prev) => ({ ...prev, [key]: value }));
    if (errors[key]) setErrors((prev) => ({ ...prev, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseContactInput(input);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      const first = Object.keys(parsed.errors)[0];
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await onSave(parsed.fields);
      onClose();
    } catch (err) {
      setFailure(`Not saved: ${(err as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  const field = (key: keyof ContactInput, label: string, control: React.ReactNode, hint?: string) => (
    <label className={`field${errors[key] ? ' invalid' : ''}`}>
      <span>{label}</span>
      {control}
      {errors[key] ? <em role="alert" id={`${key}-error`}>{errors[key]}</em> : hint ? <small>{hint}</small> : null}
    </label>
  );

  return (
    <Dialog title="Add a contact" testId="contact-form" onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate>
        {field('name', 'Name', <input name="name" data-testid="contact-name" autoFocus value={input.name} onChange={(e) => set('name')(e.target.value)} aria-invalid={!!errors.name} aria-describedby="name-error" autoComplete="off" />)}
        <div className="row">
          {field('category', 'Who they are to you', (
            <select name="category" data-testid="contact-category" value={input.category} onChange={(e) => set('category')(e.target.value)} aria-invalid={!!errors.category}>
              <option value="" disabled>Choose…</option>
              {CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>)}
            </select>
          ))}
          {field('ring', 'How well you know each other', (
            <select name="ring" data-testid="contact-ring" value={input.ring} onChange={(e) => set('ring')(e.target.value)}>
              {RINGS.map((r) => <option key={r} value={r}>{RING_LABELS[r]}</option>)}
            </select>
          ))}
        </div>
        {field('organisation', 'Organisation', <input name="organisation" data-testid="contact-organisation" value={input.organisation} onChange={(e) => set('organisation')(e.target.value)} />, 'Optional')}
        <div className="row">
          {field('email', 'Email', <input name="email" type="email" data-testid="contact-email" value={input.email} onChange={(e) => set('email')(e.target.value)} aria-invalid={!!errors.email} aria-describedby="email-error" />, 'Optional')}
          {field('phone', 'Phone', <input name="phone" type="tel" data-testid="contact-phone" value={input.phone} onChange={(e) => set('phone')(e.target.value)} aria-invalid={!!errors.phone} aria-describedby="phone-error" />, 'Optional')}
        </div>
        {failure ? <p className="failure" role="alert">{failure}</p> : null}
        <div className="actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" data-testid="contact-save" disabled={saving}>{saving ? 'Saving…' : 'Add to sphere'}</button>
        </div>
      </form>
    </Dialog>
  );
}
