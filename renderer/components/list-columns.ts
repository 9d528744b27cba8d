// Process: renderer. The list view's optional columns, and which of them the person chose (kept on this device).
import type { ContactDoc } from '../../shared/schemas/index.ts';

/** Derived columns (stage, trust) are filled in by the list from the graph model; the rest read the contact. */
export const LIST_COLUMNS = {
  category: { label: 'Category', text: (c: ContactDoc) => c.category },
  ring: { label: 'Ring', text: (c: ContactDoc) => c.ring },
  stage: { label: 'Stage', text: () => '' },
  score: { label: 'Trust', text: () => '' },
  organisation: { label: 'Organisation', text: (c: ContactDoc) => c.organisation ?? '' },
  title: { label: 'Job title', text: (c: ContactDoc) => c.title ?? '' },
  email: { label: 'Email', text: (c: ContactDoc) => c.emails[0] ?? '' },
  phone: { label: 'Phone', text: (c: ContactDoc) => c.phones[0] ?? '' },
  tags: { label: 'Tags', text: (c: ContactDoc) => c.tags.join(', ') },
  birthday: { label: 'Birthday', text: (c: ContactDoc) => c.birthday ?? '' },
} as const;

export type ColumnKey = keyof typeof LIST_COLUMNS;

const STORED = 'sphere.list.columns';
const DEFAULT_COLUMNS: ColumnKey[] = ['category', 'ring', 'stage', 'score'];

export function loadColumns(): ColumnKey[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORED) ?? 'null');
    if (Array.isArray(stored)) return stored.filter((k): k is ColumnKey => typeof k === 'string' && k in LIST_COLUMNS);
  } catch {
    // A value this version cannot read: the default columns.
  }
  return DEFAULT_COLUMNS;
}

export function saveColumns(columns: ColumnKey[]): void {
  localStorage.setItem(STORED, JSON.stringify(columns));
}
