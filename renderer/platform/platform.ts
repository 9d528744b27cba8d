// Process: renderer. What the UI gets from whichever host runs it (Electron preload or browser host).
import type { RxStorage } from 'rxdb';
import type { AppApiClient } from '../../shared/app-api.ts';
import type { ConnectionWatch } from './connection.ts';
import type { ReadFailures } from './read-failures.ts';

export type Platform = {
  host: 'electron' | 'browser';
  /** RxDB remote storage whose documents live in the host's SQLite file. */
  storage: RxStorage<unknown, unknown>;
  api: AppApiClient;
  /** Whether the host's store is reachable; when it comes back after a loss, the window reopens its database. */
  connection: ConnectionWatch;
  /** Reads the host refused (not for a lost connection): the window cannot show its sphere, and says why. */
  readFailures: ReadFailures;
};

/** Filled in by the transport module; the UI never knows which transport it got. */
export async function connectPlatform(): Promise<Platform> {
  const { connectTransport } = await import('./transport.ts');
  return connectTransport();
}
