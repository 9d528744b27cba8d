// Process: any (pure). The commands that correct what was typed earlier: edit or delete a touch, a deal or a tie,
// and take the sample people back out. Declared here and appended to the union in domain-command.ts.
import { z } from 'zod';
import { TOUCH_KINDS } from '../domain/sphere.ts';

const id = z.string().min(1).max(64);
const when = z.number().int().min(0).max(1e15);
/** Empty text or null clears a note. */
const note = z.string().max(2000).nullable();

const EditableTouchKind = z.enum(TOUCH_KINDS).refine((kind) => kind !== 'stageChange', 'a stage change is recorded by moving the contact');

export const CorrectionCommandSchemas = [
  z.strictObject({
    type: z.literal('touch.edit'), touchId: id,
    changes: z.strictObject({ kind: EditableTouchKind, direction: z.enum(['inbound', 'outbound']), at: when, note }).partial(),
  }),
  z.strictObject({ type: z.literal('touch.delete'), touchId: id }),
  z.strictObject({
    type: z.literal('deal.edit'), dealId: id,
    changes: z.strictObject({
      amount: z.number().int().positive().max(1e13),
      currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is a three-letter code such as USD'),
      at: when, note, referralId: id.nullable(),
    }).partial(),
  }),
  z.strictObject({ type: z.literal('deal.delete'), dealId: id }),
  z.strictObject({
    type: z.literal('tie.edit'), tieId: id,
    changes: z.strictObject({ at: when, note, reward: z.string().max(500).nullable() }).partial(),
  }),
  z.strictObject({ type: z.literal('tie.delete'), tieId: id }),
  z.strictObject({ type: z.literal('sample.remove') }),
] as const;
