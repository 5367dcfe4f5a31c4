import { describe, expect, it } from 'vitest';
import { parsePage } from './dom.js';
import { extractJsonLd } from './json-ld.js';
import { parseLooseJson } from './loose-json.js';

const run = (scripts: string[], url = 'https://shop.example/p/1') =>
  extractJsonLd(
    parsePage(`<html><head>${scripts.map((s) => `<script type="application/ld+json">${s}</script>`).join('')}</head><body></body></html>`, {
      url,
    }),
  );

describe('extractJsonLd', () => {
  it('keeps only web addresses as review and author links (a page may link anywhere)', () => {
    const block = JSON.stringify({
      '@type': 'Product',
      name: 'Kettle',
      review: [
        {
          '@type': 'Review',
          url: 'javascript:alert(1)',
          author: { name: 'Ann', url: 'JavaScript:void(0)' },
          reviewBody: 'Pours without dripping.',
        },
        {
          '@type': 'Review',
          url: 'data:text/html,<b>x</b>',
          author: { name: 'Bo', url: 'ftp://files.example/bo' },
          reviewBody: 'The handle gets hot.',
        },
        { '@type': 'Review', url: '/reviews/3', author: { name: 'Cy', url: '/users/cy' }, reviewBody: 'Quiet and quick.' },
      ],
    });
    const items = run([block]).items;
    expect(items.map((i) => [i.url, i.authorUrl])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      ['https://shop.example/reviews/3', 'https://shop.example/users/cy'],
    ]);
  });

  it('finds reviews at any depth: @graph, @id references, several blocks, review/reviews keys', () => {
    const graph = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'Person',
          '@id': '#ann',
          name: 'Ann',
          url: '/users/ann',
          address: { '@type': 'PostalAddress', addressLocality: 'Leeds', addressCountry: 'GB' },
        },
        {
          '@type': 'LocalBusiness',
          name: 'Corner Café',
          aggregateRating: { '@type': 'AggregateRating', ratingValue: '4,5', reviewCount: '1,204' },
          review: [
            {
              '@type': 'Review',
              '@id': '#r1',
              author: { '@id': '#ann' },
              reviewBody: 'Lovely flat white &amp; friendly staff.',
              reviewRating: { ratingValue: 5 },
              datePublished: '2024-06-01',
            },
          ],
        },
      ],
    });
    const second = JSON.stringify([
      {
        '@type': 'SoftwareApplication',
        name: 'Notes',
        reviews: [
          {
            author: ['Bob', { name: 'Cy' }],
            description: 'Crashes on start since the update.',
            reviewRating: { ratingValue: '2', bestRating: '10', worstRating: '0' },
          },
        ],
      },
    ]);
    const result = run([graph, second]);
    expect(result.items).toEqual([
      {
        body: 'Lovely flat white & friendly staff.',
        author: 'Ann',
        authorUrl: 'https://shop.example/users/ann',
        authorLocation: 'Leeds, GB',
        rating: { value: 5, best: 5, worst: 1 },
        publishedAt: '2024-06-01',
        itemName: 'Corner Café',
        siteId: '#r1',
      },
      { body: 'Crashes on start since the update.', author: 'Bob, Cy', rating: { value: 2, best: 10, worst: 0 }, itemName: 'Notes' },
    ]);
    expect(result.aggregate).toEqual({ ratingValue: 4.5, best: 5, worst: 1, reviewCount: 1204, itemName: 'Corner Café' });
  });

  it('reads reviews of Recipes, Movies and Products alike, with item names from itemReviewed', () => {
    const result = run([
      JSON.stringify({
        '@type': 'Review',
        itemReviewed: { '@type': 'Movie', name: 'Heat' },
        author: 'Dee',
        name: 'Tense',
        reviewBody: 'The bank scene alone is worth it.',
      }),
    ]);
    expect(result.items).toEqual([{ body: 'The bank scene alone is worth it.', title: 'Tense', author: 'Dee', itemName: 'Heat' }]);
  });

  it('tolerates trailing commas, HTML comments and raw control characters', () => {
    const broken = `<!--
      {"@context": "https://schema.org", "@type": "Product", "name": "Lamp",
       "review": [{"@type": "Review", "author": "Eve", "reviewBody": "Bright\tand
warm light.", "reviewRating": {"ratingValue": 4,},},],
      }
    -->`;
    const result = run([broken]);
    expect(result.items).toEqual([
      { body: 'Bright and\nwarm light.', author: 'Eve', rating: { value: 4, best: 5, worst: 1 }, itemName: 'Lamp' },
    ]);
  });

  it('returns nothing for pages without JSON-LD or with unrelated types', () => {
    expect(run([]).items).toEqual([]);
    expect(run([JSON.stringify({ '@type': 'Organization', name: 'X' })])).toEqual({ items: [] });
  });
});

describe('parseLooseJson', () => {
  it('repairs JavaScript object literals', () => {
    expect(parseLooseJson("{a: 1, 'b': 'it\\'s', c: [1,2,], d: undefined, e: !0, /* note */ f: .5}")).toEqual({
      a: 1,
      b: "it's",
      c: [1, 2],
      d: null,
      e: true,
      f: 0.5,
    });
    expect(parseLooseJson('{"a":1}{"b":2}')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseLooseJson('function () {}')).toBeUndefined();
  });
});
