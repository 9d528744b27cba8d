// Process: main or any Node host. The store's journal: every change made here (a command, its undo or redo) and
// every change sync brought in (documents pulled, merges with what was lost), kept in the store file itself.
//
// Why in the file and not in memory: undo must survive a reload and a host restart, a contact's history must say
// who changed what even after a restart, and a deleted contact must be restorable from its last full state. Why
// beside the documents and not synced: it is this device's memory of what happened; teammates have their own.
// Rows are written inside the same SQLite transaction as the change they describe, so a crash leaves both or none.
import type Database from 'better-sqlite3';
import type { CollectionName } from '../../shared/schemas/index.ts';
import type { DocChange } from '../../shared/commands/field-changes.ts';
import type { DeletedContact, FieldMerge, JournalKind } from '../../shared/history.ts';

export const JOURNAL_TABLE = 'sphere_journal';
const CONTACTS_TABLE = 'sphere_journal_contacts';

/**
 * `undo`: for commands, 'done' while the step can be undone, 'undone' while it can be redone, NULL once a new
 * command after undos dropped the redo branch. `deleted`: JSON array of contact ids this entry deleted, so the
 * "recently deleted" list is found without parsing every entry. One row per contact an entry concerns in
 * CONTACTS_TABLE makes a contact's history one indexed read.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS ${JOURNAL_TABLE} (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, kind TEXT NOT NULL, run_id TEXT, label TEXT NOT NULL,
  author TEXT NOT NULL, changes TEXT NOT NULL, merges TEXT, deleted TEXT, undo TEXT);
CREATE INDEX IF NOT EXISTS ${JOURNAL_TABLE}_run ON ${JOURNAL_TABLE} (run_id) WHERE run_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS ${JOURNAL_TABLE}_undo ON ${JOURNAL_TABLE} (undo) WHERE undo IS NOT NULL;
CREATE INDEX IF NOT EXISTS ${JOURNAL_TABLE}_deleted ON ${JOURNAL_TABLE} (seq) WHERE deleted IS NOT NULL;
CREATE TABLE IF NOT EXISTS ${CONTACTS_TABLE} (contact_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (contact_id, seq)) WITHOUT ROWID;`;

/** Bounds: the newest entries are kept, oldest pruned first, so the file cannot grow without end. */
export const JOURNAL_LIMITS = { entries: 5000, bytes: 32 * 1024 * 1024, pruneEvery: 100 };
/** Steps the user can take back after a restart, as the window's own history keeps (renderer/commands/history.ts). */
const UNDO_DEPTH = 200;
/** Ties, touches and deals deleted this close to their contact's delete went with it (a teammate's delete arrives collection by collection). */
const WITH_CONTACT_MS = 10 * 60 * 1000;

export type JournalRecord = {
  at: number;
  kind: JournalKind;
  label: string;
  author: string;
  changes: DocChange[];
  runId?: string;
  merges?: FieldMerge[];
};

export type StoredEntry = JournalRecord & { seq: number; undo: 'done' | 'undone' | null };

type Row = { seq: number; at: number; kind: JournalKind; run_id: string | null; label: string; author: string; changes: string; merges: string | null; undo: 'done' | 'undone' | null };

const entryOf = (row: Row): StoredEntry => ({
  seq: row.seq, at: row.at, kind: row.kind, label: row.label, author: row.author, undo: row.undo,
  changes: JSON.parse(row.changes) as DocChange[],
  ...(row.run_id ? { runId: row.run_id } : {}),
  ...(row.merges ? { merges: JSON.parse(row.merges) as FieldMerge[] } : {}),
});

/** The contacts a change concerns: the contact itself, or the one a touch or deal is for, or a tie's two ends. */
export function contactsOf(change: DocChange): string[] {
  const ids = new Set<string>();
  for (const doc of [change.before, change.after]) {
    if (!doc) continue;
    if (change.collection === 'contacts') ids.add(change.id);
    else if (change.collection === 'touches' || change.collection === 'deals') ids.add(String(doc.contactId));
    else if (change.collection === 'ties') for (const end of [doc.from, doc.to]) ids.add(String(end));
  }
  return [...ids];
}

export class Journal {
  private readonly db: Database.Database;
  private readonly statements: Record<'insert' | 'link' | 'byRun' | 'setUndo' | 'dropRedo' | 'stack' | 'ofContact' | 'deletes' | 'since', Database.Statement>;
  private inserted = 0;

  constructor(db: Database.Database) {
    this.db = db;
    db.exec(DDL);
    this.statements = {
      insert: db.prepare(`INSERT INTO ${JOURNAL_TABLE} (at, kind, run_id, label, author, changes, merges, deleted, undo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      link: db.prepare(`INSERT OR IGNORE INTO ${CONTACTS_TABLE} (contact_id, seq) VALUES (?, ?)`),
      byRun: db.prepare(`SELECT * FROM ${JOURNAL_TABLE} WHERE run_id = ? AND kind = 'command'`),
      setUndo: db.prepare(`UPDATE ${JOURNAL_TABLE} SET undo = ? WHERE seq = ?`),
      dropRedo: db.prepare(`UPDATE ${JOURNAL_TABLE} SET undo = NULL WHERE undo = 'undone'`),
      stack: db.prepare(`SELECT seq, run_id, label, undo FROM ${JOURNAL_TABLE} WHERE undo IS NOT NULL ORDER BY seq DESC LIMIT ${UNDO_DEPTH * 2}`),
      ofContact: db.prepare(`SELECT j.* FROM ${CONTACTS_TABLE} c JOIN ${JOURNAL_TABLE} j ON j.seq = c.seq WHERE c.contact_id = ? ORDER BY c.seq DESC LIMIT ?`),
      deletes: db.prepare(`SELECT * FROM ${JOURNAL_TABLE} WHERE deleted IS NOT NULL ORDER BY seq DESC LIMIT 500`),
      since: db.prepare(`SELECT * FROM ${JOURNAL_TABLE} WHERE at >= ? AND at <= ? ORDER BY seq`),
    };
  }

  /** Call inside the transaction that made the change. Returns the entry's seq. */
  record(entry: JournalRecord): number {
    const s = this.statements;
    const deleted = entry.changes.filter((c) => c.collection === 'contacts' && c.before && !c.after).map((c) => c.id);
    if (entry.kind === 'command') s.dropRedo.run();
    const seq = Number(s.insert.run(
      entry.at, entry.kind, entry.runId ?? null, entry.label, entry.author, JSON.stringify(entry.changes),
      entry.merges?.length ? JSON.stringify(entry.merges) : null, deleted.length ? JSON.stringify(deleted) : null,
      entry.kind === 'command' ? 'done' : null,
    ).lastInsertRowid);
    const contacts = new Set(entry.changes.flatMap(contactsOf));
    for (const id of contacts) s.link.run(id, seq);
    if (++this.inserted % JOURNAL_LIMITS.pruneEvery === 0) this.prune();
    return seq;
  }

  /** The command step `runId`, as it was recorded; undefined when pruned (or never made here). */
  command(runId: string): StoredEntry | undefined {
    const row = this.statements.byRun.get(runId) as Row | undefined;
    return row && entryOf(row);
  }

  /** After an undo or redo of `seq` (inside its transaction). */
  markUndo(seq: number, state: 'done' | 'undone'): void {
    this.statements.setUndo.run(state, seq);
  }

  /** The steps that can be undone (oldest first) and redone (the next redo last), as a window's history holds them. */
  stack(): { undo: { runId: string; label: string }[]; redo: { runId: string; label: string }[] } {
    const rows = this.statements.stack.all() as Pick<Row, 'seq' | 'run_id' | 'label' | 'undo'>[];
    const step = (r: (typeof rows)[number]) => ({ runId: r.run_id!, label: r.label });
    // Rows come newest first. Undos go newest first, so the next redo is the oldest of the undone.
    const undo = rows.filter((r) => r.undo === 'done').slice(0, UNDO_DEPTH).reverse().map(step);
    const redo = rows.filter((r) => r.undo === 'undone').map(step);
    return { undo, redo };
  }

  /** The newest `limit` entries that concern a contact, newest first. */
  ofContact(contactId: string, limit = 100): StoredEntry[] {
    return (this.statements.ofContact.all(contactId, limit) as Row[]).map(entryOf);
  }

  /**
   * Contacts the journal saw deleted, newest first, each with its last full state and the ties, touches and deals
   * deleted with it. `isLive` filters out those that are back (restored, or re-added by a teammate).
   */
  deletedContacts(isLive: (contactId: string) => boolean): DeletedContact[] {
    const found = new Map<string, DeletedContact>();
    for (const row of this.statements.deletes.all() as Row[]) {
      const entry = entryOf(row);
      for (const change of entry.changes) {
        if (change.collection !== 'contacts' || !change.before || change.after || found.has(change.id) || isLive(change.id)) continue;
        found.set(change.id, { contact: change.before as DeletedContact['contact'], at: entry.at, by: entry.author, ties: [], touches: [], deals: [] });
      }
    }
    for (const gone of found.values()) this.gatherWith(gone);
    return [...found.values()];
  }

  /** The last full state of one deleted contact, or undefined when the journal holds none. */
  deletedContact(contactId: string): DeletedContact | undefined {
    return this.deletedContacts(() => false).find((d) => d.contact.id === contactId);
  }

  private gatherWith(gone: DeletedContact): void {
    const id = gone.contact.id;
    const seen = new Set<string>();
    for (const row of this.statements.since.all(gone.at - WITH_CONTACT_MS, gone.at + WITH_CONTACT_MS) as Row[]) {
      for (const change of (JSON.parse(row.changes) as DocChange[])) {
        if (change.collection === 'contacts' || change.collection === 'settings' || change.after || !change.before) continue;
        if (!contactsOf(change).includes(id) || seen.has(`${change.collection}/${change.id}`)) continue;
        seen.add(`${change.collection}/${change.id}`);
        const list = gone[change.collection as Exclude<CollectionName, 'contacts' | 'settings'>] as unknown[];
        list.push(change.before);
      }
    }
  }

  /** Oldest first, down to the bounds; an undo step that goes with them can no longer be taken. */
  prune(): void {
    this.db.transaction(() => {
      const { entries, bytes } = JOURNAL_LIMITS;
      const high = (this.db.prepare(`SELECT max(seq) FROM ${JOURNAL_TABLE}`).pluck().get() as number | null) ?? 0;
      let cut = high - entries;
      // Newest first, the first seq at which the running size passes the byte bound.
      const over = this.db.prepare(`SELECT seq FROM (SELECT seq, sum(length(changes) + coalesce(length(merges), 0)) OVER (ORDER BY seq DESC) AS total FROM ${JOURNAL_TABLE}) WHERE total > ? ORDER BY seq DESC LIMIT 1`).pluck().get(bytes) as number | undefined;
      if (over !== undefined) cut = Math.max(cut, over);
      if (cut <= 0) return;
      this.db.prepare(`DELETE FROM ${JOURNAL_TABLE} WHERE seq <= ?`).run(cut);
      this.db.prepare(`DELETE FROM ${CONTACTS_TABLE} WHERE seq <= ?`).run(cut);
    })();
  }
}

const journals = new WeakMap<Database.Database, Journal>();

/** The journal of the store file this connection has open, made on first use. */
export function journalOf(db: Database.Database): Journal {
  let journal = journals.get(db);
  if (!journal) {
    journal = new Journal(db);
    journals.set(db, journal);
  }
  return journal;
}
