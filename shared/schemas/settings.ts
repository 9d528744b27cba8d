// Process: any (pure). The user's settings, one document stored with the sphere so they travel with it (and sync later).
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { DEFAULT_CADENCE, type Cadence } from '../domain/cadence.ts';
import { DEFAULT_LIFE_CYCLE, type LifeCycleSettings } from '../domain/life-cycle.ts';
import { DEFAULT_TRUST_WEIGHTS, type TrustWeights } from '../domain/trust-score.ts';

export const SETTINGS_ID = 'settings';

export type SettingsDoc = {
  id: string;
  cadence: Cadence;
  lifeCycle: LifeCycleSettings;
  trustWeights: TrustWeights;
  /** Fade contacts who are overdue for a touch, so the ones you keep up with stand out. */
  dimOverdue: boolean;
  /** ISO 4217 code that sums of deals and referral values are shown in (schema version 1). */
  baseCurrency: string;
  updatedAt: number;
  updatedBy: string;
};

export const DEFAULT_SETTINGS: SettingsDoc = {
  id: SETTINGS_ID,
  cadence: DEFAULT_CADENCE,
  lifeCycle: DEFAULT_LIFE_CYCLE,
  trustWeights: DEFAULT_TRUST_WEIGHTS,
  dimOverdue: false,
  baseCurrency: 'USD',
  updatedAt: 0,
  updatedBy: 'default',
};

const days = { type: 'integer', minimum: 1, maximum: 3650 } as const;
const points = { type: 'number', minimum: 0, maximum: 100 } as const;

export const settingsSchema: RxJsonSchema<SettingsDoc> = {
  title: 'settings',
  // 1: baseCurrency (required; stores from version 0 get USD, see settingsMigrations).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 20 },
    cadence: { type: 'object', properties: { trust: days, like: days, know: days, prospect: days }, required: ['trust', 'like', 'know', 'prospect'] },
    lifeCycle: {
      type: 'object',
      properties: { repeatAt: { type: 'integer', minimum: 2, maximum: 1000 }, lifetimeAt: { type: 'integer', minimum: 3, maximum: 1000 }, churnAfterDays: days },
      required: ['repeatAt', 'lifetimeAt', 'churnAfterDays'],
    },
    trustWeights: {
      type: 'object',
      properties: {
        ring: { type: 'object', properties: { trust: points, like: points, know: points, prospect: points }, required: ['trust', 'like', 'know', 'prospect'] },
        touchMax: points, touchHalfLifeDays: days, touchesForFull: { type: 'number', minimum: 1, maximum: 100 },
        referralMax: points, referralScale: { type: 'number', minimum: 0.5, maximum: 100 }, repeatMax: points,
      },
      required: ['ring', 'touchMax', 'touchHalfLifeDays', 'touchesForFull', 'referralMax', 'referralScale', 'repeatMax'],
    },
    dimOverdue: { type: 'boolean' },
    baseCurrency: { type: 'string', pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3 },
    updatedAt: { type: 'number', minimum: 0 },
    updatedBy: { type: 'string', maxLength: 64 },
  },
  required: ['id', 'cadence', 'lifeCycle', 'trustWeights', 'dimOverdue', 'baseCurrency', 'updatedAt', 'updatedBy'],
};

/** Each step takes a document of the version before to this one; RxDB runs them in order. */
export const settingsMigrations: MigrationStrategies = {
  // Every amount stored so far was entered without a currency choice; the app showed them as dollars.
  1: (doc: Omit<SettingsDoc, 'baseCurrency'>): SettingsDoc => ({ ...doc, baseCurrency: 'USD' }),
};
