// Process: renderer. Who is due for a touch today, most overdue first, with one-click logging.
import { RING_LABELS } from '../../shared/domain/sphere.ts';
import { DEFAULT_CADENCE, touchDue, type Cadence, type TouchDue } from '../../shared/domain/cadence.ts';
import type { ContactDoc, TouchDoc } from '../../shared/schemas/index.ts';

export type DueContact = { contact: ContactDoc; due: TouchDue };

export function dueContacts(contacts: ContactDoc[], touches: TouchDoc[], now: number, cadence: Cadence = DEFAULT_CADENCE): DueContact[] {
  const last = new Map<string, number>();
  for (const t of touches) if (t.kind !== 'stageChange' && t.at > (last.get(t.contactId) ?? -Infinity)) last.set(t.contactId, t.at);
  return contacts
    .map((contact) => ({ contact, due: touchDue(contact.ring, last.get(contact.id), contact.createdAt, now, cadence) }))
    .filter((d) => d.due.status !== 'ok')
    .sort((a, b) => b.due.daysOverdue - a.due.daysOverdue || a.contact.name.localeCompare(b.contact.name));
}

const SHOWN = 60;

type Props = { due: DueContact[]; onLog(contactId: string, kind: 'call' | 'message'): void; onOpen(contactId: string): void; onClose(): void };

export function TodayPanel({ due, onLog, onOpen, onClose }: Props) {
  return (
    <aside className="side-list" aria-label="Today: due for a touch" data-testid="today-panel">
      <header><h2>Today</h2><button type="button" className="close" onClick={onClose} aria-label="Close Today">×</button></header>
      {due.length === 0 ? <p className="muted">Everyone has heard from you recently. Nothing is due today.</p> : (
        <>
          <p className="muted">{due.length} {due.length === 1 ? 'person is' : 'people are'} due for a touch. Keeping in touch is how relationships deepen.</p>
          <ul>
            {due.slice(0, SHOWN).map(({ contact, due: d }) => (
              <li key={contact.id} data-testid="today-row">
                <button type="button" className="link" onClick={() => onOpen(contact.id)}>{contact.name}</button>
                <small>{RING_LABELS[contact.ring]} · {d.daysOverdue > 0 ? `${d.daysOverdue} days overdue` : 'due today'}</small>
                <span className="quick">
                  <button type="button" onClick={() => onLog(contact.id, 'call')} aria-label={`Log a call with ${contact.name}`}>Call</button>
                  <button type="button" onClick={() => onLog(contact.id, 'message')} aria-label={`Log a message to ${contact.name}`}>Message</button>
                </span>
              </li>
            ))}
          </ul>
          {due.length > SHOWN ? <p className="muted">and {due.length - SHOWN} more.</p> : null}
        </>
      )}
    </aside>
  );
}
