// Process: renderer. One contact's history as the host's journal tells it, asked again whenever the documents change.
import { useEffect, useState } from 'react';
import type { AppApiClient } from '../../shared/app-api.ts';
import type { ContactHistoryEntry } from '../../shared/history.ts';

/** `changedAt`: when the window's documents last changed; a new value means the journal may have grown. */
export function useContactHistory(api: AppApiClient, contactId: string, changedAt: number): { entries: ContactHistoryEntry[] | null; error: string | null } {
  const [state, setState] = useState<{ id: string; entries: ContactHistoryEntry[] | null; error: string | null }>({ id: contactId, entries: null, error: null });
  useEffect(() => {
    let live = true;
    api.call('history.contact', { contactId }).then(
      (entries) => live && setState({ id: contactId, entries, error: null }),
      (err: Error) => live && setState({ id: contactId, entries: null, error: err.message }),
    );
    return () => {
      live = false;
    };
  }, [api, contactId, changedAt]);
  // Another contact's answer is not shown while this one's is on its way.
  return state.id === contactId ? state : { entries: null, error: null };
}
