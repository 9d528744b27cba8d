// Process: renderer. The three things any host carries for the page, whatever the wire, and whether it is there.
import type { AppRequestOutcome } from '../../shared/app-api.ts';
import type { ConnectionWatch } from './connection.ts';

export type HostLink = {
  host: 'electron' | 'browser';
  /** Up or down, with the reconnection under way; the preload bridge is always up. */
  connection: ConnectionWatch;
  sendStorage(message: unknown): void;
  onStorage(listener: (message: unknown) => void): () => void;
  call(name: string, args?: unknown): Promise<AppRequestOutcome>;
  onEvent(name: string, listener: (payload: unknown) => void): () => void;
};
