import { describe, expect, it } from 'vitest';
import type { ExtractedPage } from './extract/types.js';
import { pageDocuments } from './page-documents.js';

const page = (items: ExtractedPage['items']) => ({
  url: 'https://shop.example/kettle',
  loadedUrl: 'https://shop.example/kettle',
  fetchedAt: '2026-03-01T00:00:00Z',
  role: 'listing' as const,
  extracted: { items, nextPages: [], profileLinks: [], strategies: ['auto-detect' as const], looksLikeReviews: true, blocked: false },
});
const target = {
  source: { id: 'kettle-reviews', kind: 'reviews' as const, urls: ['https://shop.example/kettle'] },
  brand: 'acme',
  product: 'kettle',
};
const link = () => ({ brands: [], products: [] });

describe('a page becomes documents', () => {
  it("keeps the business's reply with the review it answers, redacted, and names its writer only when names are kept", () => {
    const items = [
      {
        body: 'The lid came loose after a month.',
        author: 'Wren',
        reply: {
          body: 'Sorry to hear that! Write to care@shop.example and we will send a new lid.',
          author: 'Acme Support',
          publishedAt: '2026-02-03T00:00:00Z',
        },
      },
    ];
    const [doc, ...rest] = pageDocuments(page(items), target as never, { salt: 's', storeAuthorNames: false, redactPII: true }, link);
    expect(rest).toEqual([]);
    expect(doc!.body).toBe('The lid came loose after a month.');
    expect(doc!.reply).toEqual({
      body: 'Sorry to hear that! Write to [email] and we will send a new lid.',
      publishedAt: '2026-02-03T00:00:00Z',
    });
    const [named] = pageDocuments(page(items), target as never, { salt: 's', storeAuthorNames: true, redactPII: true }, link);
    expect(named!.reply?.author).toBe('Acme Support');
    // The same review with a new reply is the same document, changed.
    const [before] = pageDocuments(
      page([{ body: items[0]!.body, author: 'Wren' }]),
      target as never,
      { salt: 's', storeAuthorNames: false, redactPII: true },
      link,
    );
    expect(before!._id).toBe(doc!._id);
    expect(before!.contentHash).not.toBe(doc!.contentHash);
  });
});
