// Process: renderer. The link inside Electron: the preload bridge.
import type { SphereBridge } from '../../shared/bridge.ts';
import { ConnectionWatch } from './connection.ts';
import type { HostLink } from './link.ts';

export function bridgeLink(bridge: SphereBridge): HostLink {
  return {
    host: 'electron',
    // The host is this app's own main process: if it is gone, so is the window.
    connection: new ConnectionWatch({ up: true, generation: 1 }),
    sendStorage: (message) => bridge.storage.send(message),
    onStorage: (listener) => bridge.storage.onMessage(listener),
    call: (name, args) => bridge.call(name, args),
    onEvent: (name, listener) => bridge.on(name, listener),
  };
}
