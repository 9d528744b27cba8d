// Process: test (any). Mending documents an older version let through (repair.ts), value by value.
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from './index.ts';
import { clip, safeId } from './repair.ts';

const toV2 = COLLECTIONS.contacts.migrationStrategies[2]!;
const v1 = { id: 'c-1', name: 'Ann', category: 'business', ring: 'know', emails: [], phones: [], tags: [], roles: [], createdAt: 1, updatedAt: 1, updatedBy: 'd' };

describe('mending a contact of version 1', () => {
  it('keeps an opt-in whose date version 1 let be any number, as a whole millisecond', () => {
    expect(toV2({ ...v1, optIn: { granted: true, at: 1_700_000_000_000.5, source: 'form' } }, undefined as never)).toMatchObject({ optIn: { granted: true, at: 1_700_000_000_001, source: 'form' } });
    expect(toV2({ ...v1, optIn: { granted: false, at: -5, source: 'form' } }, undefined as never)).toMatchObject({ optIn: { granted: false, at: 0 } });
  });

  it('drops stamps of fields that do not exist and stamps that are no stamps', () => {
    const mended = toV2({ ...v1, stamps: { name: '0:0:d', shoeSize: '0:0:d', ring: 7, notes: 'x'.repeat(500) } }, undefined as never) as { stamps: object };
    expect(mended.stamps).toEqual({ name: '0:0:d' });
  });

  it('shortens by code points, never splitting a pair', () => {
    expect(clip('😀😀😀', 2)).toBe('😀😀');
    expect(safeId('c-1')).toBe('c-1');
  });
});
