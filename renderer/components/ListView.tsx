// Process: renderer. The same contacts as a table: sortable, windowed so 10,000 rows stay quick, and usable by keyboard and screen reader.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CATEGORY_LABELS, CUSTOMER_STAGES, RINGS, RING_LABELS } from '../../shared/domain/sphere.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';
import type { SphereGraphModel } from '../../shared/graph/sphere-model.ts';
import { STAGE_LABELS } from './forms/EditContactForm.tsx';
import { LIST_COLUMNS, loadColumns, saveColumns, type ColumnKey } from './list-columns.ts';

type SortKey = 'name' | ColumnKey;
type Props = { contacts: ContactDoc[]; model: SphereGraphModel; hiddenIds: Set<string> | null; selectedId: string | null; onSelect(id: string): void };

const ROW = 34;
const OVERSCAN = 8;

export function ListView({ contacts, model, hiddenIds, selectedId, onSelect }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const [columns, setColumns] = useState<ColumnKey[]>(loadColumns);
  const [choosing, setChoosing] = useState(false);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [active, setActive] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => {
    const visible = hiddenIds ? contacts.filter((c) => !hiddenIds.has(c.id)) : [...contacts];
    const score = (c: ContactDoc) => model.scores.get(c.id)?.score ?? 0;
    // Rings and stages sort in their life-cycle order (Trust to prospects, prospect to churned), not alphabetically.
    const value = (c: ContactDoc): string | number => {
      switch (sort.key) {
        case 'score': return score(c);
        case 'ring': return RINGS.indexOf(c.ring);
        case 'stage': return CUSTOMER_STAGES.indexOf(model.nodes.get(c.id)?.data.stage ?? 'prospect');
        case 'name': return c.name.toLowerCase();
        default: return LIST_COLUMNS[sort.key].text(c).toLowerCase();
      }
    };
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
  // Trust reads best highest first; everything else starts from the top of its order.
  const firstDir = (key: SortKey): 1 | -1 => (key === 'score' ? -1 : 1);
  const header = (key: SortKey, label: string) => (
    <th scope="col" key={key} aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => setSort((s) => ({ key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : firstDir(key) }))} data-testid={`sort-${key}`}>
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
      <div className="list-tools">
        <button type="button" onClick={() => setChoosing((c) => !c)} aria-expanded={choosing} aria-controls="list-columns" data-testid="choose-columns">Columns…</button>
        {choosing ? (
          <fieldset id="list-columns" className="list-columns" data-testid="column-chooser">
            <legend>Columns shown</legend>
            {(Object.keys(LIST_COLUMNS) as ColumnKey[]).map((key) => (
              <label key={key}>
                <input type="checkbox" checked={columns.includes(key)} data-testid={`column-${key}`}
                  onChange={() => {
                    const next = columns.includes(key) ? columns.filter((k) => k !== key) : (Object.keys(LIST_COLUMNS) as ColumnKey[]).filter((k) => k === key || columns.includes(k));
                    setColumns(next);
                    saveColumns(next);
                  }} />
                {LIST_COLUMNS[key].label}
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
      {rows.length === 0 ? <p className="muted list-empty">No contacts match. Clear the filters or add someone.</p> : (
        <table role="grid" aria-rowcount={rows.length + 1} aria-label="Contacts" tabIndex={0} data-keeps-focus onKeyDown={onKey} aria-activedescendant={rows[active] ? `row-${rows[active].id}` : undefined} data-testid="contact-table">
          <thead>
            <tr aria-rowindex={1}>{header('name', 'Name')}{columns.map((key) => header(key, LIST_COLUMNS[key].label))}</tr>
          </thead>
          <tbody>
            {first > 0 ? <tr style={{ height: first * ROW }} aria-hidden="true" /> : null}
            {rows.slice(first, last).map((c, i) => {
              const index = first + i;
              return (
                <tr key={c.id} id={`row-${c.id}`} aria-rowindex={index + 2} aria-selected={c.id === selectedId} className={`${index === active ? 'active' : ''}${c.id === selectedId ? ' selected' : ''}`} style={{ height: ROW }} onClick={() => { setActive(index); onSelect(c.id); }} data-testid="contact-row">
                  <td>{c.name}{c.organisation ? <small> · {c.organisation}</small> : null}</td>
                  {columns.map((key) => (
                    <td key={key}>
                      {key === 'category' ? CATEGORY_LABELS[c.category] : key === 'ring' ? RING_LABELS[c.ring] : key === 'stage' ? STAGE_LABELS[model.nodes.get(c.id)?.data.stage ?? 'prospect'] : key === 'score' ? Math.round(model.scores.get(c.id)?.score ?? 0) : LIST_COLUMNS[key].text(c)}
                    </td>
                  ))}
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
