// Process: any (pure). A deal: money that came of a relationship. Edited in place and merged field by field
// when two people edit it (schema version 1); a delete leaves a tombstone.
import type { RxJsonSchema } from 'rxdb';
import { authorField, CURRENCY_PATTERN, idField, stampsField, timeField } from './bounds.ts';
import { clipField, pick, renameRefs, tidyStamps } from './repair.ts';

export type DealDoc = {
  id: string;
  contactId: string;
  /** Minor units (cents), so sums are exact. */
  amount: number;
  currency: string;
  at: number;
  /** The referral tie that brought it, if any. */
  referralId?: string;
  note?: string;
  supersedes?: string;
  /** When each field was last edited (hybrid logical clock, shared/sync/hlc.ts): what sync's merge decides by. */
  stamps?: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  updatedBy: string;
};

const properties = {
  id: idField,
  contactId: idField,
  amount: { type: 'integer', minimum: 0, maximum: 1e13 },
  currency: { type: 'string', minLength: 3, maxLength: 3, pattern: CURRENCY_PATTERN },
  at: timeField,
  referralId: idField,
  note: { type: 'string', maxLength: 2000 },
  supersedes: idField,
  createdAt: timeField,
  updatedAt: timeField,
  updatedBy: authorField,
} as const;

const STAMPED_FIELDS = Object.keys(properties).filter((f) => f !== 'updatedAt' && f !== 'updatedBy');

export const dealSchema: RxJsonSchema<DealDoc> = {
  title: 'deal',
  // 1: editable (stamps, updatedAt) and bounded like contacts v2 (see dealMigrations).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: { ...properties, stamps: stampsField(STAMPED_FIELDS) },
  required: ['id', 'contactId', 'amount', 'currency', 'at', 'createdAt', 'updatedAt', 'updatedBy'],
  indexes: [['contactId', 'at'], 'at'],
} as RxJsonSchema<DealDoc>;

/** ISO 4217's code for "no currency": an amount whose currency was not a code keeps its number. */
const NO_CURRENCY = 'XXX';

export const dealMigrations = {
  /**
   * Version 0 deals were never edited, so each was last changed when created. References are renamed as their
   * targets' migrations rename them; a currency that is no code is kept in the note.
   */
  1: (old: Record<string, unknown>): DealDoc => {
    const doc = renameRefs(pick(old, Object.keys(properties)), ['id', 'contactId', 'referralId', 'supersedes']);
    doc.updatedAt = doc.createdAt;
    const currency = typeof doc.currency === 'string' ? doc.currency.toUpperCase() : '';
    if (!/^[A-Z]{3}$/.test(currency)) {
      const said = `Currency as recorded: ${JSON.stringify(doc.currency)}`;
      doc.note = typeof doc.note === 'string' && doc.note ? `${doc.note}\n${said}` : said;
    }
    doc.currency = /^[A-Z]{3}$/.test(currency) ? currency : NO_CURRENCY;
    clipField(doc, 'note', properties.note.maxLength);
    tidyStamps(doc, STAMPED_FIELDS);
    return doc as DealDoc;
  },
};
