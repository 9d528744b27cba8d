// Process: any (pure). A tie between two contacts: referral, influence, partnership or personal.
import type { RxJsonSchema } from 'rxdb';
import { authorField, idField, stampsField, timeField } from './bounds.ts';
import { clipField, pick, renameRefs, tidyStamps } from './repair.ts';
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

const properties = {
  id: idField,
  kind: { type: 'string', enum: [...TIE_KINDS], maxLength: 16 },
  from: idField,
  to: idField,
  at: timeField,
  note: { type: 'string', maxLength: 2000 },
  rewardedAt: timeField,
  reward: { type: 'string', maxLength: 500 },
  createdAt: timeField,
  updatedAt: timeField,
  updatedBy: authorField,
} as const;

const STAMPED_FIELDS = Object.keys(properties).filter((f) => f !== 'updatedAt' && f !== 'updatedBy');

export const tieSchema: RxJsonSchema<TieDoc> = {
  title: 'tie',
  // 2: bounded and closed like contacts v2; ids and references of the safe alphabet.
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: { ...properties, stamps: stampsField(STAMPED_FIELDS) },
  required: ['id', 'kind', 'from', 'to', 'at', 'createdAt', 'updatedAt', 'updatedBy'],
  indexes: ['from', 'to', ['kind', 'at']],
} as RxJsonSchema<TieDoc>;

export const tieMigrations = {
  /**
   * Version 0 stored what a referral was worth on the tie, a running total that two people adding deals at once
   * would both overwrite; version 1 derives it from the deals that name the referral (`referralValue`).
   */
  1: (old: Record<string, unknown>): TieDoc => {
    const { value: _value, currency: _currency, ...rest } = old;
    return rest as TieDoc;
  },
  /** Version 1 bounded few fields: mended as contacts are (repair.ts), its people renamed as they are. */
  2: (old: Record<string, unknown>): TieDoc => {
    const doc = renameRefs(pick(old, [...Object.keys(properties), 'stamps']), ['id', 'from', 'to']);
    clipField(doc, 'note', properties.note.maxLength);
    clipField(doc, 'reward', properties.reward.maxLength);
    if (typeof doc.rewardedAt === 'number' && !(doc.rewardedAt >= 0 && doc.rewardedAt <= 1e15)) delete doc.rewardedAt;
    else if (typeof doc.rewardedAt === 'number') doc.rewardedAt = Math.round(doc.rewardedAt);
    tidyStamps(doc, STAMPED_FIELDS);
    return doc as TieDoc;
  },
};
