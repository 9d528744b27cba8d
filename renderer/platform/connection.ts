// Process: renderer. Whether the window can reach its host's store right now, whatever the transport.
// The preload bridge never goes down (the host is the app itself); the browser host's socket can.

export type ConnectionState =
  /** `generation` counts the times the link came up: above 1, the host was away and the window must reload its data. */
  | { up: true; generation: number }
  /** `attempt` is the reconnection about to be tried, at `retryAt` (ms since epoch). */
  | { up: false; since: number; attempt: number; retryAt: number };

/** The words shown when the store cannot be reached: storage errors and app API failures carry exactly these. */
export const STORE_UNREACHABLE = "Sphere's store is out of reach (its host stopped); it reconnects by itself. Try again once it is back.";

/** A small observable value: the banner, the start-up code and the storage guard all read it. */
export class ConnectionWatch {
  private value: ConnectionState;
  private readonly listeners = new Set<(state: ConnectionState) => void>();

  constructor(initial: ConnectionState) {
    this.value = initial;
  }

  get state(): ConnectionState {
    return this.value;
  }

  set(next: ConnectionState): void {
    this.value = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  /** Returns the unsubscribe. */
  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Capped exponential backoff: 0.5 s, 1 s, 2 s … 10 s, so a host back in a second is found in a second. */
export function reconnectDelay(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, attempt - 1));
}
