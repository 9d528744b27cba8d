// Process: any (pure). The contact document: one person in the sphere.
import type { RxJsonSchema } from 'rxdb';
import { authorField, BIRTHDAY_PATTERN, DAY_PATTERN, EMAIL_PATTERN, idField, MAX_EMAILS, MAX_PHONES, MAX_TAGS, PHONE_PATTERN, stampsField, timeField } from './bounds.ts';
import { CONTACT_LIMITS as L, repairContact } from './repair.ts';
import { CATEGORIES, CUSTOMER_STAGES, RINGS, ROLES, type Category, type CustomerStage, type Ring, type Role } from '../domain/sphere.ts';

export type ContactDoc = {
  id: string;
  name: string;
  category: Category;
  ring: Ring;
  organisation?: string;
  title?: string;
  emails: string[];
  phones: string[];
  tags: string[];
  roles: Role[];
  /**
   * The customer stage a person chose by hand; deals and touches then no longer move it. Absent, the stage is
   * derived from deals and touches whenever it is read (`customerStage`), never stored: a stored derived stage
   * goes stale with time and two people's edits would fight over it once they sync.
   */
  stageByHand?: CustomerStage;
  optIn?: { granted: boolean; at: number; source: string };
  notes?: string;
  address?: string;
  /** YYYY-MM-DD, or --MM-DD when the year is not known. */
  birthday?: string;
  /** YYYY-MM-DD: Today leaves them out until the day after (a snooze, or a skipped round). */
  snoozedUntil?: string;
  /** Who on the team looks after this relationship. */
  owner?: string;
  /** Kept on this device only: never sent to the team server, nor are its touches, deals or ties. */
  private?: boolean;
  /** When each field was last edited (hybrid logical clock, shared/sync/hlc.ts): what sync's merge decides by. */
  stamps?: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  /** Who made the last change: a device or team member id, for later sync. */
  updatedBy: string;
};

const properties = {
  id: idField,
  name: { type: 'string', minLength: 1, maxLength: L.name },
  category: { type: 'string', enum: [...CATEGORIES], maxLength: 16 },
  ring: { type: 'string', enum: [...RINGS], maxLength: 16 },
  organisation: { type: 'string', maxLength: L.organisation },
  title: { type: 'string', maxLength: L.title },
  emails: { type: 'array', maxItems: MAX_EMAILS, uniqueItems: true, items: { type: 'string', minLength: 3, maxLength: L.email, pattern: EMAIL_PATTERN } },
  phones: { type: 'array', maxItems: MAX_PHONES, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: L.phone, pattern: PHONE_PATTERN } },
  tags: { type: 'array', maxItems: MAX_TAGS, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: L.tag } },
  roles: { type: 'array', maxItems: ROLES.length, uniqueItems: true, items: { type: 'string', enum: [...ROLES] } },
  stageByHand: { type: 'string', enum: [...CUSTOMER_STAGES], maxLength: 16 },
  optIn: {
    type: 'object',
    properties: {
      granted: { type: 'boolean' },
      at: timeField,
      source: { type: 'string', maxLength: L.source },
    },
    required: ['granted', 'at', 'source'],
    additionalProperties: false,
  },
  notes: { type: 'string', maxLength: L.notes },
  address: { type: 'string', maxLength: L.address },
  birthday: { type: 'string', pattern: BIRTHDAY_PATTERN, maxLength: 10 },
  snoozedUntil: { type: 'string', pattern: DAY_PATTERN, maxLength: 10 },
  owner: { type: 'string', maxLength: L.owner },
  private: { type: 'boolean' },
  createdAt: timeField,
  updatedAt: timeField,
  updatedBy: authorField,
} as const;

/** Fields an edit stamps (shared/sync/field-stamps.ts): all but the bookkeeping. */
const STAMPED_FIELDS = Object.keys(properties).filter((f) => f !== 'updatedAt' && f !== 'updatedBy');

export const contactSchema: RxJsonSchema<ContactDoc> = {
  title: 'contact',
  // 2: every field bounded, nested objects closed, ids of the safe alphabet, emails, phones and birthdays
  // checked, snoozedUntil (stores from version 1 are mended, see contactMigrations).
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: { ...properties, stamps: stampsField(STAMPED_FIELDS) },
  required: ['id', 'name', 'category', 'ring', 'emails', 'phones', 'tags', 'roles', 'createdAt', 'updatedAt', 'updatedBy'],
  indexes: [['ring', 'category'], 'category', 'name', 'updatedAt'],
} as RxJsonSchema<ContactDoc>;

export const contactMigrations = {
  /** Version 0 stored the derived stage beside a flag; version 1 keeps only a stage chosen by hand. */
  1: (old: Record<string, unknown>): ContactDoc => {
    const { stage, stageByHand, ...rest } = old;
    return (stageByHand === true ? { ...rest, stageByHand: stage } : rest) as ContactDoc;
  },
  /** Version 1 bounded few fields: whatever it let through is mended, not dropped (repair.ts). */
  2: (old: Record<string, unknown>): ContactDoc =>
    repairContact(old, Object.keys(properties), STAMPED_FIELDS, { emails: MAX_EMAILS, phones: MAX_PHONES, tags: MAX_TAGS, roles: ROLES }) as ContactDoc,
};
