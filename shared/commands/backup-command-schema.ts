// Process: any (pure). The restore of a JSON backup as a domain command: one transaction, one undo step.
import { z } from 'zod';

/**
 * The backup travels as parsed JSON and is checked (format, versions, migration) by the planner, inside the
 * transaction, so a refusal says what is wrong with the file rather than a schema error about the command.
 * `merge: false` restores into an empty sphere only; `true` merges into the current one.
 */
export const RestoreCommandSchema = z.strictObject({ type: z.literal('sphere.restore'), backup: z.unknown(), merge: z.boolean() });
