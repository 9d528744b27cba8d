// Process: any (pure). The contact document: one person in the sphere.
import type { RxJsonSchema } from 'rxdb';
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

export const contactSchema: RxJsonSchema<ContactDoc> = {
  title: 'contact',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    category: { type: 'string', enum: [...CATEGORIES], maxLength: 16 },
    ring: { type: 'string', enum: [...RINGS], maxLength: 16 },
    organisation: { type: 'string', maxLength: 200 },
    title: { type: 'string', maxLength: 200 },
    emails: { type: 'array', items: { type: 'string', maxLength: 320 } },
    phones: { type: 'array', items: { type: 'string', maxLength: 40 } },
    tags: { type: 'array', items: { type: 'string', maxLength: 60 } },
    roles: { type: 'array', items: { type: 'string', enum: [...ROLES] } },
    stageByHand: { type: 'string', enum: [...CUSTOMER_STAGES], maxLength: 16 },
    optIn: {
      type: 'object',
      properties: {
        granted: { type: 'boolean' },
        at: { type: 'number' },
        source: { type: 'string', maxLength: 200 },
      },
      required: ['granted', 'at', 'source'],
    },
    notes: { type: 'string', maxLength: 20000 },
    address: { type: 'string', maxLength: 500 },
    birthday: { type: 'string', pattern: '^(\\d{4}|-)-\\d{2}-\\d{2}$', maxLength: 10 },
    snoozedUntil: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 },
    owner: { type: 'string', maxLength: 100 },
    private: { type: 'boolean' },
    stamps: { type: 'object', additionalProperties: { type: 'string', maxLength: 120 } },
    createdAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    updatedAt: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
    updatedBy: { type: 'string', maxLength: 64 },
  },
  required: ['id', 'name', 'category', 'ring', 'emails', 'phones', 'tags', 'roles', 'createdAt', 'updatedAt', 'updatedBy'],
  indexes: [['ring', 'category'], 'category', 'name', 'updatedAt'],
};

/** Version 0 stored the derived stage beside a flag; version 1 keeps only a stage chosen by hand. */
export const contactMigrations = {
  1: (old: Record<string, unknown>): ContactDoc => {
    const { stage, stageByHand, ...rest } = old;
    return (stageByHand === true ? { ...rest, stageByHand: stage } : rest) as ContactDoc;
  },
};
