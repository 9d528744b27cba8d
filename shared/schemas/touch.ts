// Process: any (pure). A touch: one contact moment. Append-only; a correction supersedes.
import type { RxJsonSchema } from 'rxdb';
import { authorField, idField, timeField } from './bounds.ts';
import { clipField, pick, renameRefs } from './repair.ts';
import { RINGS, TOUCH_KINDS, type Ring, type TouchKind } from '../domain/sphere.ts';

export type TouchDoc = {
  id: string;
  contactId: string;
  kind: TouchKind;
  direction: 'inbound' | 'outbound';
  at: number;
  note?: string;
  /** stageChange touches record the move. */
  fromRing?: Ring;
  toRing?: Ring;
  /** A correction names the touch it replaces. */
  supersedes?: string;
  createdAt: number;
  updatedBy: string;
};

const properties = {
  id: idField,
  contactId: idField,
  kind: { type: 'string', enum: [...TOUCH_KINDS], maxLength: 16 },
  direction: { type: 'string', enum: ['inbound', 'outbound'] },
  at: timeField,
  note: { type: 'string', maxLength: 5000 },
  fromRing: { type: 'string', enum: [...RINGS] },
  toRing: { type: 'string', enum: [...RINGS] },
  supersedes: idField,
  createdAt: timeField,
  updatedBy: authorField,
} as const;

export const touchSchema: RxJsonSchema<TouchDoc> = {
  title: 'touch',
  // 1: ids and references of the safe alphabet (stores from version 0 are mended, see touchMigrations).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties,
  required: ['id', 'contactId', 'kind', 'direction', 'at', 'createdAt', 'updatedBy'],
  indexes: [['contactId', 'at'], 'at'],
} as RxJsonSchema<TouchDoc>;

export const touchMigrations = {
  /** The contact and the touch corrected are renamed as their own migrations rename them (repair.ts). */
  1: (old: Record<string, unknown>): TouchDoc => {
    const doc = renameRefs(pick(old, Object.keys(properties)), ['id', 'contactId', 'supersedes']);
    clipField(doc, 'note', properties.note.maxLength);
    return doc as TouchDoc;
  },
};
