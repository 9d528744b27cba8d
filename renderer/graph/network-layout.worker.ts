// Process: renderer Web Worker. Runs the network layout off the main thread so the window stays responsive.
import { computeNetworkLayout, type NetworkInput } from './network-layout.ts';

self.onmessage = (event: MessageEvent<NetworkInput>) => {
  try {
    self.postMessage({ ok: true, positions: computeNetworkLayout(event.data) });
  } catch (err) {
    self.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
