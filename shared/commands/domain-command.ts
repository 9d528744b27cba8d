// Process: any (pure). The domain commands the renderer may ask the host to run, declared once and checked on
// arrival: each is one user action, applied by the host in one SQLite transaction, all of it or none of it.
import { z } from 'zod';
import { CATEGORIES, CUSTOMER_STAGES, RINGS, ROLES, TOUCH_KINDS } from '../domain/sphere.ts';
import { CorrectionCommandSchemas } from './correction-schemas.ts';
import { RestoreCommandSchema } from './backup-command-schema.ts';
import { ImportCommandSchema } from './import-command.ts';
import { RestoreContactSchema } from './restore-command-schema.ts';
import { SnoozeCommandSchema } from './today-commands.ts';
import { isRealBirthday } from '../domain/contact-input.ts';

const id = z.string().min(1).max(64);
const when = z.number().int().min(0).max(1e15);
const note = z.string().max(2000);
const emailList = z.array(z.string().max(320)).max(50);
const phoneList = z.array(z.string().max(40)).max(50);

/** Fields a person may set on a contact; `null` clears an optional field. */
const ContactChangesSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  category: z.enum(CATEGORIES),
  ring: z.enum(RINGS),
  organisation: z.string().max(200).nullable(),
  title: z.string().max(200).nullable(),
  emails: emailList,
  phones: phoneList,
  tags: z.array(z.string().max(60)).max(100),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  stageByHand: z.enum(CUSTOMER_STAGES).nullable(),
  optIn: z.strictObject({ granted: z.boolean(), at: when, source: z.string().max(200) }).nullable(),
  notes: z.string().max(20000).nullable(),
  address: z.string().max(500).nullable(),
  // Empty text clears it, as the edit form sends for a blank field.
  birthday: z.string().regex(/^((\d{4}|-)-\d{2}-\d{2})?$/, 'a birthday is written 1980-04-23, or --04-23 without the year')
    .refine((day) => day === '' || isRealBirthday(day), 'that birthday is not a day of the calendar').nullable(),
  owner: z.string().max(100).nullable(),
  private: z.boolean().nullable(),
}).partial();
export type ContactChanges = z.infer<typeof ContactChangesSchema>;

const NewContactSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  category: z.enum(CATEGORIES),
  ring: z.enum(RINGS),
  organisation: z.string().max(200).optional(),
  emails: emailList,
  phones: phoneList,
});

/** A stage-change touch is the record of a move, written by the move itself, never logged by hand. */
const LoggedTouchKind = z.enum(TOUCH_KINDS).refine((kind) => kind !== 'stageChange', 'a stage change is recorded by moving the contact');

/** The settings document's own fields; their values are checked against the settings schema when written. */
const SettingsChangesSchema = z.strictObject({
  cadence: z.unknown(), lifeCycle: z.unknown(), trustWeights: z.unknown(), dimOverdue: z.unknown(), baseCurrency: z.unknown(),
}).partial();

export const DomainCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('contact.add'), contact: NewContactSchema }),
  z.strictObject({ type: z.literal('contact.update'), contactId: id, changes: ContactChangesSchema }),
  z.strictObject({ type: z.literal('contact.move'), contactId: id, ring: z.enum(RINGS).optional(), category: z.enum(CATEGORIES).optional() }),
  z.strictObject({ type: z.literal('contact.delete'), contactId: id }),
  z.strictObject({ type: z.literal('contact.merge'), survivorId: id, duplicateId: id }),
  z.strictObject({
    type: z.literal('touch.log'), contactId: id, kind: LoggedTouchKind,
    direction: z.enum(['inbound', 'outbound']), at: when.optional(), note: note.optional(),
  }),
  z.strictObject({
    type: z.literal('deal.record'), contactId: id, amount: z.number().int().positive().max(1e13),
    currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is a three-letter code such as USD'), at: when.optional(), referralId: id.optional(), note: note.optional(),
  }),
  z.strictObject({ type: z.literal('referral.record'), from: id, to: id, at: when.optional(), note: note.optional() }),
  z.strictObject({ type: z.literal('referral.reward'), tieId: id, reward: z.string().trim().min(1).max(500), at: when.optional() }),
  z.strictObject({ type: z.literal('tie.link'), kind: z.enum(['influence', 'partner', 'personal']), from: id, to: id }),
  z.strictObject({ type: z.literal('settings.update'), changes: SettingsChangesSchema }),
  z.strictObject({ type: z.literal('sample.load'), size: z.number().int().min(1).max(5000).optional() }),
  ...CorrectionCommandSchemas,
  RestoreCommandSchema,
  ImportCommandSchema,
  RestoreContactSchema,
  SnoozeCommandSchema,
]);
export type DomainCommand = z.infer<typeof DomainCommandSchema>;
export type DomainCommandType = DomainCommand['type'];
export type CommandOf<T extends DomainCommandType> = Extract<DomainCommand, { type: T }>;
