// Process: main or browser host (Node). Runs the renderer's domain commands against the store: each one read,
// decided and written inside one SQLite transaction, all of it or none of it, in the name of a real author.
// The windows see the result through the storage's ordinary change stream.
import crypto from 'node:crypto';
import { createRevision, createRxSchema, defaultHashSha256, normalizeMangoQuery, now as rxNow, prepareQuery } from 'rxdb';
import type { BulkWriteRow, MangoQuerySelector, RxDocumentData, RxJsonSchema } from 'rxdb';
import { COLLECTION_NAMES, COLLECTIONS, DATABASE_NAME, type CollectionName } from '../../shared/schemas/index.ts';
import { DomainCommandSchema, type DomainCommand } from '../../shared/commands/domain-command.ts';
import { planCommand } from '../../shared/commands/plan-command.ts';
import { reverseWrites, type DocChange } from '../../shared/commands/field-changes.ts';
import type { DocWrite, PlanEnv, SphereReader } from '../../shared/commands/plan.ts';
import { HybridClock } from '../../shared/sync/hlc.ts';
import { stampChangedFields } from '../../shared/sync/field-stamps.ts';
import { documentProblem, DocumentRefused, validatorFor } from './bounded-storage.ts';
import type { RxStorageInstanceSqlite } from './sqlite-instance.ts';
import type { RxStorageSqlite } from './sqlite-storage.ts';
import { journalOf, type Journal } from './journal.ts';
import type { UndoStack } from '../../shared/history.ts';

type Fields = Record<string, unknown>;
type Instance = RxStorageInstanceSqlite<Fields>;

export type CommandOutcome = { runId: string; label: string; createdId?: string };

type Opened = { storage: RxStorageSqlite; instances: Map<CollectionName, { instance: Instance; validate: ReturnType<typeof validatorFor> }> };

export class CommandRunner {
  private opened: Promise<Opened> | null = null;
  /** RxDB's revision token for this writer: revisions say which database instance made them. */
  private readonly token = crypto.randomBytes(8).toString('hex');

  private readonly storage: () => RxStorageSqlite;
  private readonly author: () => string;
  private readonly clock: () => number;
  private readonly newId: () => string;
  private readonly ready: () => Promise<string | null>;
  private hlc: HybridClock | undefined;
  private hlcDevice: string | undefined;

  /** `ready`: resolves once the store may be written (a schema upgrade at launch is done), with a refusal or null. */
  private readonly device: () => string;

  /**
   * `author`: who edits, in every document's updatedBy (the signed-in member, else this device). `device`: this
   * device's id, in the field stamps, which must tell devices apart even when one person uses two.
   */
  constructor(storage: () => RxStorageSqlite, author: () => string, options: { clock?: () => number; newId?: () => string; ready?: () => Promise<string | null>; device?: () => string } = {}) {
    this.storage = storage;
    this.author = author;
    this.device = options.device ?? author;
    this.clock = options.clock ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.ready = options.ready ?? (async () => null);
  }

  /** Parses an untrusted command and runs it. Null: it would change nothing. */
  async run(input: unknown): Promise<CommandOutcome | null> {
    const command: DomainCommand = DomainCommandSchema.parse(input);
    const opened = await this.open();
    const runId = crypto.randomUUID();
    // The step is journaled in the command's own transaction: undo finds it after a reload or a restart.
    const done = this.transact(opened, (read, env) => planCommand(read, command, { ...env, deleted: (id) => journalOver(opened).deletedContact(id) }), (planned, changes, env) => {
      journalOver(opened).record({ at: env.now, kind: 'command', runId, label: planned.label, author: env.author, changes });
    });
    if (!done) return null;
    return { runId, label: done.label, ...(done.createdId ? { createdId: done.createdId } : {}) };
  }

  /**
   * Every live document of every collection as plain data, read in one transaction so the collections agree with
   * each other (no touch of a contact deleted in between): what an export or a JSON backup holds.
   */
  async readAll(): Promise<Record<CollectionName, Fields[]>> {
    const opened = await this.open();
    for (const { instance } of opened.instances.values()) instance.internals.state.cache.check(instance.internals.db);
    const first = opened.instances.get('contacts')!.instance;
    return first.internals.db.transaction(() => {
      const read = readerOver(opened);
      return Object.fromEntries(COLLECTION_NAMES.map((c) => [c, read.find(c, {}) as Fields[]])) as Record<CollectionName, Fields[]>;
    }).deferred();
  }

  /**
   * Reads live documents the way a planner does, without writing: what the command line checks a file against
   * before it asks for a command (duplicates in the store). Other connections' commits are taken in first.
   */
  async read<T>(look: (read: SphereReader) => T): Promise<T> {
    const opened = await this.open();
    for (const { instance } of opened.instances.values()) instance.internals.state.cache.check(instance.internals.db);
    return look(readerOver(opened));
  }

  /** The steps that can be undone and redone, kept in the store file: a reloaded window or restarted host picks them up. */
  async undoStack(): Promise<UndoStack> {
    return journalOver(await this.open()).stack();
  }

  /** The journal of the store as it is now (for the history the windows read). */
  async journal(): Promise<Journal> {
    return journalOver(await this.open());
  }

  /** Takes a command back, field by field; the label says what was undone. */
  async undo(runId: string): Promise<{ label: string }> {
    return this.reverse(runId, 'undo');
  }

  async redo(runId: string): Promise<{ label: string }> {
    return this.reverse(runId, 'redo');
  }

  /** After a restore the store is another file: instances of the old one no longer apply (its journal came with it). */
  reset(): void {
    this.opened = null;
  }

  private async reverse(runId: string, direction: 'undo' | 'redo'): Promise<{ label: string }> {
    const opened = await this.open();
    const entry = journalOver(opened).command(runId);
    if (!entry) throw new Error('That step is no longer in the history.');
    this.transact(opened, (read, env) => ({ label: entry.label, writes: reverseWrites(read, entry.changes, direction, env) }), (_planned, changes, env) => {
      const journal = journalOver(opened);
      journal.record({ at: env.now, kind: direction, label: entry.label, author: env.author, changes });
      journal.markUndo(entry.seq, direction === 'undo' ? 'undone' : 'done');
    }, true);
    return { label: entry.label };
  }

  /** This device's field clock; sync tells it of other devices' stamps so later edits here stamp later. */
  clockFor(): HybridClock {
    const device = this.device();
    if (!this.hlc || this.hlcDevice !== device) {
      this.hlc = new HybridClock(device, this.clock);
      this.hlcDevice = device;
    }
    return this.hlc;
  }


  private async open(): Promise<Opened> {
    const refusal = await this.ready();
    if (refusal) throw new Error(refusal);
    return this.instances();
  }

  private instances(): Promise<Opened> {
    const storage = this.storage();
    if (this.opened) {
      const current = this.opened;
      return current.then((o) => (o.storage === storage ? o : ((this.opened = null), this.instances())));
    }
    this.opened = (async () => {
      const instances: Opened['instances'] = new Map();
      for (const name of COLLECTION_NAMES) {
        // The same normalised schema RxDB derives in the window, so both open the same table.
        const schema = createRxSchema(COLLECTIONS[name].schema as RxJsonSchema<unknown>, defaultHashSha256, false).jsonSchema as RxJsonSchema<RxDocumentData<Fields>>;
        const instance = (await storage.createStorageInstance<Fields>({
          databaseName: DATABASE_NAME, collectionName: name, schema, options: {}, multiInstance: false, devMode: false, databaseInstanceToken: this.token,
        })) as Instance;
        instances.set(name, { instance, validate: validatorFor(schema as RxJsonSchema<unknown>) });
      }
      return { storage, instances };
    })();
    this.opened.catch(() => (this.opened = null));
    return this.opened;
  }

  /**
   * Reads and writes inside one IMMEDIATE transaction: no other connection can commit in between, so what the
   * planner read is what it changes. The cache and change events follow only after the commit.
   */
  private transact(
    opened: Opened,
    plan: (read: SphereReader, env: PlanEnv) => { label: string; writes: DocWrite[]; createdId?: string } | null,
    journal: (planned: { label: string }, changes: DocChange[], env: PlanEnv) => void,
    /** An undo whose fields all changed since still moves the step to the other stack. */
    journalEmpty = false,
  ) {
    const env: PlanEnv = { now: this.clock(), newId: this.newId, author: this.author() };
    const afterCommit: (() => void)[] = [];
    // Other connections' commits are taken in (and announced) first, so this command's events come after them.
    for (const { instance } of opened.instances.values()) instance.internals.state.cache.check(instance.internals.db);
    const first = opened.instances.get('contacts')!.instance;
    const outcome = first.internals.db.transaction(() => {
      const read = readerOver(opened);
      const planned = plan(read, env);
      if (!planned || (planned.writes.length === 0 && !journalEmpty)) return null;
      const changes = this.write(opened, planned.writes, afterCommit);
      journal(planned, changes, env);
      return { ...planned, changes };
    }).immediate();
    for (const done of afterCommit) done();
    return outcome;
  }

  private write(opened: Opened, writes: DocWrite[], afterCommit: (() => void)[]): DocChange[] {
    // One bulk write per collection: a later write to the same document in one command replaces an earlier one.
    const byCollection = new Map<CollectionName, Map<string, Fields | null>>();
    const keepStamps = new Set<string>();
    for (const w of writes) {
      let docs = byCollection.get(w.collection);
      if (!docs) byCollection.set(w.collection, (docs = new Map()));
      docs.set(w.id, w.doc);
      if (w.keepStamps) keepStamps.add(`${w.collection}/${w.id}`);
      else keepStamps.delete(`${w.collection}/${w.id}`);
    }
    const changes: DocChange[] = [];
    const lwt = rxNow();
    for (const [collection, docs] of byCollection) {
      const { instance, validate } = opened.instances.get(collection)!;
      const previous = new Map(instance.findNow([...docs.keys()], true).map((d) => [d.id as string, d]));
      const rows: BulkWriteRow<Fields>[] = [];
      for (const [id, planned] of docs) {
        let doc = planned;
        const prev = previous.get(id);
        const before = prev && !prev._deleted ? plain(prev) : null;
        if (doc === null && !before) continue;
        if (doc !== null && !keepStamps.has(`${collection}/${id}`)) doc = stampChangedFields(collection, before, doc, () => this.clockFor().stamp());
        const document = (doc === null
          ? // The tombstone names who deleted it: a teammate's history then says who.
            { ...prev!, ...('updatedBy' in prev! ? { updatedBy: this.author() } : {}), _deleted: true, _rev: createRevision(this.token, prev), _meta: { lwt } }
          : { ...doc, _deleted: false, _attachments: {}, _rev: createRevision(this.token, prev), _meta: { lwt } }) as RxDocumentData<Fields>;
        if (doc !== null) {
          // The whole command rolls back: none of its writes is kept when one document would break the bounds.
          const problem = documentProblem(collection, id, document, validate);
          if (problem) throw new DocumentRefused(problem);
        }
        rows.push(prev ? { previous: prev, document } : { document });
        changes.push({ collection, id, before, after: doc === null ? null : { ...doc } });
      }
      if (rows.length === 0) continue;
      const { result, afterCommit: done } = instance.writeInTransaction(rows, 'sphere-command');
      // Nothing can conflict inside the transaction; an error here is a bug, and the whole command rolls back.
      if (result.error.length > 0) throw new Error(`${collection}: ${result.error.length} writes refused (${result.error[0]!.status})`);
      afterCommit.push(done);
    }
    return changes;
  }
}

function journalOver(opened: Opened): Journal {
  return journalOf(opened.instances.get('contacts')!.instance.internals.db);
}

function readerOver(opened: Opened): SphereReader {
  const instanceOf = (collection: CollectionName) => opened.instances.get(collection)!.instance;
  return {
    get(collection, id) {
      const doc = instanceOf(collection).findNow([id], false)[0];
      return doc ? (plain(doc) as never) : undefined;
    },
    find(collection, selector) {
      const instance = instanceOf(collection);
      // As RxDB's own queries do: normalised first, then limited to live documents.
      const query = normalizeMangoQuery(instance.schema, { selector: selector as MangoQuerySelector<Fields> });
      (query.selector as Record<string, unknown>)._deleted = { $eq: false };
      if (query.index) query.index.unshift('_deleted');
      return instance.queryNow(prepareQuery(instance.schema, query)).documents.map((d) => plain(d) as never);
    },
  };
}

/** A document without RxDB's bookkeeping (_rev, _meta, _deleted, _attachments). */
function plain(doc: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) out[key] = value;
  return out;
}
