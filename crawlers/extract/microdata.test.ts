import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from './dom.js';
import { extractMicrodata, extractRdfa, parseMicrodata } from './microdata.js';

const WEB = new URL('../../../shared/fixtures/web/', import.meta.url);

describe('microdata', () => {
  it('parses the schema.org product example exactly as extruct does', () => {
    const html = readFileSync(new URL('html/schemaorg-example_product_microdata.html', WEB), 'utf8');
    const expected: unknown = JSON.parse(readFileSync(new URL('expected/schemaorg-example_product_microdata.extruct.json', WEB), 'utf8'));
    const page = parsePage(html, { url: 'https://example.com/anvil' });
    expect(parseMicrodata(page)).toEqual(expected);
    expect(extractMicrodata(page)).toEqual({
      items: [],
      aggregate: { ratingValue: 4.4, best: 5, worst: 1, reviewCount: 89, itemName: 'Executive Anvil' },
    });
  });

  it('maps nested Review items with author, rating and date', () => {
    const page = parsePage(
      `<div itemscope itemtype="http://schema.org/Product"><h1 itemprop="name">Anvil</h1>
        <div itemprop="review" itemscope itemtype="http://schema.org/Review">
          <span itemprop="name">Heavy!</span>
          by <span itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="/u/wile"><span itemprop="name">Wile E.</span></a></span>
          <time itemprop="datePublished" datetime="2011-04-01">April 1</time>
          <div itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating"><meta itemprop="worstRating" content="1"><span itemprop="ratingValue">1</span>/<span itemprop="bestRating">5</span></div>
          <span itemprop="reviewBody">It fell on my head, twice.</span>
        </div></div>`,
      { url: 'https://acme.example/anvil' },
    );
    expect(extractMicrodata(page).items).toEqual([
      {
        body: 'It fell on my head, twice.',
        title: 'Heavy!',
        author: 'Wile E.',
        authorUrl: 'https://acme.example/u/wile',
        rating: { value: 1, best: 5, worst: 1 },
        publishedAt: '2011-04-01',
        itemName: 'Anvil',
      },
    ]);
  });
});

describe('RDFa', () => {
  it('maps typeof/property reviews', () => {
    const page = parsePage(
      `<div vocab="https://schema.org/" typeof="Product"><span property="name">Tent</span>
        <div property="review" typeof="Review"><span property="author" typeof="Person"><span property="name">Kim</span></span>
          <div property="reviewRating" typeof="Rating"><meta property="ratingValue" content="4"></div>
          <meta property="datePublished" content="2023-08-09"><p property="reviewBody">Kept us dry in a storm.</p></div></div>`,
      { url: 'https://camp.example/tent' },
    );
    expect(extractRdfa(page).items).toEqual([
      {
        body: 'Kept us dry in a storm.',
        author: 'Kim',
        rating: { value: 4, best: 5, worst: 1 },
        publishedAt: '2023-08-09',
        itemName: 'Tent',
      },
    ]);
  });
});
