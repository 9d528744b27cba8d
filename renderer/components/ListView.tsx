// Process: renderer. The same contacts as a table: sortable, windowed so 10,000 rows stay quick, and usable by keyboard and screen reader.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CATEGORY_LABELS, RINGS, RING_LABELS } from '../../shared/domain/sphere.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';
import type { SphereGraphModel } from '../../shared/graph/sphere-model.ts';
import { STAGE_LABELS } from './forms/EditContactForm.tsx';

type SortKey = 'name' | 'category' | 'ring' | 'stage' | 'score';
type Props = { contacts: ContactDoc[]; model: SphereGraphModel; hiddenIds: Set<string> | null; selectedId: string | null; onSelect(id: string): void };

const ROW = 34;
const OVERSCAN = 8;

export function ListView({ contacts, model, hiddenIds, selectedId, onSelect }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [active, setActive] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => {
    const visible = hiddenIds ? contacts.filter((c) => !hiddenIds.has(c.id)) : [...contacts];
    const score = (c: ContactDoc) => model.scores.get(c.id)?.score ?? 0;
    const value = (c: ContactDoc): string | number =>
      sort.key === 'score' ? score(c) : sort.key === 'ring' ? RINGS.indexOf(c.ring) : sort.key === 'name' ? c.name.toLowerCase() : sort.key === 'category' ? c.category : (model.nodes.get(c.id)?.data.stage ?? '');
    return visible.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name)) * sort.dir;
    });
  }, [contacts, hiddenIds, model, sort]);

  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);

  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(rows.length - 1, index));
    setActive(i);
    const el = scroller.current;
    if (!el) return;
    if (i * ROW < el.scrollTop) el.scrollTop = i * ROW;
    else if ((i + 1) * ROW > el.scrollTop + el.clientHeight - ROW) el.scrollTop = (i + 2) * ROW - el.clientHeight;
  };
  const onKey = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / ROW) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: rows.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    } else if (e.key === 'Enter' && rows[active]) {
      e.preventDefault();
      onSelect(rows[active].id);
    }
  };
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 }))} data-testid={`sort-${key}`}>
        {label}{sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );

  return (
    <div
      className="list-view"
      ref={(el) => {
        scroller.current = el;
        if (el && el.clientHeight !== height) setHeight(el.clientHeight);
      }}
      onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)}
      data-testid="list-view"
    >
      {rows.length === 0 ? <p className="muted list-empty">No contacts match. Clear the filters or add someone.</p> : (
        <table role="grid" aria-rowcount={rows.length + 1} aria-label="Contacts" tabIndex={0} onKeyDown={onKey} aria-activedescendant={rows[active] ? `row-${rows[active].id}` : undefined} data-testid="contact-table">
          <thead>
            <tr aria-rowindex={1}>{header('name', 'Name')}{header('category', 'Category')}{header('ring', 'Ring')}{header('stage', 'Stage')}{header('score', 'Trust')}</tr>
          </thead>
          <tbody>
            {first > 0 ? <tr style={{ height: first * ROW }} aria-hidden="true" /> : null}
            {rows.slice(first, last).map((c, i) => {
              const index = first + i;
              return (
                <tr key={c.id} id={`row-${c.id}`} aria-rowindex={index + 2} aria-selected={c.id === selectedId} className={`${index === active ? 'active' : ''}${c.id === selectedId ? ' selected' : ''}`} style={{ height: ROW }} onClick={() => { setActive(index); onSelect(c.id); }} data-testid="contact-row">
                  <td>{c.name}{c.organisation ? <small> · {c.organisation}</small> : null}</td>
                  <td>{CATEGORY_LABELS[c.category]}</td>
                  <td>{RING_LABELS[c.ring]}</td>
                  <td>{STAGE_LABELS[model.nodes.get(c.id)?.data.stage ?? 'prospect']}</td>
                  <td>{Math.round(model.scores.get(c.id)?.score ?? 0)}</td>
                </tr>
              );
            })}
            {last < rows.length ? <tr style={{ height: (rows.length - last) * ROW }} aria-hidden="true" /> : null}
          </tbody>
        </table>
      )}
    </div>
  );
}
