// Process: renderer. The three things any host carries for the page, whatever the wire.
import type { AppRequestOutcome } from '../../shared/app-api.ts';

export type HostLink = {
  host: 'electron' | 'browser';
  sendStorage(message: unknown): void;
  onStorage(listener: (message: unknown) => void): () => void;
  call(name: string, args?: unknown): Promise<AppRequestOutcome>;
  onEvent(name: string, listener: (payload: unknown) => void): () => void;
};
