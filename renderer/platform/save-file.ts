// Process: renderer. Saves an export: in Electron through the host's save dialog (the page cannot write files),
// in the browser host as a download, which the browser saves where its user has said downloads go.
import { BRIDGE_KEY } from '../../shared/bridge.ts';
import type { AppApiClient } from '../../shared/app-api.ts';

export type FileToSave = { name: string; mime: string; data: string | Blob };

/** Where it went, for the message to the user; null when the user cancelled the dialog. */
export async function saveFile(api: AppApiClient, file: FileToSave): Promise<string | null> {
  if (BRIDGE_KEY in window) {
    const content = typeof file.data === 'string' ? { text: file.data } : { base64: await base64Of(file.data) };
    return (await api.call('file.save', { name: file.name, ...content })).file;
  }
  const blob = typeof file.data === 'string' ? new Blob([file.data], { type: `${file.mime};charset=utf-8` }) : file.data;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once the click is handled; the URL is let go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return `your downloads as ${file.name}`;
}

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

