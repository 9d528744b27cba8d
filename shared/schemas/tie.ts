// Process: any (pure). A tie between two contacts: referral, influence, partnership or personal.
import type { RxJsonSchema } from 'rxdb';
import { TIE_KINDS, type TieKind } from '../domain/sphere.ts';

export type TieDoc = {
  id: string;
  kind: TieKind;
  /** Referrer, center of influence, host partner, or either side of a personal tie. */
  from: string;
  to: string;
  at: number;
  note?: string;
  /** Referrals: when and how the referrer was thanked or rewarded. */
  rewardedAt?: number;
  reward?: string;
  /** When each field was last edited (hybrid logical clock): what sync's merge decides by. */
  stamps?: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  updatedBy: string;
};

export const tieSchema: RxJsonSchema<TieDoc> = {
  title: 'tie',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    kind: { type: 'string', enum: [...TIE_KINDS], maxLength: 16 },
    from: { type: 'string', maxLength: 64 },
    to: { type: 'string', maxLength: 64 },
    at: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    note: { type: 'string', maxLength: 2000 },
    rewardedAt: { type: 'number', minimum: 0 },
    reward: { type: 'string', maxLength: 500 },
    stamps: { type: 'object', additionalProperties: { type: 'string', maxLength: 120 } },
    createdAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    updatedAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    updatedBy: { type: 'string', maxLength: 64 },
  },
  required: ['id', 'kind', 'from', 'to', 'at', 'createdAt', 'updatedAt', 'updatedBy'],
  indexes: ['from', 'to', ['kind', 'at']],
};

/**
 * Version 0 stored what a referral was worth on the tie, a running total that two people adding deals at once
 * would both overwrite; version 1 derives it from the deals that name the referral (`referralValue`).
 */
export const tieMigrations = {
  1: (old: Record<string, unknown>): TieDoc => {
    const { value: _value, currency: _currency, ...rest } = old;
    return rest as TieDoc;
  },
};
