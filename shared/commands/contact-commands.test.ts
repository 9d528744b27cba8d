// Process: test (any). Contact planners: what a command writes, read from a plain in-memory reader.
import { describe, expect, it } from 'vitest';
import { contact } from '../../test/support/contact-fixture.ts';
import type { ContactDoc, TouchDoc } from '../schemas/index.ts';
import { planCommand } from './plan-command.ts';
import type { SphereReader } from './plan.ts';

const reader = (contacts: ContactDoc[]): SphereReader => ({
  get: (collection, id) => (collection === 'contacts' ? contacts.find((c) => c.id === id) : undefined) as never,
  find: () => [],
});
const env = { now: 5000, newId: () => 'new1', author: 'me' };

describe('editing a contact', () => {
  it('records a ring change made in the edit form as a move, as dragging does', () => {
    // The timeline and the funnel rebuild rings from these moves; an edit that skipped it left a hole in history.
    const plan = planCommand(reader([contact('a', { ring: 'know' })]), { type: 'contact.update', contactId: 'a', changes: { ring: 'trust' } }, env)!;
    const touch = plan.writes.find((w) => w.collection === 'touches')?.doc as TouchDoc | undefined;
    expect(touch).toMatchObject({ contactId: 'a', kind: 'stageChange', fromRing: 'know', toRing: 'trust', at: 5000 });
  });

  it('writes no move when the ring stays', () => {
    const plan = planCommand(reader([contact('a', { ring: 'know' })]), { type: 'contact.update', contactId: 'a', changes: { name: 'Ann' } }, env)!;
    expect(plan.writes.map((w) => w.collection)).toEqual(['contacts']);
  });
});
