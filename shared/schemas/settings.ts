// Process: any (pure). The user's settings, one document stored with the sphere so they travel with it (and sync later).
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
import { authorField, CURRENCY_PATTERN, idField, timeField } from './bounds.ts';
import { pick } from './repair.ts';
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

/** A closed object: these fields, all of them, nothing else. */
const closed = <P extends Record<string, object>>(properties: P) =>
  ({ type: 'object', properties, required: Object.keys(properties), additionalProperties: false }) as const;

const cadence = closed({ trust: days, like: days, know: days, prospect: days });
const lifeCycle = closed({ repeatAt: { type: 'integer', minimum: 2, maximum: 1000 }, lifetimeAt: { type: 'integer', minimum: 3, maximum: 1000 }, churnAfterDays: days });
const ringPoints = closed({ trust: points, like: points, know: points, prospect: points });
const trustWeights = closed({
  ring: ringPoints,
  touchMax: points, touchHalfLifeDays: days, touchesForFull: { type: 'number', minimum: 1, maximum: 100 },
  referralMax: points, referralScale: { type: 'number', minimum: 0.5, maximum: 100 }, repeatMax: points,
});

export const settingsSchema: RxJsonSchema<SettingsDoc> = {
  title: 'settings',
  // 1: baseCurrency (required; stores from version 0 get USD, see settingsMigrations).
  // 2: nested objects closed, the id and author bounded (unknown nested keys are dropped).
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { ...idField, maxLength: 20 },
    cadence,
    lifeCycle,
    trustWeights,
    dimOverdue: { type: 'boolean' },
    baseCurrency: { type: 'string', pattern: CURRENCY_PATTERN, minLength: 3, maxLength: 3 },
    updatedAt: timeField,
    updatedBy: authorField,
  },
  required: ['id', 'cadence', 'lifeCycle', 'trustWeights', 'dimOverdue', 'baseCurrency', 'updatedAt', 'updatedBy'],
} as RxJsonSchema<SettingsDoc>;

/** Each step takes a document of the version before to this one; RxDB runs them in order. */
export const settingsMigrations: MigrationStrategies = {
  // Every amount stored so far was entered without a currency choice; the app showed them as dollars.
  1: (doc: Omit<SettingsDoc, 'baseCurrency'>): SettingsDoc => ({ ...doc, baseCurrency: 'USD' }),
  // Keys no version of Sphere reads are dropped; a value out of range still refuses the upgrade, as before.
  2: (doc: SettingsDoc): SettingsDoc => ({
    ...doc,
    cadence: pick(doc.cadence, Object.keys(cadence.properties)) as SettingsDoc['cadence'],
    lifeCycle: pick(doc.lifeCycle, Object.keys(lifeCycle.properties)) as SettingsDoc['lifeCycle'],
    trustWeights: {
      ...(pick(doc.trustWeights, Object.keys(trustWeights.properties)) as SettingsDoc['trustWeights']),
      ring: pick(doc.trustWeights?.ring, Object.keys(ringPoints.properties)) as SettingsDoc['trustWeights']['ring'],
    },
    updatedAt: Math.max(0, Math.min(1e15, Math.round(doc.updatedAt))),
  }),
};
