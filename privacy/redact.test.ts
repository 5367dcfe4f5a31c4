import { describe, expect, it } from 'vitest';
import { redactPII } from './redact.js';
import { authorKey } from './author-key.js';

describe('redactPII', () => {
  it('replaces e-mail addresses and phone numbers a reviewer leaves in the text', () => {
    const text = 'Mail me at jo.kettle+reviews@example.org or call +44 20 7946 0958, or (555) 014-2377 after six.';
    const out = redactPII(text);
    expect(out).toBe('Mail me at [email] or call [phone], or [phone] after six.');
  });

  it('keeps prices, dates, years, model numbers and ratings', () => {
    const text = 'Paid 129.99 on 2024-03-12, model BX-2000, rated 4/5, since 12.03.2024, order 1234567.';
    expect(redactPII(text)).toBe(text);
  });
});

describe('authorKey', () => {
  it('is stable for the same reviewer and differs across salts and sites', () => {
    const a = authorKey('salt-1', 'shop.example', 'Dana  K.');
    expect(authorKey('salt-1', 'SHOP.example', 'dana k.')).toBe(a);
    expect(authorKey('salt-2', 'shop.example', 'Dana K.')).not.toBe(a);
    expect(authorKey('salt-1', 'other.example', 'Dana K.')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{20}$/);
    expect(a).not.toContain('dana');
  });
});
