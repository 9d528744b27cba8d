import { describe, expect, it } from 'vitest';
import { parseContactInput } from './contact-input.ts';

describe('contact form input', () => {
  it('accepts a plain contact and trims what was typed', () => {
    expect(parseContactInput({ name: '  Ann Lee ', category: 'friends', ring: 'like', email: ' ann@lee.co ', phone: '+44 (20) 7946-0018' })).toEqual({
      ok: true,
      fields: { name: 'Ann Lee', category: 'friends', ring: 'like', emails: ['ann@lee.co'], phones: ['+44 (20) 7946-0018'] },
    });
  });

  it('says what is wrong with each bad field, and nothing is parsed', () => {
    const result = parseContactInput({ name: ' ', category: 'enemies', ring: 'trust', email: 'ann@', phone: 'call me' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['category', 'email', 'name', 'phone']);
    expect(result.errors.email).toMatch(/name@example\.com/);
  });

  it('refuses a phone number with too few digits', () => {
    const result = parseContactInput({ name: 'A', category: 'family', ring: 'trust', phone: '12-3' });
    expect(result.ok ? null : result.errors.phone).toMatch(/5 and 15 digits/);
  });
});
