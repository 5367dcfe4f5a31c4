import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from './dom.js';
import { extractEmbeddedJson, reviewsFromData } from './embedded-json.js';

const page = (body: string) => parsePage(`<html lang="en"><body>${body}</body></html>`, { url: 'https://shop.example/p/1' });

describe('extractEmbeddedJson', () => {
  it('finds reviews in __NEXT_DATA__ and maps fields by name', () => {
    const data = {
      props: {
        pageProps: {
          product: { name: 'Kettle', price: 30, description: 'A fine steel kettle for every kitchen counter.' },
          reviews: [
            {
              id: 11,
              rating: 5,
              title: 'Fast',
              text: 'Boils a litre in two minutes, very quiet.',
              createdAt: '2024-02-03T10:00:00Z',
              user: { nickname: 'ann_k', location: 'Leeds', profileUrl: '/users/ann_k' },
            },
            {
              id: 12,
              rating: 2,
              title: 'Leaks',
              text: 'The lid leaks steam onto my hand.',
              createdAt: '2024-02-05T10:00:00Z',
              user: { nickname: 'bob' },
            },
          ],
        },
      },
    };
    const result = extractEmbeddedJson(page(`<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data)}</script>`));
    expect(result.items).toEqual([
      {
        body: 'Boils a litre in two minutes, very quiet.',
        title: 'Fast',
        rating: { value: 5, best: 5, worst: 1 },
        author: 'ann_k',
        authorLocation: 'Leeds',
        authorUrl: 'https://shop.example/users/ann_k',
        publishedAt: '2024-02-03T10:00:00.000Z',
        siteId: '11',
      },
      {
        body: 'The lid leaks steam onto my hand.',
        title: 'Leaks',
        rating: { value: 2, best: 5, worst: 1 },
        author: 'bob',
        publishedAt: '2024-02-05T10:00:00.000Z',
        siteId: '12',
      },
    ]);
  });

  it('resolves Apollo cache references in window.__APOLLO_STATE__ = {…}', () => {
    const state = {
      ROOT_QUERY: { product: { __ref: 'Product:1' } },
      'Product:1': { __typename: 'Product', name: 'Tent', sku: 'T1' },
      'User:7': { __typename: 'User', displayName: 'Kim', city: 'Oslo' },
      'Review:1': {
        __typename: 'Review',
        body: 'Kept us dry during a night of storms.',
        stars: 4,
        author: { __ref: 'User:7' },
        submittedAt: 1700000000,
      },
      'Review:2': {
        __typename: 'Review',
        body: 'Poles snapped on the second trip out.',
        stars: 1,
        author: { __ref: 'User:7' },
        submittedAt: 1700100000,
      },
    };
    const result = extractEmbeddedJson(page(`<script>window.__APOLLO_STATE__ = ${JSON.stringify(state)};</script>`));
    expect(result.items.map((i) => [i.author, i.authorLocation, i.rating?.value, i.publishedAt])).toEqual([
      ['Kim', 'Oslo', 4, '2023-11-14T22:13:20.000Z'],
      ['Kim', 'Oslo', 1, '2023-11-16T02:00:00.000Z'],
    ]);
  });

  it('reads JavaScript literals (var x = {…}) and JSON.parse strings', () => {
    const js = `var config = {page: 'p', reviewData: {list: [
      {author: 'Lu', comment: 'Great taste, would buy again for sure.', score: 9, date: '12.03.2025'},
      {author: 'Mo', comment: 'Too sweet for me, but the kids loved it.', score: 6, date: '14.03.2025'},
    ]}, onLoad: function () { return 1; }};
    window.store = JSON.parse('{"comments":[{"name":"Ida","content":"Arrived quickly and well packed.","time":"2025-01-02"},{"name":"Jo","content":"Colour differs a bit from the photo.","time":"2025-01-03"}]}');`;
    const result = extractEmbeddedJson(page(`<script>${js}</script>`));
    expect(result.items.map((i) => [i.author, i.rating, i.publishedAt])).toEqual([
      ['Lu', { value: 9, best: 10, worst: 1 }, '2025-03-12'],
      ['Mo', { value: 6, best: 10, worst: 1 }, '2025-03-14'],
      ['Ida', undefined, '2025-01-02'],
      ['Jo', undefined, '2025-01-03'],
    ]);
  });

  it('reads JSON kept in a string literal and JSON under a script type of the site’s own', () => {
    const comments = {
      comments: [
        { author: 'vik', text: 'Arrived well packed and works as described.', date: '2024-07-01' },
        { author: 'wei', text: 'Colour is darker than in the photos.', date: '2024-07-02' },
      ],
    };
    const literal = `<script>var boot = ${JSON.stringify(JSON.stringify(comments))};</script>`;
    expect(extractEmbeddedJson(page(literal)).items.map((i) => i.author)).toEqual(['vik', 'wei']);
    const shoebox = `<script type="fastboot/shoebox" id="cache">${JSON.stringify(comments)}</script>`;
    expect(extractEmbeddedJson(page(shoebox)).items.map((i) => i.author)).toEqual(['vik', 'wei']);
  });

  it('does not take product lists, navigation or vote scores for reviews', () => {
    const products = {
      items: [
        { name: 'Kettle', description: 'A fine steel kettle for every kitchen counter.', price: 30, rating: 4.5, reviewCount: 12 },
        { name: 'Toaster', description: 'Four slots and a bagel mode for busy mornings.', price: 45, rating: 4.1, reviewCount: 30 },
      ],
    };
    const nav = {
      links: [
        { title: 'Home', url: '/' },
        { title: 'About us', url: '/about' },
      ],
    };
    expect(
      extractEmbeddedJson(
        page(
          `<script type="application/json">${JSON.stringify(products)}</script><script type="application/json">${JSON.stringify(nav)}</script>`,
        ),
      ).items,
    ).toEqual([]);

    const posts = reviewsFromData(
      {
        children: [
          { author: 'u1', body: 'This thread is a goldmine of tips, thanks all.', score: 57, created_utc: 1700000000 },
          { author: 'u2', body: 'Second this, the pinned comment saved me hours.', score: 3, created_utc: 1700000500 },
        ],
      },
      { url: 'https://forum.example/t/1' },
    );
    expect(posts.items).toHaveLength(2);
    expect(posts.items.every((i) => i.rating === undefined)).toBe(true);
  });

  it('reads an aggregate stated as average and count', () => {
    const data = { business: { name: 'Café', rating: 4.5, reviewCount: 321 } };
    expect(extractEmbeddedJson(page(`<script type="application/json">${JSON.stringify(data)}</script>`)).aggregate).toEqual({
      ratingValue: 4.5,
      best: 5,
      worst: 1,
      reviewCount: 321,
    });
  });
});

describe('reviewsFromData on saved scraper outputs (field mapping without site-specific keys)', () => {
  const WEB = new URL('../../../shared/fixtures/web/', import.meta.url);
  const json = (name: string): unknown => JSON.parse(readFileSync(new URL(`json/${name}`, WEB), 'utf8'));

  it('maps Trustpilot, App Store and Best Buy review lists', () => {
    const trustpilot = reviewsFromData(json('trustpilot_reviews.json'), { url: 'https://www.trustpilot.com/review/x' }).items;
    expect(trustpilot).toHaveLength(60);
    expect(trustpilot.every((i) => i.rating && i.publishedAt && i.body)).toBe(true);
    const appStore = reviewsFromData(json('app-store_reviews.json'), { url: 'https://apps.apple.com/' }).items;
    expect(appStore.length).toBeGreaterThanOrEqual(49);
    expect(appStore[0]).toMatchObject({
      author: 'Pyschotic Gamer',
      title: 'Addicted',
      body: 'Worth the money',
      rating: { value: 5, best: 5 },
      siteId: '14367092261',
    });
    const bestBuy = reviewsFromData(json('bestbuy_reviews.json'), { url: 'https://www.bestbuy.com/' }).items;
    expect(bestBuy).toHaveLength(60);
    expect(bestBuy.every((i) => i.rating?.best === 5)).toBe(true);
  });

  it('maps a comment tree with reply parents and no vote counts as ratings', () => {
    const comments = reviewsFromData(json('reddit_post_with_comments.json'), { url: 'https://www.reddit.com/' }).items;
    expect(comments.length).toBeGreaterThan(400);
    expect(comments.every((c) => c.rating === undefined && c.publishedAt)).toBe(true);
    expect(comments.filter((c) => c.author).length).toBeGreaterThan(350);
    const ids = new Set(comments.map((c) => c.siteId));
    const replies = comments.filter((c) => c.parentSiteId);
    expect(replies.length).toBeGreaterThan(10);
    expect(replies.every((r) => ids.has(r.parentSiteId))).toBe(true);
  });
});
