import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { demoCatalog, reviewsOfProduct } from './catalog.js';
import { buildCatalog } from './content/build.js';
import { startDemoShop, type DemoShop } from './shop.js';
import { starterConfigYaml } from './starter-config.js';

const catalog = demoCatalog();
const brandOf = (productId: string) => catalog.products.find((p) => p.id === productId)!.brandId;
const productsOf = (brandId: string) => catalog.products.filter((p) => p.brandId === brandId);
const scriptProduct = catalog.products.find((p) => p.format === 'script')!;

let shop: DemoShop;

async function get(path: string): Promise<{ status: number; type: string; text: string; location: string | null }> {
  const res = await fetch(shop.url + path, { redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text(), location: res.headers.get('location') };
}

/** Every page of a product's review list, following rel="next" from the product page. */
async function reviewPages(productId: string): Promise<cheerio.CheerioAPI[]> {
  const pages: cheerio.CheerioAPI[] = [];
  let path: string | undefined = `/products/${productId}`;
  while (path) {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    const $ = cheerio.load(res.text);
    pages.push($);
    path = $('a[rel="next"]').first().attr('href');
  }
  return pages;
}

function jsonLdProducts($: cheerio.CheerioAPI): Record<string, unknown>[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((el) => JSON.parse($(el).text()) as Record<string, unknown>)
    .filter((d) => d['@type'] === 'Product');
}

beforeAll(async () => {
  shop = await startDemoShop({ port: 0 });
});

afterAll(async () => {
  await shop.close();
});

describe('demo catalogue', () => {
  it('holds enough reviews, reviewers and languages, deterministically', () => {
    expect(catalog.reviews.length).toBeGreaterThanOrEqual(320);
    expect(catalog.reviews.filter((r) => r.productId === scriptProduct.id).length).toBeGreaterThanOrEqual(30);
    expect(catalog.reviewers.length).toBeGreaterThanOrEqual(130);
    expect(catalog.reviewers.length).toBeLessThanOrEqual(180);
    expect(catalog.brands.filter((b) => b.own)).toHaveLength(1);
    for (const b of catalog.brands) expect(productsOf(b.id).length).toBeGreaterThanOrEqual(3);

    const share = (lang: string) => catalog.reviews.filter((r) => r.lang === lang).length / catalog.reviews.length;
    expect(share('de')).toBeGreaterThan(0.04);
    expect(share('ru')).toBeGreaterThan(0.025);

    expect(new Set(catalog.reviews.map((r) => r.id)).size).toBe(catalog.reviews.length);
    for (const r of catalog.reviews) {
      expect(r.rating).toBeGreaterThanOrEqual(1);
      expect(r.rating).toBeLessThanOrEqual(5);
      expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(catalog.reviewers.some((x) => x.id === r.reviewerId)).toBe(true);
      expect(r.body.split(/(?<=[.!?])\s+/).length).toBeLessThanOrEqual(6);
    }
    expect(catalog.reviews.filter((r) => r.containsPII).length).toBeGreaterThanOrEqual(2);
    expect(catalog.reviews.filter((r) => r.incentivized).length).toBeGreaterThanOrEqual(2);
    // Many reviewers write several reviews, across brands.
    const multi = catalog.reviewers.filter(
      (v) => new Set(catalog.reviews.filter((r) => r.reviewerId === v.id).map((r) => r.brandId)).size >= 2,
    );
    expect(multi.length).toBeGreaterThan(40);

    expect(JSON.stringify(buildCatalog())).toBe(JSON.stringify(catalog));
  });

  it('writes every attitude group, and Nordbrew support complaints grow in the last months', () => {
    for (const a of ['value', 'quality', 'support', 'gift', 'household', 'newcomer'] as const) {
      expect(catalog.reviews.filter((r) => r.attitudes.includes(a)).length, a).toBeGreaterThanOrEqual(20);
    }
    const support = catalog.reviews.filter((r) => r.brandId === 'nordbrew' && r.attitudes.includes('support'));
    const late = support.filter((r) => r.datePublished >= '2025-03-08');
    const early = support.filter((r) => r.datePublished < '2025-03-08');
    // Four months against fourteen: the late rate per month is several times the early one.
    expect(late.length / 4).toBeGreaterThan((3 * early.length) / 14);
  });
});

describe('demo shop', () => {
  it('serves every catalogue review through product pages, pagination and the review API', async () => {
    const seen = new Set<string>();
    for (const p of catalog.products) {
      if (p.format === 'script') {
        for (let page = 1; ; page++) {
          const res = await get(`/api/products/${p.id}/reviews?page=${page}`);
          expect(res.status).toBe(200);
          const data = JSON.parse(res.text) as { pages: number; reviews: { id: string }[] };
          for (const r of data.reviews) seen.add(r.id);
          if (page >= data.pages) break;
        }
        continue;
      }
      const pages = await reviewPages(p.id);
      expect(pages.length).toBe(Math.ceil(reviewsOfProduct(catalog, p.id).length / 10));
      for (const $ of pages) {
        // Numbered page links sit beside rel="next".
        const numbered = $('a').filter((_, a) => /^\d+$/.test($(a).text()));
        expect(numbered.length).toBe(pages.length - 1);
        $('[id]').each((_, el) => {
          const m = /(r\d{5})$/.exec($(el).attr('id') ?? '');
          if (m) seen.add(m[1]!);
        });
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(300);
    expect([...seen].sort()).toEqual(catalog.reviews.map((r) => r.id).sort());
  });

  it('puts schema.org JSON-LD reviews matching the catalogue on every Copperleaf review page', async () => {
    for (const p of productsOf('copperleaf')) {
      const expected = reviewsOfProduct(catalog, p.id);
      const found: Record<string, unknown>[] = [];
      for (const $ of await reviewPages(p.id)) {
        const [product] = jsonLdProducts($);
        expect(product, p.id).toBeDefined();
        expect(product!.name).toBe(p.name);
        expect(product!.aggregateRating).toMatchObject({ reviewCount: expected.length, bestRating: 5, worstRating: 1 });
        const reviews = product!.review as Record<string, unknown>[];
        expect(reviews.length).toBeGreaterThan(0);
        found.push(...reviews);
        // The same reviews are visible in the HTML too.
        expect($('.cl-review').length).toBe(reviews.length);
      }
      expect(found).toHaveLength(expected.length);
      found.forEach((ld, i) => {
        const r = expected[i]!;
        const who = catalog.reviewers.find((x) => x.id === r.reviewerId)!;
        expect(ld).toMatchObject({
          '@type': 'Review',
          author: { '@type': 'Person', name: who.name },
          datePublished: r.datePublished,
          name: r.title,
          reviewBody: r.body,
          reviewRating: { ratingValue: r.rating, bestRating: 5, worstRating: 1 },
        });
      });
    }
  });

  it('shows Nordbrew reviews as plain HTML with no structured data', async () => {
    for (const p of productsOf('nordbrew')) {
      const res = await get(`/products/${p.id}`);
      expect(res.text).not.toMatch(/application\/ld\+json|itemscope|itemprop|typeof=|vocab=/);
      const $ = cheerio.load(res.text);
      const cards = $('div.review-card');
      expect(cards.length).toBe(10);
      const first = reviewsOfProduct(catalog, p.id)[0]!;
      const card = cards.first();
      expect(card.find('p').last().text()).toBe(first.body);
      expect(card.find('h3').text()).toBe(first.title);
      expect(card.find('.stars').attr('aria-label')).toBe(`${first.rating} out of 5 stars`);
      expect(card.find('time').attr('datetime')).toBe(first.datePublished);
      expect(card.find('a').attr('href')).toBe(`/reviewers/${first.reviewerId}`);
    }
  });

  it('shows other Vantio reviews as comments with "Rated n/5" and day-month-year dates', async () => {
    const p = productsOf('vantio').find((x) => x.format === 'comments')!;
    const $ = cheerio.load((await get(`/products/${p.id}`)).text);
    const first = reviewsOfProduct(catalog, p.id)[0]!;
    const li = $('li.comment').first();
    expect(li.find('.rated').text()).toBe(`Rated ${first.rating}/5`);
    expect(li.find('.when').text()).toMatch(
      /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/,
    );
    expect(li.find('.comment-text').text()).toBe(first.body);
  });

  it('renders the script product client-side only: no review text in its HTML, all of it in the API', async () => {
    const res = await get(`/products/${scriptProduct.id}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Loading reviews…');
    expect(res.text).toContain('<button class="load-more"');
    expect(res.text).toContain('/static/vantio-reviews.js');
    const reviews = reviewsOfProduct(catalog, scriptProduct.id);
    for (const r of reviews) expect(res.text).not.toContain(r.body.slice(0, 40));

    const api = JSON.parse((await get(`/api/products/${scriptProduct.id}/reviews?page=1`)).text) as {
      total: number;
      pages: number;
      next: string | null;
      reviews: { id: string; body: string; rating: number; author: { url: string } }[];
    };
    expect(api.total).toBe(reviews.length);
    expect(api.reviews).toHaveLength(10);
    expect(api.reviews[0]).toMatchObject({ id: reviews[0]!.id, body: reviews[0]!.body, rating: reviews[0]!.rating });
    expect(api.next).toBe(`/api/products/${scriptProduct.id}/reviews?page=2`);

    const script = await get('/static/vantio-reviews.js');
    expect(script.type).toMatch(/javascript/);
    expect(script.text).toContain('load-more');
  });

  it('shows reviewer profiles with location, member since and their reviews of other brands', async () => {
    const reviewer = catalog.reviewers.find(
      (v) => new Set(catalog.reviews.filter((r) => r.reviewerId === v.id).map((r) => r.brandId)).size >= 2,
    )!;
    const theirs = catalog.reviews.filter((r) => r.reviewerId === reviewer.id);
    const res = await get(`/reviewers/${reviewer.id}`);
    expect(res.status).toBe(200);
    const $ = cheerio.load(res.text);
    expect($('h1').text()).toBe(reviewer.name);
    expect($('.location').text()).toBe(`${reviewer.location.city}, ${reviewer.location.country}`);
    expect($('.member-since').text()).toMatch(/^[A-Z][a-z]+ \d{4}$/);
    expect($('.review-count').text()).toBe(String(theirs.length));
    expect($('.profile-review')).toHaveLength(theirs.length);
    for (const r of theirs) {
      expect($(`#review-${r.id} .text`).text()).toBe(r.body);
      expect($(`#review-${r.id} a`).attr('href')).toBe(`/products/${r.productId}`);
    }
    expect(new Set(theirs.map((r) => brandOf(r.productId))).size).toBeGreaterThanOrEqual(2);
    // Every review block on a product page links its author's profile.
    for (const p of catalog.products.filter((x) => x.format !== 'script')) {
      const $p = cheerio.load((await get(`/products/${p.id}`)).text);
      const authors = reviewsOfProduct(catalog, p.id)
        .slice(0, 10)
        .map((r) => `/reviewers/${r.reviewerId}`);
      expect(
        $p('a[href^="/reviewers/"]')
          .toArray()
          .map((a) => $p(a).attr('href')),
      ).toEqual(authors);
    }
  });

  it('publishes an RSS 2.0 feed of mentions whose links resolve', async () => {
    const res = await get('/feed.rss');
    expect(res.type).toMatch(/rss\+xml/);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(res.text) as {
      rss: { '@_version': string; channel: { item: Record<string, string | Record<string, string>>[] } };
    };
    expect(xml.rss['@_version']).toBe('2.0');
    const items = xml.rss.channel.item;
    expect(items.length).toBeGreaterThanOrEqual(50);
    expect(items.length).toBe(catalog.mentions.length);
    for (const item of items) {
      expect(item['dc:creator']).toMatch(/^@/);
      expect(Number.isNaN(Date.parse(item.pubDate as string))).toBe(false);
      expect(item.guid).toBeDefined();
      expect(item.link).toMatch(new RegExp(`^${shop.url}/mentions/m\\d{3}$`));
    }
    const link = items[0]!.link as string;
    const m = catalog.mentions.find((x) => link.endsWith(`/${x.id}`))!;
    const page = await get(link.slice(shop.url.length));
    expect(page.status).toBe(200);
    expect(cheerio.load(page.text)('.post-text').text()).toBe(m.text);
    // Most posts name a brand or product; a few name none.
    const none = catalog.mentions.filter((x) => x.brands.length === 0).length;
    expect(none).toBeGreaterThanOrEqual(3);
    expect(none).toBeLessThan(catalog.mentions.length / 5);
  });

  it('disallows the checkout in robots.txt and links to it from product pages', async () => {
    const robots = await get('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.text).toMatch(/^User-agent: \*$/m);
    expect(robots.text).toMatch(/^Disallow: \/checkout\/$/m);
    const $ = cheerio.load((await get(`/products/${catalog.products[0]!.id}`)).text);
    expect($('a[href^="/checkout/"]').length).toBeGreaterThan(0);
    expect(shop.hits.has('/robots.txt')).toBe(true);
  });

  it('answers unknown pages with 404 and sends review page 1 to the product page', async () => {
    for (const path of [
      '/nope',
      '/products/no-such-thing',
      `/products/${catalog.products[0]!.id}--2`,
      '/reviewers/nobody',
      '/mentions/m999',
      `/products/${catalog.products[0]!.id}/reviews?page=99`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).toContain('Page not found');
    }
    expect((await get('/api/products/nope/reviews?page=1')).status).toBe(404);
    const first = await get(`/products/${catalog.products[0]!.id}/reviews?page=1`);
    expect(first.status).toBe(301);
    expect(first.location).toBe(`/products/${catalog.products[0]!.id}`);
    expect((await fetch(`${shop.url}/`, { method: 'POST' })).status).toBe(405);
  });

  it('serves UTF-8 HTML with a charset meta and lang attributes', async () => {
    const german = catalog.reviews.find((r) => r.lang === 'de' && brandOf(r.productId) === 'nordbrew')!;
    const res = await get(`/reviewers/${german.reviewerId}`);
    expect(res.type).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<meta charset="utf-8">');
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain(`id="review-${german.id}" lang="de"`);
  });
});

describe('starter config', () => {
  it('is a valid radar.yaml for the shop', () => {
    const yaml = starterConfigYaml(`${shop.url}/`);
    expect(yaml.startsWith('#')).toBe(true);
    expect(yaml).toContain('$schema: ./radar.schema.json');
    const parsed = parseConfig(yaml);
    if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
    const { config } = parsed;
    expect(config.brands.map((b) => b.id)).toEqual(catalog.brands.map((b) => b.id));
    expect(config.brands.filter((b) => b.own).map((b) => b.id)).toEqual(['copperleaf']);
    const sources = config.brands.flatMap((b) => b.products.flatMap((p) => p.sources.map((s) => ({ p, s }))));
    expect(sources).toHaveLength(catalog.products.length);
    for (const { p, s } of sources) {
      expect(s.urls).toEqual([`${shop.url}/products/${p.id}`]);
      expect(s.schedule).toBeDefined();
      expect(s.timezone).toBeDefined();
    }
    const renders = new Set(sources.map(({ s }) => s.render));
    expect(renders).toEqual(new Set(['static', 'browser', 'auto']));
    expect(sources.find(({ p }) => p.id === scriptProduct.id)!.s.render).toBe('browser');
    expect(sources.some(({ s }) => s.profiles)).toBe(true);
    expect(config.sources).toEqual([expect.objectContaining({ kind: 'mentions', urls: [`${shop.url}/feed.rss`] })]);
    expect(Object.keys(config.analysis.aspects ?? {}).length).toBeGreaterThan(0);
  });

  it('keeps its commented-out recipe example valid', () => {
    const uncommented = starterConfigYaml('http://127.0.0.1:4173').replace(/^(\s*)# (recipe:| {2}[a-zA-Z]+:.*)$/gm, '$1$2');
    expect(uncommented).toMatch(/^\s+recipe:$/m);
    const parsed = parseConfig(uncommented);
    if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
  });
});

describe('scaled shop', () => {
  it('offers at least 1,000 distinct pages at scale 40 without changing the scale-1 pages', async () => {
    const big = await startDemoShop({ scale: 40 });
    try {
      const seen = new Set<string>(['/']);
      let frontier = ['/'];
      while (frontier.length > 0) {
        const next: string[] = [];
        for (let i = 0; i < frontier.length; i += 16) {
          const batch = frontier.slice(i, i + 16);
          const bodies = await Promise.all(
            batch.map(async (path) => {
              const res = await fetch(big.url + path);
              expect(res.status, path).toBe(200);
              return res.headers.get('content-type')?.startsWith('text/html') ? res.text() : '';
            }),
          );
          for (const html of bodies) {
            for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
              const href = m[1]!.replace(/&amp;/g, '&');
              if (href.startsWith('/checkout/') || seen.has(href)) continue;
              seen.add(href);
              next.push(href);
            }
          }
        }
        frontier = next;
      }
      expect(seen.size).toBeGreaterThanOrEqual(1000);
      expect(seen.has(`/products/${catalog.products[0]!.id}--40`)).toBe(true);

      const id = catalog.products[0]!.id;
      const plain = (await get(`/products/${id}`)).text.replaceAll(shop.url, 'ORIGIN');
      const scaled = (await (await fetch(`${big.url}/products/${id}`)).text()).replaceAll(big.url, 'ORIGIN');
      expect(scaled).toBe(plain);
      expect((await fetch(`${big.url}/products/${id}--41`)).status).toBe(404);
    } finally {
      await big.close();
    }
  });
});
