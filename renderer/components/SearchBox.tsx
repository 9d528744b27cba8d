// Process: renderer. Keyboard-first search: type, arrow to a person, Enter selects and centres them.
import { forwardRef, useMemo, useState } from 'react';
import type { ContactDoc } from '../../shared/schemas/index.ts';
import type { SearchHit } from '../../shared/domain/contact-search.ts';
import { useContactIndex } from '../hooks/useContactIndex.ts';

type Props = { contacts: ContactDoc[]; onPick(id: string): void };

/** How many hits show at first; "N more" shows them all (up to MAX_SHOWN, scrolling). */
const FIRST_SHOWN = 8;
const MAX_SHOWN = 200;

/** The line under a name: what matched, when it was not the name. */
export function matchedLine(hit: SearchHit): string {
  const c = hit.contact;
  switch (hit.field) {
    case 'tag': return `tag: ${c.tags.join(', ')}`;
    case 'email': return c.emails.join(', ');
    case 'phone': return c.phones.join(', ');
    case 'title': return [c.title, c.organisation].filter(Boolean).join(', ');
    case 'notes': return `notes: ${(c.notes ?? '').slice(0, 60)}`;
    default: return [c.organisation, c.emails[0]].filter(Boolean).join(' · ');
  }
}

export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox({ contacts, onPick }, ref) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(FIRST_SHOWN);
  const search = useContactIndex(contacts);
  const { hits, total } = useMemo(() => search.search(query, shown), [search, query, shown]);
  const pick = (id: string | undefined) => {
    if (!id) return;
    onPick(id);
    setQuery('');
    setOpen(false);
  };
  const more = total - hits.length;
  return (
    <div className="search">
      <input
        ref={ref}
        type="search"
        data-testid="search"
        placeholder="Search people ( / )"
        aria-label="Search contacts by name, organisation, title, phone, email, tag or notes"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls="search-results"
        aria-activedescendant={hits[index] ? `hit-${hits[index].contact.id}` : undefined}
        value={query}
        onChange={(e) => { setQuery(e.target.value); setIndex(0); setShown(FIRST_SHOWN); setOpen(true); }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setIndex((i) => Math.min(hits.length - 1, i + 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setIndex((i) => Math.max(0, i - 1)); }
          else if (e.key === 'Enter') { e.preventDefault(); pick(hits[index]?.contact.id); (e.target as HTMLInputElement).blur(); }
          else if (e.key === 'Escape') { setQuery(''); (e.target as HTMLInputElement).blur(); }
        }}
      />
      {open && query.trim() ? (
        // The list holds only people (options); what is not a person (no match, "N more") sits beside it.
        <div className="search-results" data-testid="search-results">
          <ul id="search-results" role="listbox" aria-label="People found">
            {hits.map((h, i) => (
              <li key={h.contact.id} id={`hit-${h.contact.id}`} role="option" aria-selected={i === index} className={i === index ? 'active' : ''} onMouseDown={(e) => { e.preventDefault(); pick(h.contact.id); }}>
                <span>{h.contact.name}</span>
                <small>{matchedLine(h)}</small>
              </li>
            ))}
          </ul>
          {hits.length === 0 ? <p className="muted">Nobody matches “{query.trim()}”.</p> : null}
          {more > 0 ? (
            <p className="more">
              {shown < MAX_SHOWN ? (
                // Mouse down, not click: the input keeps focus, so the list stays open.
                <button type="button" data-testid="search-more" onMouseDown={(e) => { e.preventDefault(); setShown(MAX_SHOWN); }}>{more} more…</button>
              ) : <small>{more} more: type more of the name to narrow them down.</small>}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
});
