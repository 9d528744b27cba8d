// Process: renderer. Reads the host refused. A live query whose read fails stops for good and the window would wait
// for its documents forever (a store too large to answer, a corrupt row): start-up shows the reason instead.
import { STORE_UNREACHABLE } from './connection.ts';

/** Storage methods that only read: the app never makes one the host may rightly refuse. */
const READS = new Set(['query', 'count', 'findDocumentsById', 'getChangedDocumentsSince']);

export class ReadFailures {
  private readonly listeners = new Set<(reason: string) => void>();

  /** Looks at one storage answer; a failed read is reported with the host's reason. */
  inspect(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const { method, error } = message as { method?: unknown; error?: { message?: unknown } };
    if (typeof method !== 'string' || !READS.has(method) || !error) return;
    const reason = typeof error.message === 'string' ? error.message : 'no reason given';
    // A lost host is the connection banner's to show, and the window reloads its data when it returns.
    if (reason.includes(STORE_UNREACHABLE)) return;
    for (const listener of [...this.listeners]) listener(reason);
  }

  /** Returns the unsubscribe. */
  subscribe(listener: (reason: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
