// Process: main or browser host (Node). The team server's protocol as calls: login, pull, push and the live
// stream. Failures come back as kinds the engine acts on: sign in again, update the app, refused, or offline.
import {
  MAX_PULL_LIMIT, syncPath, type LoginResponse, type PullResponse, type PushResponse, type PushRow, type StreamEvent, type SyncCheckpoint,
} from '../../shared/sync/protocol.ts';

export type SyncFailureKind = 'auth' | 'version' | 'refused' | 'offline';

export class SyncFailure extends Error {
  override name = 'SyncFailure';
  readonly kind: SyncFailureKind;
  constructor(kind: SyncFailureKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

export type ServerLink = { server: string; team: string; token: string };

/** No request may hang: a dead link is noticed and retried rather than waited on forever. */
const REQUEST_TIMEOUT_MS = 30_000;
/** A live stream with nothing on it for this long (three of the server's keep-alives) is taken for dead. */
export const STREAM_IDLE_MS = 75_000;

async function call(url: string, init: RequestInit & { token?: string }): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body) headers['Content-Type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers, signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (err) {
    throw new SyncFailure('offline', `The team server cannot be reached (${(err as Error).message}).`);
  }
  if (response.ok) return response;
  throw await failureOf(response);
}

/**
 * What a refusal means for the engine, in the server's own words: it answers `{ error: "…" }` (and knows, for a
 * 426, which side is behind), so the user reads that sentence, not the JSON around it.
 */
async function failureOf(response: Response): Promise<SyncFailure> {
  const text = await response.text().catch(() => '');
  let message = text.slice(0, 500);
  try {
    const body = JSON.parse(text) as { message?: unknown; error?: unknown };
    const said = typeof body.message === 'string' ? body.message : body.error;
    if (typeof said === 'string') message = said;
  } catch {
    // Not JSON: the text as it came.
  }
  if (response.status === 401 || response.status === 403) return new SyncFailure('auth', `Sign in again: ${message || 'the server no longer accepts this sign-in'}.`);
  if (response.status === 426) return new SyncFailure('version', message || 'This version of Sphere is too old for the team server: update the app.');
  if (response.status >= 500 || response.status === 429) return new SyncFailure('offline', `The team server is not answering (${response.status}).`);
  return new SyncFailure('refused', `The team server refused it (${response.status}): ${message}`);
}

export async function login(server: string, email: string, password: string): Promise<LoginResponse> {
  const response = await call(new URL('/api/login', server).href, { method: 'POST', body: JSON.stringify({ email, password }) });
  return (await response.json()) as LoginResponse;
}

export async function logout(link: Pick<ServerLink, 'server' | 'token'>): Promise<void> {
  await call(new URL('/api/logout', link.server).href, { method: 'POST', token: link.token });
}

export async function pull(link: ServerLink, collection: string, version: number, checkpoint: SyncCheckpoint | undefined, limit: number): Promise<PullResponse> {
  const url = new URL(syncPath(link.team, collection, version, 'pull'), link.server);
  if (checkpoint) url.searchParams.set('checkpoint', JSON.stringify(checkpoint));
  url.searchParams.set('limit', String(Math.min(limit, MAX_PULL_LIMIT)));
  const response = await call(url.href, { method: 'GET', token: link.token });
  return (await response.json()) as PullResponse;
}

export async function push(link: ServerLink, collection: string, version: number, rows: PushRow[]): Promise<PushResponse> {
  const url = new URL(syncPath(link.team, collection, version, 'push'), link.server);
  const response = await call(url.href, { method: 'POST', token: link.token, body: JSON.stringify(rows) });
  return (await response.json()) as PushResponse;
}

/**
 * Follows the live stream until `signal` aborts or the connection ends (then it resolves, and the caller
 * reconnects). Server-Sent Events are read from a fetch body, so the token goes in a header, never the URL.
 */
export async function follow(
  link: ServerLink, collection: string, version: number, onEvent: (event: StreamEvent) => void, onOpen: () => void, signal: AbortSignal,
  idleMs = STREAM_IDLE_MS,
): Promise<void> {
  const url = new URL(syncPath(link.team, collection, version, 'stream'), link.server);
  // The server writes at least a keep-alive every heartbeat (25 s). A connection that a NAT or a sleeping laptop
  // forgot stays open but silent, with no end and no error: without this the device would wait on it forever
  // and hear of no teammate's edit.
  const silent = new AbortController();
  let idle: NodeJS.Timeout | undefined;
  const awake = () => {
    clearTimeout(idle);
    idle = setTimeout(() => silent.abort(), idleMs);
  };
  awake();
  try {
    const watch: Watch = { signal, either: AbortSignal.any([signal, silent.signal]), awake, wentSilent: () => silent.signal.aborted, idleMs };
    return await followUntil(url, link, onEvent, onOpen, watch);
  } finally {
    clearTimeout(idle);
  }
}

/** `signal`: sync stopped; `either`: that or the stream went silent; `awake`: bytes came. */
type Watch = { signal: AbortSignal; either: AbortSignal; awake: () => void; wentSilent: () => boolean; idleMs: number };

async function followUntil(url: URL, link: ServerLink, onEvent: (event: StreamEvent) => void, onOpen: () => void, watch: Watch): Promise<void> {
  const { signal, either, awake, wentSilent, idleMs } = watch;
  let response: Response;
  try {
    response = await fetch(url.href, { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${link.token}` }, signal: either });
  } catch (err) {
    if (signal.aborted) return;
    throw new SyncFailure('offline', `The team server cannot be reached (${(err as Error).message}).`);
  }
  if (!response.ok || !response.body) {
    const failure = await failureOf(response);
    if (failure.kind === 'auth' || failure.kind === 'version') throw failure;
    throw new SyncFailure('offline', `The live stream is not available (${response.status}).`);
  }
  onOpen();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      awake();
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = parseEvent(block);
        if (event && typeof event === 'object' && 'failure' in event) throw event.failure;
        if (event) onEvent(event);
      }
    }
  } catch (err) {
    if (signal.aborted) return;
    if (err instanceof SyncFailure) throw err;
    if (wentSilent()) throw new SyncFailure('offline', `The live stream went silent for ${Math.round(idleMs / 1000)} s; reconnecting.`);
    throw new SyncFailure('offline', `The live stream was cut (${(err as Error).message}).`);
  }
}

/**
 * One SSE block: its data lines as JSON. An `event: error` block ends the stream: with 401/403 the sign-in was
 * withdrawn; anything else (503 while the server shuts down) is a cut line, reconnected to like any other.
 */
function parseEvent(block: string): StreamEvent | { failure: SyncFailure } | null {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  let parsed: unknown;
  try {
    parsed = data.length > 0 ? JSON.parse(data.join('\n')) : null;
  } catch {
    return null;
  }
  if (name === 'error') {
    const status = (parsed as { status?: number } | null)?.status;
    const reason = (parsed as { error?: string } | null)?.error ?? 'the stream ended';
    return { failure: status === 401 || status === 403 ? new SyncFailure('auth', `Sign in again: ${reason}.`) : new SyncFailure('offline', `The live stream ended (${reason}).`) };
  }
  return parsed as StreamEvent | null;
}
