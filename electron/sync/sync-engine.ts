// Process: main or browser host (Node). Team sync: RxDB's replication protocol between the store this host holds
// and the team server, one replication per shared collection. It runs in the host, over the same storage the
// windows use, so the token never reaches a window and every window sees pulled changes through the ordinary
// change stream. The app never needs the network: offline raises no errors, retries back off, and edits made
// meanwhile are pushed when the server is back.
import { Subject } from 'rxjs';
import {
  cancelRxStorageReplication, createRxSchema, getAssumedMasterState, writeDocToDocState, deepEqual, defaultHashSha256, getLastCheckpointDoc, getRxReplicationMetaInstanceSchema,
  replicateRxStorageInstance, type RxConflictHandler, type RxJsonSchema, type RxReplicationHandler, type RxStorageInstance,
  type RxStorageInstanceReplicationState, type RxDocumentData, type WithDeleted,
} from 'rxdb';
import { COLLECTIONS, DATABASE_NAME } from '../../shared/schemas/index.ts';
import { MAX_PULL_LIMIT, SYNCED_COLLECTIONS, type PushRow, type StreamEvent, type SyncCheckpoint, type SyncedCollection, type WireDoc } from '../../shared/sync/protocol.ts';
import { mergeDocs, newestStamp, type MergeableDoc } from '../../shared/sync/field-merge.ts';
import type { HybridClock } from '../../shared/sync/hlc.ts';
import type { SyncStatus } from '../../shared/app-api.ts';
import type { RxStorageInstanceSqlite } from '../store/sqlite-instance.ts';
import type { RxStorageSqlite } from '../store/sqlite-storage.ts';
import { follow, login, logout, pull, push, SyncFailure, type ServerLink } from './sync-http.ts';
import type { SecretStore, SyncConfig, SyncConfigFile } from './sync-config.ts';
import { PrivacyFilter } from './privacy-filter.ts';
import { fieldMerges, journalForkWrites } from './journaled-fork.ts';
import { relaxPullMetaWrites } from './pull-durability.ts';
import type { FieldMerge } from '../../shared/history.ts';
import { checkPulled, pulledDocumentProblem } from './pulled-documents.ts';

type Doc = Record<string, unknown> & { id: string };

/**
 * Pulled documents written to the store in one go: five of the server's pages. Each write rewrites every index
 * page it touches, and the indexes on contact ids and dates are touched all over: a first pull of a 10,000-contact
 * team wrote 710 MB to the write-ahead log in batches of one page (1,000), 390 MB in batches of five. A
 * batch holds the host's loop for about a quarter of a second at most (50,000 touches).
 */
const PULL_WRITE_BATCH = 5 * MAX_PULL_LIMIT;

export type SyncEngineOptions = {
  storage: () => RxStorageSqlite;
  /** Resolves once the store may be opened (schema upgrade at launch done). */
  ready: () => Promise<void>;
  clock: () => HybridClock;
  config: SyncConfigFile;
  secrets: SecretStore;
  log?: (line: string) => void;
  /** Backoff bounds, shortened by tests. */
  retry?: { firstMs: number; maxMs: number };
  /** How long a live stream may stay silent before it is taken for dead (sync-http.ts STREAM_IDLE_MS). */
  streamIdleMs?: number;
  /** Pulled documents written in one go (PULL_WRITE_BATCH); a test of a kill between batches makes it one page. */
  pullBatch?: number;
};

type Running = {
  link: ServerLink;
  abort: AbortController;
  replications: RxStorageInstanceReplicationState<Doc>[];
  instances: RxStorageInstance<unknown, unknown, unknown>[];
};

export class SyncEngine {
  private readonly options: SyncEngineOptions;
  private running: Running | null = null;
  private starting: Promise<void> | null = null;
  private state: SyncStatus;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private refreshTimer: NodeJS.Timeout | null = null;

  constructor(options: SyncEngineOptions) {
    this.options = options;
    const config = options.config.read();
    this.state = baseStatus(config, config && options.secrets.read() ? (config.enabled ? 'offline' : 'off') : 'signedOut');
  }

  status(): SyncStatus {
    return this.state;
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** At launch: picks up where the last session left off, if sync is on and signed in. */
  async resume(): Promise<void> {
    const config = this.options.config.read();
    if (config?.enabled && this.options.secrets.read()) await this.start();
  }

  async signIn(input: { server: string; email: string; password: string; team?: string; allowPlainHttp?: boolean }): Promise<SyncStatus> {
    const url = new URL(input.server);
    const server = url.origin;
    if (url.protocol === 'http:' && !isLoopback(url.hostname) && !input.allowPlainHttp) {
      throw new Error(`${url.host} is not encrypted (http://): your password would cross the network readable by anyone on it. Use https://, or confirm that you trust this network.`);
    }
    const answer = await login(server, input.email, input.password);
    if (answer.teams.length === 0) throw new Error('This account is in no team yet: ask the team owner to add you.');
    const team = answer.teams.find((t) => t.id === input.team) ?? answer.teams[0]!;
    await this.stop();
    this.options.secrets.write(answer.token);
    this.options.config.write({ server, email: input.email, team: team.id, teams: answer.teams, enabled: true });
    this.options.log?.(`sync: signed in to ${server} as ${input.email}, team ${team.name}`);
    await this.start();
    return this.state;
  }

  async signOut(): Promise<SyncStatus> {
    const config = this.options.config.read();
    const token = this.options.secrets.read();
    await this.stop();
    if (config && token) await logout({ server: config.server, token }).catch(() => undefined);
    this.options.secrets.write(null);
    this.options.config.write(null);
    this.set(baseStatus(null, 'signedOut'));
    return this.state;
  }

  async setEnabled(enabled: boolean): Promise<SyncStatus> {
    const config = this.options.config.read();
    if (!config) throw new Error('Sign in to a team server first.');
    this.options.config.write({ ...config, enabled });
    if (enabled) await this.start();
    else {
      await this.stop();
      this.set({ ...baseStatus({ ...config, enabled }, 'off') });
    }
    return this.state;
  }

  async stop(): Promise<void> {
    await this.starting;
    const running = this.running;
    this.running = null;
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    this.refreshTimer = null;
    if (!running) return;
    // Cancelled before the calls in flight are released, so what they answer is never taken for a sync.
    const cancelled = running.replications.map((r) => cancelRxStorageReplication(r).catch(() => undefined));
    running.abort.abort();
    await Promise.all(cancelled);
    await Promise.all(running.instances.map((i) => i.close().catch(() => undefined)));
  }

  /** Resolves once every collection has pulled and pushed what there was (tests, and the first-sync figure). */
  async inSync(): Promise<void> {
    await this.starting;
    const running = this.running;
    if (!running || running.abort.signal.aborted) return;
    const { awaitRxStorageReplicationIdle } = await import('rxdb');
    // The first pull and push, then idle: the queues alone are empty before the first pull has even begun, which
    // made a fresh device look in sync with nothing stored. A stop meanwhile ends the wait (nothing more will come).
    const stopped = new Promise<void>((resolve) => running.abort.signal.addEventListener('abort', () => resolve(), { once: true }));
    await Promise.race([Promise.all(running.replications.map((r) => awaitRxStorageReplicationIdle(r))), stopped]);
    await this.refresh();
  }

  private start(): Promise<void> {
    this.starting = (async () => {
      await this.stop();
      const config = this.options.config.read();
      const token = this.options.secrets.read();
      if (!config || !token || !config.enabled) return;
      await this.options.ready();
      const link: ServerLink = { server: config.server, team: config.team, token };
      const running: Running = { link, abort: new AbortController(), replications: [], instances: [] };
      this.running = running;
      this.set({ ...baseStatus(config, 'syncing'), lastSyncAt: this.state.lastSyncAt });
      const storage = this.options.storage();
      const privacy = new PrivacyFilter();
      for (const collection of SYNCED_COLLECTIONS) {
        // A failure the user must act on (sign in again, update) stopped this run: start no more collections.
        if (this.state.state === 'error') break;
        const replication = await this.replicate(running, storage, collection, privacy);
        running.replications.push(replication);
      }
      this.refreshTimer = setInterval(() => void this.refresh(), 2000);
      this.refreshTimer.unref();
    })().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async replicate(running: Running, storage: RxStorageSqlite, collection: SyncedCollection, privacy: PrivacyFilter): Promise<RxStorageInstanceReplicationState<Doc>> {
    const spec = COLLECTIONS[collection];
    const schema = createRxSchema(spec.schema as RxJsonSchema<unknown>, defaultHashSha256, false).jsonSchema as RxJsonSchema<RxDocumentData<Doc>>;
    const token = `sync-${collection}`;
    const fork = (await storage.createStorageInstance<Doc>({ databaseName: DATABASE_NAME, collectionName: collection, schema, options: {}, multiInstance: true, devMode: false, databaseInstanceToken: token })) as RxStorageInstanceSqlite<Doc>;
    const meta = await storage.createStorageInstance({
      databaseName: DATABASE_NAME, collectionName: `sync-meta-${collection}`, schema: getRxReplicationMetaInstanceSchema(schema, false) as RxJsonSchema<RxDocumentData<never>>,
      // RxDB's replication reads its meta by id only: no key columns to write for each pulled document.
      options: { lookups: 'byId' }, multiInstance: true, devMode: false, databaseInstanceToken: token,
    });
    running.instances.push(fork as never, meta as never);
    // What the conflict handler decided for a document, until its merged version is written (and journaled).
    const merges = new Map<string, FieldMerge[]>();
    journalForkWrites(fork, collection, merges, this.options.log);
    relaxPullMetaWrites(meta as never);
    privacy.watch(collection, fork);
    const version = spec.schema.version;
    const changes$ = new Subject<StreamEvent>();
    /** The next page of the first pull, asked for before RxDB asks (see masterChangesSince). */
    let ahead: { from: SyncCheckpoint; page: ReturnType<typeof pull> } | null = null;
    const handler: RxReplicationHandler<Doc, SyncCheckpoint> = {
      masterChangeStream$: changes$.asObservable() as never,
      masterChangesSince: async (checkpoint, batchSize) => {
        const unchanged = { documents: [], checkpoint: checkpoint ?? { seq: 0, generation: 'none' } };
        // Pages of the server's size until the batch RxDB asked for is full or the feed ends: a page bounds one
        // response, the batch what goes into the store in one write (each index page written once, not per page).
        const documents: WithDeleted<Doc>[] = [];
        let at = checkpoint;
        for (;;) {
          // The page asked for ahead, if it starts where this one does; used once, and a failed one is asked again.
          let early = ahead && sameCheckpoint(ahead.from, at) ? ahead.page : null;
          ahead = null;
          const page = await this.retrying(running, async () => {
            const pending = early ?? pull(running.link, collection, version, at, MAX_PULL_LIMIT);
            early = null;
            const pulled = await pending;
            // A full page says more is waiting: the next one is asked for now, so the server reads it and it
            // travels while this one is checked and written here, instead of after.
            if (pulled.documents.length === MAX_PULL_LIMIT) {
              const next = pull(running.link, collection, version, pulled.checkpoint, MAX_PULL_LIMIT);
              next.catch(() => {});
              ahead = { from: pulled.checkpoint, page: next };
            }
            checkPulled(collection, pulled.documents);
            return pulled;
          }, null);
          // Sync stopped while the answer was on the wire: the store it would be filtered against is closed, and the
          // cancelled replication records nothing; the next start pulls it again from the same checkpoint.
          if (!page || running.abort.signal.aborted) return unchanged;
          this.observeStamps(page.documents);
          this.state = { ...this.state, received: this.state.received + page.documents.length };
          documents.push(...(privacy.incoming(collection, page.documents) as WithDeleted<Doc>[]));
          at = page.checkpoint;
          // The feed ends at a short page from the server, never at a batch the privacy filter shortened: RxDB
          // stops pulling at a short batch, and the rest would wait for a live event whose checkpoint skips it.
          if (page.documents.length < MAX_PULL_LIMIT || documents.length >= batchSize) return { checkpoint: page.checkpoint, documents };
        }
      },
      masterWrite: async (rows) => {
        const outgoing = privacy.outgoing(collection, rows as PushRow[]);
        const conflicts = await this.retrying(running, () => push(running.link, collection, version, outgoing), []);
        this.observeStamps(conflicts);
        return conflicts as WithDeleted<Doc>[];
      },
    };
    const conflictHandler: RxConflictHandler<Doc> = {
      isEqual: (a, b) => deepEqual(a, b),
      resolve: async ({ assumedMasterState, realMasterState, newDocumentState }) => {
        // A private contact stays as it is here; the server holds only its tombstone.
        if (privacy.keepsLocal(collection, newDocumentState as WireDoc)) return newDocumentState;
        const merged = mergeDocs(assumedMasterState as MergeableDoc | undefined, newDocumentState as MergeableDoc, realMasterState as MergeableDoc);
        merges.set(newDocumentState.id, fieldMerges(collection, newDocumentState as MergeableDoc, realMasterState as MergeableDoc, merged));
        return merged as WithDeleted<Doc>;
      },
    };
    const replication = replicateRxStorageInstance<Doc>({
      identifier: `${running.link.server}|${running.link.team}|${collection}`,
      replicationHandler: handler,
      conflictHandler,
      forkInstance: fork,
      metaInstance: meta as never,
      pullBatchSize: this.options.pullBatch ?? PULL_WRITE_BATCH,
      pushBatchSize: 200,
      hashFunction: defaultHashSha256,
      // The meta of pulled documents is what the conflict handler's base (the assumed master state) comes from.
      skipStoringPullMeta: false,
    });
    replication.events.error.subscribe((err) => {
      if (!running.abort.signal.aborted) this.options.log?.(`sync ${collection}: ${(err as Error).message ?? String(err)}`);
    });
    void this.followStream(running, collection, version, (event) => {
      // A batch with a document this version refuses is not taken from the stream: the pull it asks for instead
      // meets the same document and stops sync with the reason.
      if (event !== 'RESYNC' && event.documents.some((doc) => pulledDocumentProblem(collection, doc))) return changes$.next('RESYNC');
      changes$.next(event === 'RESYNC' ? event : { ...event, documents: privacy.incoming(collection, event.documents) });
    });
    return replication;
  }

  /** Keeps the live stream open, reconnecting with backoff; a reconnect asks for a RESYNC so nothing is missed. */
  private async followStream(running: Running, collection: string, version: number, emit: (event: StreamEvent) => void): Promise<void> {
    let attempt = 0;
    while (!running.abort.signal.aborted) {
      try {
        await follow(running.link, collection, version, (event) => {
          if (event !== 'RESYNC') this.observeStamps(event.documents);
          emit(event);
        }, () => {
          attempt = 0;
          emit('RESYNC');
        }, running.abort.signal, this.options.streamIdleMs);
      } catch (err) {
        if (running.abort.signal.aborted) return;
        if (err instanceof SyncFailure && (err.kind === 'auth' || err.kind === 'version')) return this.fail(running, err);
        this.markOffline(running, err as Error);
      }
      await this.pause(running, attempt++);
    }
  }

  /**
   * RxDB's protocol has no error handling of its own: a call that fails is retried here with backoff until it
   * works, or until sync stops (then it throws, so nothing is recorded as pushed or pulled that was not).
   */
  private async retrying<T>(running: Running, call: () => Promise<T>, whenStopped: T): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      // Stopped: RxDB's replication is cancelled first (stop()), so this answer is never recorded as a sync.
      if (running.abort.signal.aborted) return whenStopped;
      try {
        const result = await call();
        if (this.running === running && this.state.state === 'offline') this.set({ ...this.state, state: 'syncing', error: null });
        return result;
      } catch (err) {
        if (running.abort.signal.aborted) return whenStopped;
        if (err instanceof SyncFailure && err.kind !== 'offline') {
          this.fail(running, err);
          return whenStopped;
        }
        this.markOffline(running, err as Error);
        await this.pause(running, attempt);
      }
    }
  }

  private fail(running: Running, err: Error): void {
    if (this.running !== running) return;
    this.set({ ...this.state, state: 'error', error: err.message });
    // Stops here rather than looping: the user has to act (sign in again, update the app, fix what was refused).
    void this.stop();
  }

  private markOffline(running: Running, err: Error): void {
    if (this.running === running && this.state.state !== 'error') this.set({ ...this.state, state: 'offline', error: err.message });
  }

  private pause(running: Running, attempt: number): Promise<void> {
    const { firstMs, maxMs } = this.options.retry ?? { firstMs: 1000, maxMs: 60_000 };
    const ms = Math.min(maxMs, firstMs * 2 ** Math.min(attempt, 10)) * (0.8 + Math.random() * 0.4);
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      running.abort.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
  }

  private observeStamps(docs: readonly Record<string, unknown>[]): void {
    for (const doc of docs) {
      const stamp = newestStamp(doc as MergeableDoc);
      if (!stamp) continue;
      try {
        this.options.clock().observe(stamp);
      } catch (err) {
        // A teammate's clock is far ahead: the merge still decides the same everywhere; tell the user.
        this.set({ ...this.state, error: (err as Error).message });
      }
    }
  }

  /** Local changes not yet pushed, the time of the last sync, and whether everything is idle and in sync. */
  private async refresh(): Promise<void> {
    const running = this.running;
    if (!running || this.state.state === 'error') return;
    let pending = 0;
    let active = false;
    for (const replication of running.replications) {
      active ||= replication.events.active.up.getValue() || replication.events.active.down.getValue();
      const fork = replication.input.forkInstance as RxStorageInstanceSqlite<Doc>;
      const checkpoint = await getLastCheckpointDoc(replication, 'up').catch(() => undefined);
      const changed = await fork.getChangedDocumentsSince(10_000, checkpoint as never).catch(() => ({ documents: [] }));
      pending += await this.unsent(replication, changed.documents);
    }
    const now = this.state.state as SyncStatus['state'];
    if (this.running !== running || now === 'error') return;
    // Offline, the count of changes waiting is what the user wants to know; the state stays until a call succeeds.
    if (now === 'offline') return this.set({ ...this.state, pending });
    const upToDate = !active && pending === 0;
    this.set({ ...this.state, pending, state: upToDate ? 'upToDate' : 'syncing', lastSyncAt: upToDate ? Date.now() : this.state.lastSyncAt });
  }

  /**
   * Of the documents changed here since the last push checkpoint, those that differ from what the server was last
   * known to hold: the same comparison RxDB makes before pushing. Documents pulled from the server also land after
   * that checkpoint until the next push pass, and must not count as waiting to be sent.
   */
  private async unsent(replication: RxStorageInstanceReplicationState<Doc>, documents: RxDocumentData<Doc>[]): Promise<number> {
    if (documents.length === 0) return 0;
    const assumed = await getAssumedMasterState(replication, documents.map((d) => d.id)).catch(() => ({}) as Record<string, never>);
    let count = 0;
    for (const doc of documents) {
      const master = (assumed as Record<string, { docData: WithDeleted<Doc> } | undefined>)[doc.id];
      if (!master || !deepEqual(writeDocToDocState(doc, false, false), master.docData)) count++;
    }
    return count;
  }

  private set(status: SyncStatus): void {
    if (deepEqual(status, this.state)) return;
    this.state = status;
    for (const listener of this.listeners) listener(status);
  }
}

function baseStatus(config: SyncConfig | null, state: SyncStatus['state']): SyncStatus {
  const team = config?.teams.find((t) => t.id === config.team);
  return {
    state,
    server: config?.server ?? null,
    email: config?.email ?? null,
    team: team ? { id: team.id, name: team.name } : null,
    pending: 0,
    received: 0,
    lastSyncAt: null,
    error: null,
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Two checkpoints of the same place in the team's feed (undefined: its start). */
function sameCheckpoint(a: SyncCheckpoint | undefined, b: SyncCheckpoint | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.seq === b.seq && a.generation === b.generation);
}
