// Process: any (pure). The team server's wire protocol, declared once for the server and the app's sync engine.
// It follows RxDB's replication protocol (pull by checkpoint, push with the assumed master state, a live
// stream), with endpoints shaped like rxdb-server's, under /api/teams/{team}/sync/{collection}/{schemaVersion}/.
import { z } from 'zod';

/** Collections a team shares. Settings stay on each device: cadences and weights are a person's own. */
export const SYNCED_COLLECTIONS = ['contacts', 'ties', 'touches', 'deals'] as const;
export type SyncedCollection = (typeof SYNCED_COLLECTIONS)[number];

/**
 * Where a client is in a team's change feed: the server's sequence number (commit order, never a clock) and the
 * server's generation. A checkpoint from another generation (the server was restored or reset) is worth
 * nothing: the server answers it from the start, so the client resyncs fully instead of believing it is in sync.
 */
export const CheckpointSchema = z.object({ seq: z.number().int().min(0), generation: z.string().min(1).max(64) });
export type SyncCheckpoint = z.infer<typeof CheckpointSchema>;

/** A document on the wire: its own fields plus `_deleted`; never RxDB's _rev, _meta or _attachments. */
export type WireDoc = Record<string, unknown> & { id: string; _deleted: boolean };

export type PullResponse = { documents: WireDoc[]; checkpoint: SyncCheckpoint };
export type PushRow = { assumedMasterState?: WireDoc; newDocumentState: WireDoc };
/** What push answers: the master state of every row that conflicted; empty when all were written. */
export type PushResponse = WireDoc[];
/** One Server-Sent Event on the stream: a batch of changes, or 'RESYNC' (pull from your checkpoint again). */
export type StreamEvent = PullResponse | 'RESYNC';

export const LoginRequestSchema = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(1024) });
export type LoginResponse = { token: string; expiresAt: number; teams: { id: string; name: string; role: 'owner' | 'member' }[] };

export const MAX_PULL_LIMIT = 1000;
export const MAX_PUSH_ROWS = 500;
/** Bytes in one request body; a push of MAX_PUSH_ROWS large contacts fits. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export const syncPath = (team: string, collection: string, schemaVersion: number, verb: 'pull' | 'push' | 'stream') =>
  `/api/teams/${encodeURIComponent(team)}/sync/${encodeURIComponent(collection)}/${schemaVersion}/${verb}`;
