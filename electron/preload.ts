// Process: Electron preload (sandboxed). Exposes named verbs and one storage channel; never ipcRenderer itself,
// and listeners never see the raw IPC event.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, IPC_CHANNELS, type SphereBridge } from '../shared/bridge.ts';
import type { AppRequestOutcome } from '../shared/app-api.ts';

function subscribe(channel: string, handler: (...args: unknown[]) => void): () => void {
  const listener = (_event: IpcRendererEvent, ...args: unknown[]) => handler(...args);
  ipcRenderer.on(channel, listener);
  return () => ipcRenderer.removeListener(channel, listener);
}

const bridge: SphereBridge = {
  host: 'electron',
  storage: {
    send: (message) => ipcRenderer.send(IPC_CHANNELS.storage, message),
    onMessage: (listener) => subscribe(IPC_CHANNELS.storage, (message) => listener(message)),
  },
  call: (name, args) => ipcRenderer.invoke(IPC_CHANNELS.api, name, args) as Promise<AppRequestOutcome>,
  on: (event, listener) =>
    subscribe(IPC_CHANNELS.event, (name, payload) => {
      if (name === event) listener(payload);
    }),
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
