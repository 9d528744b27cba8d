// Process: renderer. Keyboard-first search: type, arrow to a person, Enter selects and centres them.
import { forwardRef, useMemo, useState } from 'react';
import { searchContacts } from '../../shared/domain/contact-search.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';

type Props = { contacts: ContactDoc[]; onPick(id: string): void };

export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox({ contacts, onPick }, ref) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const [open, setOpen] = useState(false);
  const hits = useMemo(() => searchContacts(contacts, query), [contacts, query]);
  const pick = (id: string | undefined) => {
    if (!id) return;
    onPick(id);
    setQuery('');
    setOpen(false);
  };
  return (
    <div className="search">
      <input
        ref={ref}
        type="search"
        data-testid="search"
        placeholder="Search people ( / )"
        aria-label="Search contacts by name, organisation, email or tag"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls="search-results"
        aria-activedescendant={hits[index] ? `hit-${hits[index].contact.id}` : undefined}
        value={query}
        onChange={(e) => { setQuery(e.target.value); setIndex(0); setOpen(true); }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setIndex((i) => Math.min(hits.length - 1, i + 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setIndex((i) => Math.max(0, i - 1)); }
          else if (e.key === 'Enter') { e.preventDefault(); pick(hits[index]?.contact.id); (e.target as HTMLInputElement).blur(); }
          else if (e.key === 'Escape') { setQuery(''); (e.target as HTMLInputElement).blur(); }
        }}
      />
      {open && query.trim() ? (
        <ul id="search-results" role="listbox" className="search-results">
          {hits.map((h, i) => (
            <li key={h.contact.id} id={`hit-${h.contact.id}`} role="option" aria-selected={i === index} className={i === index ? 'active' : ''} onMouseDown={(e) => { e.preventDefault(); pick(h.contact.id); }}>
              <span>{h.contact.name}</span>
              <small>{h.field === 'name' ? (h.contact.organisation ?? '') : h.field === 'tag' ? `tag: ${h.contact.tags.join(', ')}` : h.field === 'email' ? h.contact.emails[0] : h.contact.organisation}</small>
            </li>
          ))}
          {hits.length === 0 ? <li className="muted">Nobody matches “{query.trim()}”.</li> : null}
        </ul>
      ) : null}
    </div>
  );
});
