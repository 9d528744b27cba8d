// Process: renderer. Narrow the sphere by category, ring, role, tag, customer stage, or who is due for a touch.
import { CATEGORIES, CATEGORY_LABELS, CUSTOMER_STAGES, RINGS, RING_LABELS, ROLES, ROLE_LABELS } from '../../shared/domain/sphere.ts';
import { activeFilterCount, NO_FILTER, type ContactFilter } from '../graph/contact-filter.ts';
import { STAGE_LABELS } from './forms/EditContactForm.tsx';
import { count } from '../../shared/domain/counting.ts';
import { useRef } from 'react';
import { usePanelFocus } from '../hooks/usePanelFocus.ts';

type Props = { filter: ContactFilter; shown: number; total: number; onChange(f: ContactFilter): void; onClose(): void };

function Group<K extends string>({ legend, values, labels, chosen, onToggle, testId }: { legend: string; values: readonly K[]; labels: Record<K, string>; chosen: K[]; onToggle(v: K): void; testId: string }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v}><input type="checkbox" data-testid={`${testId}-${v}`} checked={chosen.includes(v)} onChange={() => onToggle(v)} />{labels[v]}</label>
      ))}
    </fieldset>
  );
}

const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

export function FilterPanel({ filter, shown, total, onChange, onClose }: Props) {
  const ref = useRef<HTMLElement>(null);
  usePanelFocus(ref, 'input');
  return (
    <aside ref={ref} tabIndex={-1} className="side-list filters" aria-label="Filters" data-testid="filter-panel">
      <header><h2>Filters</h2><button type="button" className="close" onClick={onClose} aria-label="Close filters">×</button></header>
      <p className="muted" data-testid="filter-count">Showing {shown} of {count(total, 'contact')}.</p>
      <Group legend="Category" values={CATEGORIES} labels={CATEGORY_LABELS} chosen={filter.categories} testId="filter-category" onToggle={(v) => onChange({ ...filter, categories: toggle(filter.categories, v) })} />
      <Group legend="Ring" values={RINGS} labels={RING_LABELS} chosen={filter.rings} testId="filter-ring" onToggle={(v) => onChange({ ...filter, rings: toggle(filter.rings, v) })} />
      <Group legend="Role" values={ROLES} labels={ROLE_LABELS} chosen={filter.roles} testId="filter-role" onToggle={(v) => onChange({ ...filter, roles: toggle(filter.roles, v) })} />
      <Group legend="Customer stage" values={CUSTOMER_STAGES} labels={STAGE_LABELS} chosen={filter.stages} testId="filter-stage" onToggle={(v) => onChange({ ...filter, stages: toggle(filter.stages, v) })} />
      <label className="field"><span>Tag</span><input data-testid="filter-tag" value={filter.tag} onChange={(e) => onChange({ ...filter, tag: e.target.value })} /></label>
      <label className="check"><input type="checkbox" data-testid="filter-due" checked={filter.dueOnly} onChange={() => onChange({ ...filter, dueOnly: !filter.dueOnly })} />Only people due for a touch</label>
      <div className="actions"><button type="button" onClick={() => onChange(NO_FILTER)} disabled={activeFilterCount(filter) === 0}>Clear filters</button></div>
    </aside>
  );
}
