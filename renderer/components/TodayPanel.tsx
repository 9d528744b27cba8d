// Process: renderer. Who to reach today, deepest relationships first, everyone listed (the panel scrolls), with
// their phone and email one click away, a snooze for those who can wait, and the birthdays and anniversaries ahead.
import { useRef } from 'react';
import { RING_LABELS } from '../../shared/domain/sphere.ts';
import { addDays, type Occasion, type Occurrence, type TodaySection } from '../../shared/domain/today-list.ts';
import type { Cadence } from '../../shared/domain/cadence.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';
import { usePanelFocus } from '../hooks/usePanelFocus.ts';

export type TodayList = { sections: TodaySection<ContactDoc>[]; snoozed: number; total: number };

type Props = {
  list: TodayList;
  occasions: Occasion[];
  today: string;
  cadence: Cadence;
  onLog(contactId: string, kind: 'call' | 'message'): void;
  onSnooze(contactId: string, until: string): void;
  onOpen(contactId: string): void;
  onClose(): void;
};

const SNOOZE_DAYS = 7;
const OCCASIONS_OPEN = 4;

const when = (inDays: number) => (inDays === 0 ? 'today' : inDays === 1 ? 'tomorrow' : `in ${inDays} days`);
const dayLabel = (day: string) => new Date(`${day}T12:00:00`).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
const birthdayText = (b: Occurrence) => `birthday ${dayLabel(b.on)} (${when(b.inDays)})`;
const occasionText = (o: Occasion) => (o.kind === 'birthday' ? `Birthday${o.years ? `, ${o.years}` : ''}` : `${o.years} year${o.years === 1 ? '' : 's'} since their deal`);

export function TodayPanel({ list, occasions, today, cadence, onLog, onSnooze, onOpen, onClose }: Props) {
  const ref = useRef<HTMLElement>(null);
  // The first person due, not the birthdays above them: Today is for reaching out.
  usePanelFocus(ref, ['[data-testid="today-row"] button', 'button:not(.close)']);
  return (
    <aside ref={ref} className="side-list today" aria-label="Today: due for a touch" data-testid="today-panel" tabIndex={-1}>
      <header><h2>Today</h2><button type="button" className="close" onClick={onClose} aria-label="Close Today">×</button></header>
      {list.total === 0 ? <p className="muted">Everyone has heard from you recently. Nothing is due today.</p> : (
        <p className="muted" data-testid="today-summary">
          {list.total} {list.total === 1 ? 'person is' : 'people are'} due for a touch, the closest relationships first.
        </p>
      )}
      {list.snoozed ? <p className="muted" data-testid="today-snoozed">{list.snoozed} snoozed for now.</p> : null}
      {occasions.length ? (
        // Folded when long: the people due come first, and a busy month of anniversaries would push them away.
        <details className="occasions" open={occasions.length <= OCCASIONS_OPEN} data-testid="today-occasions">
          <summary><h3>Birthdays and anniversaries <small className="muted">({occasions.length})</small></h3></summary>
          <ul>
            {occasions.map((o) => (
              <li key={`${o.kind}:${o.contactId}`} data-testid="occasion-row">
                <button type="button" className="link" onClick={() => onOpen(o.contactId)}>{o.name}</button>
                <small>{occasionText(o)} · {dayLabel(o.on)}, {when(o.inDays)}</small>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {list.sections.map(({ ring, entries }) => (
        <section key={ring} aria-labelledby={`today-${ring}`} data-testid={`today-section-${ring}`}>
          <h3 id={`today-${ring}`}>{RING_LABELS[ring]} <small className="muted">({entries.length})</small></h3>
          <ul>
            {entries.map(({ contact, due, birthday }) => (
              <li key={contact.id} data-testid="today-row">
                <button type="button" className="link" onClick={() => onOpen(contact.id)}>{contact.name}</button>
                <small>
                  {due.daysOverdue > 0 ? `${due.daysOverdue} day${due.daysOverdue === 1 ? '' : 's'} overdue` : 'due today'}
                  {birthday ? ` · ${birthdayText(birthday)}` : ''}
                </small>
                <span className="reach">
                  {contact.phones[0] ? <a href={`tel:${contact.phones[0].replace(/[^\d+]/g, '')}`} data-testid="today-tel">{contact.phones[0]}</a> : null}
                  {contact.emails[0] ? <a href={`mailto:${contact.emails[0]}`} data-testid="today-mailto">{contact.emails[0]}</a> : null}
                </span>
                <span className="quick">
                  <button type="button" onClick={() => onLog(contact.id, 'call')} aria-label={`Log a call with ${contact.name}`}>Call</button>
                  <button type="button" onClick={() => onLog(contact.id, 'message')} aria-label={`Log a message to ${contact.name}`}>Message</button>
                  <button type="button" onClick={() => onSnooze(contact.id, addDays(today, SNOOZE_DAYS - 1))} aria-label={`Snooze ${contact.name} for a week`} title="Leave them off Today for a week" data-testid="today-snooze">Snooze</button>
                  <button type="button" onClick={() => onSnooze(contact.id, addDays(today, cadence[contact.ring] - 1))} aria-label={`Skip ${contact.name} this round`} title={`Leave them off Today for one cadence (${cadence[contact.ring]} days)`} data-testid="today-skip">Skip</button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
