// Process: renderer. One search index per component, brought up to date with each new list of contacts:
// only the contacts an edit changed are re-indexed, so typing in a sphere of 10,000 stays quick.
import { useMemo, useState } from 'react';
import { ContactIndex, type SearchResult } from '../../shared/domain/contact-search.ts';
import type { ContactDoc } from '../../shared/schemas/index.ts';

export type ContactSearch = { search(query: string, limit?: number): SearchResult };

/**
 * Its identity changes when the contacts do, so searches memoised on it run again. `shared`: an index that
 * outlives the component (the pickers' one), so a dialog opened again on 10,000 people re-indexes only the
 * few that differ instead of building the index anew.
 */
export function useContactIndex(contacts: readonly ContactDoc[], shared?: ContactIndex): ContactSearch {
  const [own] = useState(() => shared ?? new ContactIndex());
  const index = shared ?? own;
  return useMemo(() => {
    index.update(contacts);
    return { search: (query: string, limit?: number) => index.search(query, limit) };
  }, [index, contacts]);
}
