// Process: renderer. Asks the worker for network positions; falls back to the main thread where workers are unavailable.
import type { NetworkInput, NetworkPositions } from './network-layout.ts';

export async function layoutNetwork(input: NetworkInput): Promise<NetworkPositions> {
  if (typeof Worker === 'undefined') return (await import('./network-layout.ts')).computeNetworkLayout(input);
  const worker = new Worker(new URL('./network-layout.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<NetworkPositions>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<{ ok: true; positions: NetworkPositions } | { ok: false; error: string }>) => (e.data.ok ? resolve(e.data.positions) : reject(new Error(e.data.error)));
      worker.onerror = (e) => reject(new Error(e.message || 'the layout worker failed'));
      worker.postMessage(input);
    });
  } finally {
    worker.terminate();
  }
}
