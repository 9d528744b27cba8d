// Process: any (pure). The command that brings a deleted contact back from the journal (see contact-restore-command.ts).
import { z } from 'zod';

export const RestoreContactSchema = z.strictObject({ type: z.literal('contact.restore'), contactId: z.string().min(1).max(64) });
