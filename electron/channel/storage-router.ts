// Process: main or browser host (Node). Routes RxDB remote-storage messages between many clients and one store.
import { Subject } from 'rxjs';
import { exposeRxStorageRemote } from 'rxdb/plugins/storage-remote';
import type { MessageFromRemote, MessageToRemote } from 'rxdb/plugins/storage-remote';
import { checkStorageRequest } from '../../shared/storage-channel.ts';
import type { StoreGeneration, StoreService } from '../store/store-service.ts';

/** One renderer: an Electron webContents or a WebSocket. */
export type StorageClient = {
  readonly id: string;
  send(message: MessageFromRemote): void;
  /** True while the client is not reading what it was sent: its requests wait, so no more answers pile up. */
  held?(): boolean;
};

/** Requests that only read: a client gone away no longer needs them run (its writes still are). */
const READS = new Set(['query', 'count', 'findDocumentsById', 'getChangedDocumentsSince']);

type Exposed = { messages$: Subject<MessageToRemote> };

/**
 * RxDB's exposeRxStorageRemote answers every connection through one `send`; this
 * router remembers which client opened which connection and delivers answers and
 * change events only there. A connection id belongs to the client that used it
 * first: another client presenting it is refused.
 */
export class StorageRouter {
  private exposed: Exposed;
  private readonly owners = new Map<string, StorageClient>();
  private readonly queue: MessageToRemote[] = [];
  private scheduled = false;
  private readonly log: (line: string) => void;
  private readonly store: StoreService;

  constructor(store: StoreService, log: (line: string) => void = () => {}) {
    this.log = log;
    this.store = store;
    this.exposed = this.expose(store.current);
    store.onReplaced((generation) => {
      // The old connections point at closed storage instances; clients reconnect after a reload.
      this.owners.clear();
      this.exposed.messages$.complete();
      this.exposed = this.expose(generation);
    });
  }

  /** Handles one raw message from a client. Returns an error text when the message was refused. */
  receive(client: StorageClient, raw: unknown): string | null {
    const verdict = checkStorageRequest(raw);
    if (!verdict.ok) {
      this.log(`storage channel: refused a message from ${client.id}: ${verdict.error}`);
      this.answerError(client, raw, verdict.error);
      return verdict.error;
    }
    const message = verdict.message;
    const owner = this.owners.get(message.connectionId);
    if (owner && owner !== client) {
      const error = 'connection id belongs to another client';
      this.answerError(client, raw, error);
      return error;
    }
    if (!owner) this.owners.set(message.connectionId, client);
    if (message.method === 'create') {
      // A window is given the store only at this build's schema versions: its first request waits for the host's
      // upgrade (store-service.ts), and is refused with the reason if that failed. Other requests on a connection
      // only ever follow its create's answer.
      void this.store.ready().then(() => {
        const refusal = this.store.refusal();
        if (refusal) this.answerError(client, raw, refusal);
        else this.enqueue(message as unknown as MessageToRemote);
      });
      return null;
    }
    this.enqueue(message as unknown as MessageToRemote);
    return null;
  }

  /**
   * A window sends its queries together (one per collection at opening), and a socket hands them over in one
   * go: run back to back, their answers would hold the event loop for their sum. One message per turn of the
   * loop keeps the longest hold to one answer, and other windows and timers get their turn in between.
   */
  private enqueue(message: MessageToRemote): void {
    this.queue.push(message);
    this.schedule();
  }

  /** A held client reads again: its waiting requests run. */
  resume(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.runOne();
    });
  }

  /** Runs the first request whose client is not held; requests of held clients keep their order. */
  private runOne(): void {
    const at = this.queue.findIndex((message) => !this.owners.get(message.connectionId)?.held?.());
    if (at === -1) return;
    const [message] = this.queue.splice(at, 1);
    this.exposed.messages$.next(message!);
    this.schedule();
  }

  /** A client went away: close its connections so their storage instances and subscriptions end. */
  disconnect(client: StorageClient): void {
    const gone = (message: MessageToRemote) => this.owners.get(message.connectionId) === client && READS.has(message.method);
    for (let i = this.queue.length - 1; i >= 0; i--) if (gone(this.queue[i]!)) this.queue.splice(i, 1);
    for (const [connectionId, owner] of [...this.owners]) {
      if (owner !== client) continue;
      // Queued behind the client's last writes, so they are applied before the close; its reads were dropped above.
      this.enqueue({ connectionId, requestId: `disconnect-${connectionId}`, method: 'close', version: '', params: [] } as unknown as MessageToRemote);
      this.owners.delete(connectionId);
    }
  }

  private expose(generation: StoreGeneration): Exposed {
    const messages$ = new Subject<MessageToRemote>();
    exposeRxStorageRemote({
      storage: generation.storage,
      messages$,
      send: (message) => this.owners.get(message.connectionId)?.send(message),
    });
    return { messages$ };
  }

  private answerError(client: StorageClient, raw: unknown, error: string): void {
    const msg = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    if (typeof msg.connectionId !== 'string' || typeof msg.requestId !== 'string') return;
    client.send({
      connectionId: msg.connectionId,
      answerTo: msg.requestId,
      method: (typeof msg.method === 'string' ? msg.method : 'create') as MessageFromRemote['method'],
      error: { name: 'SphereChannelError', message: error, stack: '' } as MessageFromRemote['error'],
    });
  }
}
