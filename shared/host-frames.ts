// Process: any (pure). Frames on the browser host's WebSocket: the storage channel, app requests, pushed events.
// Electron carries the same three things on separate IPC channels; this is their one-socket form.

export type ClientFrame =
  | { t: 'storage'; m: unknown }
  | { t: 'api'; id: number; name: string; args?: unknown };

export type HostFrame =
  | { t: 'storage'; m: unknown; paged?: true }
  | { t: 'documents'; part: unknown[] }
  | { t: 'api'; id: number; ok: true; result: unknown }
  | { t: 'api'; id: number; ok: false; error: string }
  | { t: 'event'; name: string; payload: unknown };

export const HOST_CHANNEL_PATH = '/channel';
/** Where the page trades its one-time launch token (POST) for a session cookie, and asks whether it has one (GET). */
export const HOST_SESSION_PATH = '/session';
/** The fragment key of the printed address (`#launch=…`): a fragment never travels in a request. */
export const LAUNCH_TOKEN_PARAM = 'launch';

export function parseClientFrame(text: string): ClientFrame | { error: string } {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { error: 'frame is not JSON' };
  }
  if (typeof frame !== 'object' || frame === null) return { error: 'frame must be an object' };
  const f = frame as Record<string, unknown>;
  if (f.t === 'storage' && 'm' in f) return { t: 'storage', m: f.m };
  if (f.t === 'api' && Number.isSafeInteger(f.id) && typeof f.name === 'string') {
    return { t: 'api', id: f.id as number, name: f.name, args: f.args };
  }
  return { error: 'unknown frame' };
}

/**
 * A large storage answer arrives as `documents` frames and then the answer itself, marked `paged`, with its
 * documents left empty (frames on one socket keep their order, and the host sends them back to back). This puts
 * the documents back; it returns the frame to act on, or null while parts are still arriving.
 */
export class PagedAnswers {
  private parts: unknown[][] = [];

  accept(frame: HostFrame): HostFrame | null {
    if (frame.t === 'documents') {
      if (Array.isArray(frame.part)) this.parts.push(frame.part);
      return null;
    }
    if (frame.t !== 'storage' || !frame.paged) return frame;
    const documents = this.parts.flat();
    this.parts = [];
    const m = frame.m as { return?: unknown };
    if (Array.isArray(m.return)) return { t: 'storage', m: { ...m, return: documents } };
    if (typeof m.return === 'object' && m.return !== null) return { t: 'storage', m: { ...m, return: { ...m.return, documents } } };
    return { t: 'storage', m };
  }
}
