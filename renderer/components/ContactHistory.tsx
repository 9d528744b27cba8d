// Process: renderer. A contact's history in the detail panel: each change, when, by whom (a teammate, or this
// device), which fields, and for merges which side's value was kept.
import { useState } from 'react';
import type { AppApiClient } from '../../shared/app-api.ts';
import { valueText, type ContactHistoryEntry, type FieldMerge } from '../../shared/history.ts';
import { useContactHistory } from '../hooks/useContactHistory.ts';

type Props = { api: AppApiClient; contactId: string; changedAt: number };

/** Shown at first; the rest behind "Show all". */
const FIRST = 8;

const FIELD_LABELS: Record<string, string> = { stageByHand: 'stage', optIn: 'marketing opt-in', organisation: 'organisation', _deleted: 'deleted' };
const fieldName = (field: string) => FIELD_LABELS[field] ?? field;

function who(entry: ContactHistoryEntry): string {
  if (entry.here) return entry.author.includes('@') ? `you (${entry.author})` : 'this device';
  return entry.author.startsWith('device-') ? 'another device' : entry.author;
}

function what(entry: ContactHistoryEntry): string {
  const prefix = entry.kind === 'undo' ? 'undid: ' : entry.kind === 'redo' ? 'redid: ' : '';
  if (entry.contact === 'added') return `${prefix}${entry.kind === 'undo' ? 'brought back' : 'added'}`;
  if (entry.contact === 'deleted') return `${prefix}deleted`;
  const parts = entry.fields.map((f) => `${fieldName(f.field)}: ${valueText(f.before)} → ${valueText(f.after)}`);
  // The merge lines below say what was kept; the line itself says both of you edited.
  if (entry.kind === 'merged') return ['edited at the same time as you', ...parts].join('; ');
  return `${prefix}${[...parts, ...entry.related].join('; ') || entry.label}`;
}

function mergeText(m: FieldMerge): string {
  if (m.field === '_deleted') return m.kept === 'yours' ? `your ${m.yours ? 'delete' : 'edits'} kept over ${m.theirsBy}'s` : m.theirs ? `deleted by ${m.theirsBy}: your edits lost` : `${m.theirsBy}'s edits kept over your delete`;
  const yours = `your ${fieldName(m.field)} "${valueText(m.yours)}"`;
  const theirs = `${m.theirsBy}'s "${valueText(m.theirs)}"`;
  return m.kept === 'yours' ? `merged: ${yours} kept, ${theirs} not taken` : `merged: ${theirs} taken, ${yours} lost`;
}

export function ContactHistory({ api, contactId, changedAt }: Props) {
  const { entries, error } = useContactHistory(api, contactId, changedAt);
  const [all, setAll] = useState(false);
  const shown = entries && !all ? entries.slice(0, FIRST) : entries;
  return (
    <section aria-label="History" data-testid="contact-history">
      <h3>History</h3>
      {error ? <p className="muted">The history could not be read: {error}</p> : null}
      {entries && entries.length === 0 ? <p className="muted">No changes recorded on this device yet.</p> : null}
      {shown && shown.length > 0 ? (
        <ol className="timeline">
          {shown.map((e) => (
            <li key={e.seq} data-testid="history-entry" data-kind={e.kind}>
              <time dateTime={new Date(e.at).toISOString()} title={new Date(e.at).toLocaleString()}>{new Date(e.at).toLocaleDateString()}</time>{' '}
              <strong>{who(e)}</strong> {what(e)}
              {e.merges.map((m) => <small key={`${m.id}/${m.field}`} data-testid="history-merge">{mergeText(m)}</small>)}
            </li>
          ))}
        </ol>
      ) : null}
      {entries && entries.length > FIRST && !all ? <button type="button" onClick={() => setAll(true)}>Show all {entries.length} changes</button> : null}
    </section>
  );
}
