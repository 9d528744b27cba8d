// Process: test (any). A contact document as the store keeps it, with whatever fields a test sets.
import type { ContactDoc } from '../../shared/schemas/index.ts';

export const contact = (id: string, extra: Partial<ContactDoc> = {}): ContactDoc => ({
  id, name: `Contact ${id}`, category: 'business', ring: 'know', emails: [], phones: [], tags: [], roles: [], createdAt: 1, updatedAt: 1, updatedBy: 'test', ...extra,
});
