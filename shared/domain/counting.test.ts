import { describe, expect, it } from 'vitest';
import { count } from './counting.ts';

describe('count', () => {
  it('says one in the singular and every other number in the plural', () => {
    expect(count(1, 'contact')).toBe('1 contact');
    expect(count(0, 'contact')).toBe('0 contacts');
    expect(count(2, 'person', 'people')).toBe('2 people');
    expect(count(10_000, 'contact', undefined, true)).toMatch(/^10.000 contacts$/);
  });
});
