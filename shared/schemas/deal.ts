// Process: any (pure). A deal: money that came of a relationship. Append-only.
import type { RxJsonSchema } from 'rxdb';

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
  createdAt: number;
  updatedBy: string;
};

export const dealSchema: RxJsonSchema<DealDoc> = {
  title: 'deal',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    contactId: { type: 'string', maxLength: 64 },
    amount: { type: 'integer', minimum: 0, maximum: 1e13 },
    currency: { type: 'string', minLength: 3, maxLength: 3 },
    at: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    referralId: { type: 'string', maxLength: 64 },
    note: { type: 'string', maxLength: 2000 },
    supersedes: { type: 'string', maxLength: 64 },
    createdAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    updatedBy: { type: 'string', maxLength: 64 },
  },
  required: ['id', 'contactId', 'amount', 'currency', 'at', 'createdAt', 'updatedBy'],
  indexes: [['contactId', 'at'], 'at'],
};
