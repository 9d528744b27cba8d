// Process: renderer. What was typed about a contact, shown as typed: emails and phones as links that wrap (the
// Electron host asks before handing a mailto: or tel: link to the system, see electron/external-links.ts), birthday,
// address, tags, marketing permission and notes. The links open as new windows, which Electron's window-open
// handler always sees (a mailto: navigation may not reach will-navigate); the browser host hands them to the system.
import type { ContactDoc } from '../../../shared/schemas/index.ts';

/** "1980-04-23" → "23 April 1980"; "--04-23" (no year) → "23 April". */
export function formatBirthday(birthday: string): string {
  const match = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(birthday);
  if (!match) return birthday;
  const year = match[1] === '-' ? undefined : Number(match[1]);
  const date = new Date(Date.UTC(year ?? 2000, Number(match[2]) - 1, Number(match[3])));
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'long', ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' });
}

export function ContactFacts({ contact }: { contact: ContactDoc }) {
  return (
    <>
      {contact.emails.length ? (<><dt>Email</dt><dd className="wrap" data-testid="detail-emails">{contact.emails.map((e) => <a key={e} href={`mailto:${e}`} target="_blank" rel="noreferrer">{e}</a>)}</dd></>) : null}
      {contact.phones.length ? (<><dt>Phone</dt><dd className="wrap" data-testid="detail-phones">{contact.phones.map((p) => <a key={p} href={`tel:${p.replace(/[^\d+]/g, '')}`} target="_blank" rel="noreferrer">{p}</a>)}</dd></>) : null}
      {contact.birthday ? (<><dt>Birthday</dt><dd data-testid="detail-birthday">{formatBirthday(contact.birthday)}</dd></>) : null}
      {contact.address ? (<><dt>Address</dt><dd className="wrap" data-testid="detail-address">{contact.address}</dd></>) : null}
      {contact.tags.length ? (<><dt>Tags</dt><dd data-testid="detail-tags"><ul className="tags">{contact.tags.map((t) => <li key={t}>{t}</li>)}</ul></dd></>) : null}
      {contact.optIn ? (
        <><dt>Marketing</dt><dd data-testid="detail-optin">{contact.optIn.granted
          ? `opted in ${new Date(contact.optIn.at).toLocaleDateString()} (${contact.optIn.source})`
          : `declined ${new Date(contact.optIn.at).toLocaleDateString()}`}</dd></>
      ) : null}
    </>
  );
}

export function ContactNotes({ notes }: { notes: string | undefined }) {
  if (!notes) return null;
  return (
    <section aria-labelledby="detail-notes-title">
      <h3 id="detail-notes-title">Notes</h3>
      <p className="notes" data-testid="detail-notes">{notes}</p>
    </section>
  );
}
