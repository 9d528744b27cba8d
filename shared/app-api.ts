// Process: any (pure). The app API: every request the renderer may make of its host, declared once.
// Main (Electron IPC), the browser host (WebSocket) and the renderer all derive from this table.
import { z } from 'zod';
import { SpherePictureSchema } from './graph/sphere-picture.ts';
import { DomainCommandSchema } from './commands/domain-command.ts';
import { COMMAND_SPECS, type CommandId } from './command-specs.ts';
import type { Insights } from './insights/insights.ts';
import { ContactHistoryEntrySchema, DeletedContactSummarySchema, UndoStackSchema } from './history.ts';

const none = z.undefined().or(z.null()).optional();

export const StoreProblemSchema = z.object({
  /** What went wrong, in words a user can act on. */
  reason: z.string(),
  /** The file name the unreadable store was moved to; it is never deleted. */
  setAsideAs: z.string(),
  at: z.number(),
});
export type StoreProblem = z.infer<typeof StoreProblemSchema>;

/** What a backup holds, read from it (live documents): shown before a restore, so the user knows what they get. */
export const BackupCountsSchema = z.object({ contacts: z.number(), ties: z.number(), touches: z.number(), deals: z.number() });
export type BackupCounts = z.infer<typeof BackupCountsSchema>;

export const BackupSchema = z.object({
  name: z.string(),
  at: z.number(),
  bytes: z.number(),
  /** Null when the file cannot be read as a Sphere store: it is listed, and cannot be restored. */
  counts: BackupCountsSchema.nullable(),
});
export type Backup = z.infer<typeof BackupSchema>;

/** A schema upgrade of the store at launch (or of a restored backup): under way, or failed. */
export const StoreUpgradeSchema = z.discriminatedUnion('state', [
  /** Documents moved to the new versions so far, of all there are to move (0 of 0 while the backup is made). */
  z.object({ state: z.literal('running'), done: z.number(), total: z.number() }),
  /** The store file was left as it was; `backup` names the copy made before trying, if it was made. */
  z.object({ state: z.literal('failed'), reason: z.string(), backup: z.string().nullable() }),
]);
export type StoreUpgrade = z.infer<typeof StoreUpgradeSchema>;

export const StoreStatusSchema = z.object({
  file: z.string(),
  dataDir: z.string(),
  /** Set when the store on disk could not be opened at launch and a fresh one took its place. */
  problem: StoreProblemSchema.nullable(),
  /** Set while the store is being upgraded to this version's schemas, or when that failed; windows wait for it. */
  upgrade: StoreUpgradeSchema.nullable(),
  /** Why the store was opened read-only (a read-only folder or file, a lock); every write is refused with it. */
  readOnly: z.string().nullable().optional(),
  /** Documents whose stored JSON is damaged, per collection: skipped by every read, kept in the file for repair. */
  unreadable: z.array(z.object({ collection: z.string(), count: z.number() })).optional(),
});
export type StoreStatus = z.infer<typeof StoreStatusSchema>;

/** A backup name is a bare file name we made: no paths, so a request can never reach outside the backup folder. */
/** Backups made just before a schema upgrade end so (`sphere-<time>-before-upgrade.db`). */
export const BackupNameSchema = z.string().regex(/^sphere-[0-9TZ:.-]+(-before-upgrade)?\.db$/, 'not a Sphere backup name').max(80);
export const isUpgradeBackup = (name: string): boolean => name.endsWith('-before-upgrade.db');

/** What the host says of a command it ran: the step to name in "Undo …", and the contact it created, if any. */
export const CommandOutcomeSchema = z.object({ runId: z.string(), label: z.string(), createdId: z.string().optional() });
export type CommandOutcome = z.infer<typeof CommandOutcomeSchema>;
const RunIdSchema = z.object({ runId: z.string().min(1).max(64) });

/** Team sync as the window may see it: never the token. */
export const SyncStatusSchema = z.object({
  /** off: signed in, sync switched off; offline: retrying with backoff; error: the user must act (see `error`). */
  state: z.enum(['signedOut', 'off', 'offline', 'syncing', 'upToDate', 'error']),
  server: z.string().nullable(),
  email: z.string().nullable(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Local changes not yet on the server. */
  pending: z.number(),
  /** Documents received since sync started: the first sync's progress. */
  received: z.number(),
  lastSyncAt: z.number().nullable(),
  error: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SignInSchema = z.object({
  server: z.string().trim().url().max(500).refine((url) => /^https?:/.test(url), 'the server address starts with https:// (or http:// on your own network)'),
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
  /** Sending a password unencrypted to another machine needs the user's explicit yes. */
  allowPlainHttp: z.boolean().optional(),
});

/** A period for insights: milliseconds since the epoch, both ends included (`from` 0 is all time). */
export const InsightsArgsSchema = z.strictObject({
  from: z.number().int().min(0).max(1e15),
  to: z.number().int().min(0).max(1e15),
}).refine((p) => p.from <= p.to, 'the period ends before it starts');

/** The insights are made by the host from its own store (shared/insights/insights.ts): an object, checked as such. */
const InsightsSchema = z.custom<Insights>((value) => typeof value === 'object' && value !== null && 'pareto' in value && 'funnel' in value, 'not an insights document');
/**
 * A file the window asks the host to save (Electron: through a save dialog; the browser host downloads in the page
 * instead). A bare name with one of the export formats' extensions, never a path: where it goes is the user's
 * choice in the dialog, not the page's.
 */
export const SAVE_EXTENSIONS = ['csv', 'vcf', 'gexf', 'graphml', 'json', 'png', 'svg'] as const;
export const SaveFileSchema = z.strictObject({
  // eslint-disable-next-line no-control-regex
  name: z.string().min(1).max(120).regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/, 'a file name, not a path').refine((name) => SAVE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(`.${ext}`)), `a file name ending in .${SAVE_EXTENSIONS.join(', .')}`),
  /** The file's content: text (UTF-8), or bytes in base64 (pictures). */
  text: z.string().max(256 * 1024 * 1024).optional(),
  base64: z.string().max(64 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64').optional(),
}).refine((file) => (file.text === undefined) !== (file.base64 === undefined), 'either text or base64, not both');

export const appRequests = {
  'app.info': {
    args: none,
    result: z.object({ version: z.string(), host: z.enum(['electron', 'browser']) }),
  },
  'store.status': { args: none, result: StoreStatusSchema },
  /** Answers once the store is at this version's schemas, or its upgrade failed (then `upgrade` says why). */
  'store.ready': { args: none, result: StoreStatusSchema },
  'store.dismissProblem': { args: none, result: StoreStatusSchema },
  'store.listBackups': { args: none, result: z.array(BackupSchema) },
  'store.backupNow': { args: none, result: BackupSchema },
  'store.restoreBackup': { args: z.object({ name: BackupNameSchema }), result: StoreStatusSchema },
  /** The sphere as it stands in the store, ready to paint while the window's database loads; null when empty. */
  'sphere.openingPicture': { args: none, result: SpherePictureSchema.nullable() },
  /** One user action, run by the host in one transaction; null when it would change nothing. */
  'command.run': { args: DomainCommandSchema, result: CommandOutcomeSchema.nullable() },
  /** Takes a command back field by field, leaving later edits by others standing. */
  'command.undo': { args: RunIdSchema, result: z.object({ label: z.string() }) },
  'command.redo': { args: RunIdSchema, result: z.object({ label: z.string() }) },
  /** Every insight for a period, computed by the host (off the window's thread). */
  'insights.compute': { args: InsightsArgsSchema, result: InsightsSchema },
  /** The steps that can be undone and redone, kept by the host across reloads and restarts. */
  'command.stack': { args: none, result: UndoStackSchema },
  /** One contact's history, newest first: each change, who made it, and what merges kept and took. */
  'history.contact': { args: z.object({ contactId: z.string().min(1).max(64) }), result: z.array(ContactHistoryEntrySchema) },
  /** Contacts deleted here or by a teammate that can be restored, newest first. */
  'history.deleted': { args: none, result: z.array(DeletedContactSummarySchema) },
  'sync.status': { args: none, result: SyncStatusSchema },
  'sync.signIn': { args: SignInSchema, result: SyncStatusSchema },
  'sync.signOut': { args: none, result: SyncStatusSchema },
  'sync.setEnabled': { args: z.object({ enabled: z.boolean() }), result: SyncStatusSchema },
  /** Saves an export where the user picks (Electron's save dialog); `file` is null when they cancelled. */
  'file.save': { args: SaveFileSchema, result: z.object({ file: z.string().nullable() }) },
} as const;

export type AppRequestName = keyof typeof appRequests;
export type AppRequestArgs<N extends AppRequestName> = z.input<(typeof appRequests)[N]['args']>;
export type AppRequestResult<N extends AppRequestName> = z.output<(typeof appRequests)[N]['result']>;

/** Events the host pushes to the renderer. */
export const appEvents = {
  /** The store was replaced (backup restored): the renderer must reload its database. */
  'store.replaced': z.object({ file: z.string() }),
  /** Team sync changed state (offline, syncing, up to date, error…). */
  'sync.status': SyncStatusSchema,
  /** A menu item was clicked: the window runs that command as it would a key press. */
  'command.run': z.object({ id: z.enum(COMMAND_SPECS.map((c) => c.id) as [CommandId, ...CommandId[]]) }),
} as const;
export type AppEventName = keyof typeof appEvents;
export type AppEventPayload<N extends AppEventName> = z.output<(typeof appEvents)[N]>;

export function isAppRequestName(name: unknown): name is AppRequestName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(appRequests, name);
}

/** What the renderer holds: one way to ask, one way to listen, whatever the transport. */
export type AppApiClient = {
  call<N extends AppRequestName>(name: N, args?: AppRequestArgs<N>): Promise<AppRequestResult<N>>;
  on<N extends AppEventName>(name: N, listener: (payload: AppEventPayload<N>) => void): () => void;
};

/** The host's side: one handler per request, typed from the table. */
export type AppApiHandlers = {
  [N in AppRequestName]: (args: z.output<(typeof appRequests)[N]['args']>) => Promise<AppRequestResult<N>> | AppRequestResult<N>;
};

export type AppRequestOutcome = { ok: true; result: unknown } | { ok: false; error: string };

/**
 * Runs one request from an untrusted sender: the name must be declared and the
 * arguments must parse, otherwise the answer says what was wrong and nothing runs.
 */
export async function dispatchAppRequest(handlers: AppApiHandlers, name: unknown, args: unknown): Promise<AppRequestOutcome> {
  if (!isAppRequestName(name)) {
    // Never String() an untrusted value: an object can bring its own toString (or throw from it).
    return { ok: false, error: typeof name === 'string' ? `unknown request ${JSON.stringify(name.slice(0, 80))}` : `a request name is text, not ${name === null ? 'null' : typeof name}` };
  }
  const parsed = appRequests[name].args.safeParse(args);
  if (!parsed.success) {
    return { ok: false, error: `${name}: ${z.prettifyError(parsed.error)}` };
  }
  try {
    const handler = handlers[name] as (a: unknown) => unknown;
    return { ok: true, result: await handler(parsed.data) };
  } catch (err) {
    return { ok: false, error: `${name}: ${err instanceof Error ? err.message : String(err)}` };
  }
}
