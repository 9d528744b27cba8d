// Process: any (pure). A touch: one contact moment. Append-only; a correction supersedes.
import type { RxJsonSchema } from 'rxdb';
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

export const touchSchema: RxJsonSchema<TouchDoc> = {
  title: 'touch',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    contactId: { type: 'string', maxLength: 64 },
    kind: { type: 'string', enum: [...TOUCH_KINDS], maxLength: 16 },
    direction: { type: 'string', enum: ['inbound', 'outbound'] },
    at: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    note: { type: 'string', maxLength: 5000 },
    fromRing: { type: 'string', enum: [...RINGS] },
    toRing: { type: 'string', enum: [...RINGS] },
    supersedes: { type: 'string', maxLength: 64 },
    createdAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    updatedBy: { type: 'string', maxLength: 64 },
  },
  required: ['id', 'contactId', 'kind', 'direction', 'at', 'createdAt', 'updatedBy'],
  indexes: [['contactId', 'at'], 'at'],
};
