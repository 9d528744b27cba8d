// Process: any (pure). What Electron's preload exposes to the page: named verbs and one storage channel, never ipcRenderer.
import type { AppRequestOutcome } from './app-api.ts';

export const BRIDGE_KEY = 'sphereBridge';

export const IPC_CHANNELS = {
  storage: 'sphere:storage',
  api: 'sphere:api',
  event: 'sphere:event',
} as const;

export type SphereBridge = {
  host: 'electron';
  storage: {
    send(message: unknown): void;
    /** Returns the unsubscribe. */
    onMessage(listener: (message: unknown) => void): () => void;
  };
  call(name: string, args?: unknown): Promise<AppRequestOutcome>;
  /** Returns the unsubscribe. */
  on(event: string, listener: (payload: unknown) => void): () => void;
};
