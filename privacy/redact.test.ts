import { describe, expect, it } from 'vitest';
import { redactPII, redactUrl } from './redact.js';
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
    const more = 'Sizes 34/32, 1,234,567 units, used it 2019-2020, 2 for 19.99, open 9-5.';
    expect(redactPII(more)).toBe(more);
  });

  it('finds numbers written with slashes, en dashes, extensions or seven digits, and addresses with accents', () => {
    expect(redactPII('Ruf an: 0171/1234567 oder Tel. 030/12345678')).toBe('Ruf an: [phone] oder Tel. [phone]');
    expect(redactPII('ring 555-0147, or 0171–1234567, or 020-7946-0958x12')).toBe('ring [phone], or [phone], or [phone]');
    expect(redactPII('call me,07700900431 thanks')).toBe('call me,[phone] thanks');
    expect(redactPII('write to josé.garcía@correo.es or dan.p@exämple.de')).toBe('write to [email] or [email]');
  });

  it('finds a number right after an ellipsis, addresses spelled out against scrapers, and GPS coordinates', () => {
    expect(redactPII('on hold over an hour...919-675-0985 is useless')).toBe('on hold over an hour...[phone] is useless');
    expect(redactPII('mail jane[at]example[dot]com or jo (at) shop (dot) co (dot) uk')).toBe('mail [email] or [email]');
    expect(redactPII('iPhone: 40.7128,-74.0060')).toBe('iPhone: [location]');
    // Firmware versions and prices stay.
    expect(redactPII('firmware v1.2345678, 12.99, 14.50')).toBe('firmware v1.2345678, 12.99, 14.50');
  });

  it('takes e-mail addresses and phone parameters out of links, and keeps their numeric ids', () => {
    expect(redactUrl('https://shop.example/r?reviewer=carol.w@example.net&tel=5125550123&id=12345678901')).toBe(
      'https://shop.example/r?reviewer=%5Bemail%5D&tel=%5Bphone%5D&id=12345678901',
    );
    expect(redactUrl('https://shop.example/u/bob%40example.com/reviews')).toBe('https://shop.example/u/%5Bemail%5D/reviews');
    expect(redactUrl('https://shop.example/p/123456789?page=2')).toBe('https://shop.example/p/123456789?page=2');
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
