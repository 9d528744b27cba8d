// Process: renderer. The link inside Electron: the preload bridge.
import type { SphereBridge } from '../../shared/bridge.ts';
import type { HostLink } from './link.ts';

export function bridgeLink(bridge: SphereBridge): HostLink {
  return {
    host: 'electron',
    sendStorage: (message) => bridge.storage.send(message),
    onStorage: (listener) => bridge.storage.onMessage(listener),
    call: (name, args) => bridge.call(name, args),
    onEvent: (name, listener) => bridge.on(name, listener),
  };
}
