import { describe, expect, it } from 'vitest';
import { authorIdentity, authorKeyOf, buildDocument, type DocumentInput } from './document.js';
import { authorKey } from '../privacy/author-key.js';

const policy = { salt: 's', storeAuthorNames: false, redactPII: true };
const base: DocumentInput = {
  kind: 'review',
  origin: 'crawl',
  sourceId: 'src',
  site: 'shop.example',
  url: 'http://shop.example/p',
  body: 'Great.',
  fetchedAt: '2025-01-01T00:00:00Z',
};

describe('document identity', () => {
  it('keeps the same id when the site moves ports or schemes, or the review moves to another page', () => {
    const a = buildDocument({ ...base, siteId: 'http://127.0.0.1:4000/products/k/reviews?page=3#review-r1' }, policy);
    const b = buildDocument({ ...base, siteId: 'https://127.0.0.1:5000/products/k/reviews?page=4#review-r1' }, policy);
    const other = buildDocument({ ...base, siteId: 'http://127.0.0.1:4000/products/k/reviews?page=3#review-r2' }, policy);
    expect(a._id).toBe(b._id);
    expect(other._id).not.toBe(a._id);
  });

  it('keys an author by profile path, so the same reviewer gets the same key on every run', () => {
    const a = buildDocument({ ...base, siteId: '1', author: 'Dana', authorUrl: 'http://127.0.0.1:4000/reviewers/dana' }, policy);
    const b = buildDocument({ ...base, siteId: '2', author: 'Dana K.', authorUrl: 'http://127.0.0.1:4999/reviewers/dana' }, policy);
    expect(a.authorKey).toBe(b.authorKey);
    expect(a.authorName).toBeUndefined();
    expect(buildDocument({ ...base, siteId: '3', author: 'Dana' }, { ...policy, storeAuthorNames: true }).authorName).toBe('Dana');
  });

  it('gives the same author key however often it is asked, and another one under another salt or site', () => {
    const url = 'http://127.0.0.1:4000/reviewers/lee';
    const first = authorKeyOf('salt-a', 'shop.example', url, 'Lee');
    expect(first).toBe(authorKey('salt-a', 'shop.example', authorIdentity(url, 'Lee')!));
    expect(authorKeyOf('salt-a', 'shop.example', url, 'Lee')).toBe(first);
    expect(authorKeyOf('salt-b', 'shop.example', url, 'Lee')).not.toBe(first);
    expect(authorKeyOf('salt-a', 'other.example', url, 'Lee')).not.toBe(first);
    expect(authorKeyOf('salt-a', 'shop.example', undefined, 'Lee')).not.toBe(first);
    expect(authorKeyOf('salt-a', 'shop.example')).toBeUndefined();
  });

  it('redacts e-mail addresses and phone numbers in the link, the site id and a kept name too, without changing the id', () => {
    const input = {
      ...base,
      siteId: 'carol.w@example.net',
      url: 'https://shop.example/r?reviewer=carol.w@example.net&tel=5125550123',
      author: 'bob@example.org',
    };
    const doc = buildDocument(input, { ...policy, storeAuthorNames: true });
    expect(JSON.stringify(doc)).not.toMatch(/carol|bob@|5125550123/);
    expect(doc.url).toBe('https://shop.example/r?reviewer=%5Bemail%5D&tel=%5Bphone%5D');
    const kept = buildDocument(input, { ...policy, storeAuthorNames: true, redactPII: false });
    expect(kept.url).toBe(input.url);
    expect(kept._id).toBe(doc._id);
  });

  it('gives no author key to a placeholder name, and tells apart items of one page that share an identity', () => {
    const input = {
      kind: 'review' as const,
      origin: 'crawl' as const,
      sourceId: 's',
      site: 'shop.example',
      url: 'http://shop.example/p',
      fetchedAt: '2025-01-01T00:00:00Z',
    };
    for (const name of ['Anonymous', 'anonymous.', 'A Customer', 'Verified Buyer', '匿名'])
      expect(buildDocument({ ...input, author: name, body: 'Fine.' }, policy).authorKey, name).toBeUndefined();
    expect(buildDocument({ ...input, author: 'Anna M.', body: 'Fine.' }, policy).authorKey).toBeDefined();
    // Ids do not change for a placeholder: they are stored already.
    const same = { ...input, author: 'Anonymous', body: '', publishedAt: '2023-08-05T22:33:02Z' };
    const first = buildDocument({ ...same, rating: { value: 5, best: 5, worst: 1 } }, policy);
    const second = buildDocument({ ...same, rating: { value: 4, best: 5, worst: 1 } }, policy);
    expect(second._id).toBe(first._id);
    expect(buildDocument({ ...same, rating: { value: 4, best: 5, worst: 1 }, occurrence: 2 }, policy)._id).not.toBe(first._id);
  });

  it('changes the content hash, not the id, when a review is edited', () => {
    const a = buildDocument({ ...base, siteId: 'x', body: 'Fine so far.' }, policy);
    const b = buildDocument({ ...base, siteId: 'x', body: 'Broke after a week.' }, policy);
    expect(a._id).toBe(b._id);
    expect(a.contentHash).not.toBe(b.contentHash);
  });

  it('never keeps the user:password@ of a link, whatever the privacy settings', () => {
    for (const redactPII of [true, false]) {
      const doc = buildDocument(
        {
          kind: 'review',
          origin: 'crawl',
          sourceId: 'intranet',
          site: 'wiki.example',
          url: 'https://ana:s3cret-pass@wiki.example/reviews?page=2',
          siteId: 'https://ana:s3cret-pass@wiki.example/r/7',
          body: 'The new coffee machine on floor three is finally quiet.',
          fetchedAt: '2026-01-01T00:00:00Z',
        },
        { salt: 's', storeAuthorNames: false, redactPII },
      );
      expect(JSON.stringify(doc)).not.toMatch(/s3cret|ana:/);
      expect(doc.url).toBe('https://wiki.example/reviews?page=2');
    }
  });
});
