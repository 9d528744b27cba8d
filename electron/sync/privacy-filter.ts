// Process: main or browser host (Node). A contact marked private never leaves the device, nor do its touches,
// deals or ties. What goes up for them is a tombstone, so marking a shared contact private removes it from
// teammates' devices while the owner's copy stays; what comes down for them is ignored, so the tombstone never
// comes back to delete the owner's copy.
import type { PushRow, SyncedCollection, WireDoc } from '../../shared/sync/protocol.ts';
import type { RxStorageInstanceSqlite } from '../store/sqlite-instance.ts';

type Doc = Record<string, unknown> & { id: string };

export class PrivacyFilter {
  private contacts: RxStorageInstanceSqlite<Doc> | null = null;
  private readonly localInstances = new Map<SyncedCollection, RxStorageInstanceSqlite<Doc>>();

  /** The device's own copy of a collection, to look privacy up in. */
  watch(collection: SyncedCollection, fork: RxStorageInstanceSqlite<Doc>): void {
    this.localInstances.set(collection, fork);
    if (collection === 'contacts') this.contacts = fork;
  }

  /** Whether a document, as this device has it, is private or belongs to a private contact. */
  keepsLocal(collection: SyncedCollection, doc: WireDoc | Doc | undefined): boolean {
    if (!doc) return false;
    if (collection === 'contacts') return doc.private === true;
    const owners = collection === 'ties' ? [doc.from, doc.to] : [doc.contactId];
    return owners.some((id) => typeof id === 'string' && this.isPrivateContact(id));
  }

  outgoing(collection: SyncedCollection, rows: PushRow[]): PushRow[] {
    return rows.map((row) => {
      const keepNew = this.keepsLocal(collection, row.newDocumentState);
      const keepAssumed = this.keepsLocal(collection, row.assumedMasterState);
      if (!keepNew && !keepAssumed) return row;
      return {
        ...(row.assumedMasterState ? { assumedMasterState: keepAssumed ? tombstone(row.assumedMasterState) : row.assumedMasterState } : {}),
        newDocumentState: keepNew ? tombstone(row.newDocumentState) : row.newDocumentState,
      };
    });
  }

  incoming(collection: SyncedCollection, docs: WireDoc[]): WireDoc[] {
    if (docs.length === 0) return docs;
    // One read of this device's copies and one of the contacts involved, not a few per document: a first pull
    // brings the whole team, and single-id reads were an eighth of its time.
    const found = (this.localInstances.get(collection)?.findNow(docs.map((doc) => doc.id), false) ?? []) as Doc[];
    const local = new Map(found.map((doc) => [doc.id, doc]));
    const privateIds = collection === 'contacts' ? new Set<string>() : this.privateContacts([...docs, ...found].flatMap((doc) => ownersOf(collection, doc)));
    const keeps = (doc: Doc | undefined) => !!doc && (collection === 'contacts' ? doc.private === true : ownersOf(collection, doc).some((id) => privateIds.has(id)));
    // What the server has of a private document is the tombstone this device sent: never applied here.
    return docs.filter((doc) => !keeps(doc) && !keeps(local.get(doc.id)));
  }

  private privateContacts(ids: string[]): Set<string> {
    const contacts = (this.contacts?.findNow([...new Set(ids)], false) ?? []) as Doc[];
    return new Set(contacts.filter((contact) => contact.private === true).map((contact) => contact.id));
  }

  private isPrivateContact(id: string): boolean {
    const contact = this.contacts?.findNow([id], false)[0] as Doc | undefined;
    return contact?.private === true;
  }
}

/** The contacts a tie, touch or deal belongs to. */
function ownersOf(collection: SyncedCollection, doc: Doc | WireDoc): string[] {
  const owners = collection === 'ties' ? [doc.from, doc.to] : collection === 'contacts' ? [] : [doc.contactId];
  return owners.filter((id): id is string => typeof id === 'string');
}

function tombstone(doc: WireDoc): WireDoc {
  return { id: doc.id, _deleted: true };
}
