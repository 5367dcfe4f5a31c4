/**
 * Saved real pages (../shared/fixtures/web) served from a local server and crawled the way a user
 * previews a site — `radar crawl --url URL --dry-run --json` — with the product's default
 * behaviour: no recipe, no page-specific code.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { radar } from './cli.js';
import { serve, type TestServer } from './static-server.js';
import { ConfigSchema } from '../config/schema.js';
import { crawlSource } from '../pipeline/crawl.js';
import { EmbeddedStore } from '../storage/embedded/embedded-store.js';
import { rememberForgotten } from '../storage/forget.js';

const WEB = '../shared/fixtures/web';
const HTML = { 'content-type': 'text/html; charset=utf-8' };
const PAGES: Record<string, [string, Record<string, string>]> = {
  '/recipe-100': ['html/recipe_realmomnutrition_jsonld-100-reviews.html', HTML],
  '/recipe-de': ['html/recipe_madamecuisine-de_jsonld-13-reviews_german.html', HTML],
  '/recipe-zh': ['html/recipe_xiachufang_chinese_aggregaterating-10pt.html', HTML],
  '/imdb': ['html/imdb_title_trimmed.html', HTML],
  '/play': ['html/google-play_app_dunzo-delivery-partner.html', HTML],
  '/yelp-biz': ['html/yelp_biz_thanh-son-tofu-garden-grove.html', HTML],
  '/yelp-user': ['html/yelp_user_reviews_page_1_of_15.html', HTML],
  '/amazon': ['html/amazon-co-uk_product_book.html', HTML],
  '/hn': ['html/hackernews_item_comments.html', HTML],
  '/reddit.rss': ['feeds/reddit_frontpage_rss2.rss', { 'content-type': 'application/rss+xml' }],
  '/reddit.atom': ['feeds/reddit_home_atom.xml', { 'content-type': 'application/atom+xml' }],
  '/heise.atom': ['feeds/heise_developer.atom', { 'content-type': 'application/atom+xml' }],
  '/craigslist.rss': ['feeds/craigslist_rdf-rss1.rss', { 'content-type': 'application/rss+xml' }],
  // Types servers commonly give feeds ("python -m http.server" says application/x-rss+xml).
  '/reddit-x.rss': ['feeds/reddit_frontpage_rss2.rss', { 'content-type': 'application/x-rss+xml' }],
  '/heise.txt': ['feeds/heise_developer.atom', { 'content-type': 'text/plain; charset=utf-8' }],
};

let server: TestServer;
beforeAll(async () => {
  const routes: Record<string, { body: Buffer; headers: Record<string, string> }> = {};
  for (const [path, [file, headers]] of Object.entries(PAGES)) routes[path] = { body: readFileSync(join(WEB, file)), headers };
  server = await serve(routes);
});
afterAll(async () => server?.close());

async function preview(path: string, kind: 'reviews' | 'mentions' = 'reviews') {
  const r = await radar(['crawl', '--url', `${server.url}${path}`, '--dry-run', '--json', '--kind', kind]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown> & { body: string; rating?: { value: number; best: number } });
}

describe('previewing saved real pages with default extraction', () => {
  it('recipe page: 100 JSON-LD reviews (most are ratings without text)', async () => {
    const docs = await preview('/recipe-100');
    expect(docs).toHaveLength(100);
    // Two rating-only reviews by "Anonymous" at the same minute are two reviews, not one.
    expect(new Set(docs.map((d) => d._id)).size).toBe(100);
    expect(docs.every((d) => d.rating && d.publishedAt)).toBe(true);
    // "Anonymous" (94 of them) is nobody in particular: no author key, so not one reviewer with 94
    // reviews; the six named reviewers keep a key each.
    const keyed = docs.filter((d) => d.authorKey);
    expect(keyed).toHaveLength(6);
    expect(new Set(keyed.map((d) => d.authorKey)).size).toBe(6);
    expect(docs.filter((d) => d.body.length > 0)).toHaveLength(6);
    expect(docs.every((d) => d.authorName === undefined)).toBe(true); // names only when configured
  });

  it('German recipe page: 13 reviews in German', async () => {
    const docs = await preview('/recipe-de');
    expect(docs).toHaveLength(13);
    expect(docs.every((d) => String(d.lang).startsWith('de'))).toBe(true);
  });

  it('Chinese recipe page: an aggregate only, no reviews to store', async () => {
    expect(await preview('/recipe-zh')).toHaveLength(0);
  });

  it('IMDb title, Google Play listing, Amazon product page, Yelp pages', async () => {
    expect(await preview('/imdb')).toHaveLength(1);
    expect((await preview('/play')).length).toBe(40);
    const amazon = await preview('/amazon');
    expect(amazon).toHaveLength(5);
    expect(amazon.every((d) => d.rating && d.title && d.body.length > 0)).toBe(true);
    expect(await preview('/yelp-biz')).toHaveLength(22);
    expect((await preview('/yelp-user')).length).toBeGreaterThanOrEqual(16);
  });

  it('Hacker News thread: every comment, with its parent', async () => {
    const docs = await preview('/hn', 'mentions');
    expect(docs).toHaveLength(46);
    expect(docs.every((d) => d.kind === 'mention')).toBe(true);
    expect(docs.filter((d) => d.parentId).length).toBeGreaterThanOrEqual(45);
  });

  it('feeds: every item of RSS 2.0, Atom and RSS 1.0/RDF feeds', async () => {
    // Expected counts come from the files themselves: their <item>/<entry> elements.
    const count = (file: string, tag: RegExp) => (readFileSync(join(WEB, file), 'utf8').match(tag) ?? []).length;
    const expected = JSON.parse(readFileSync(join(WEB, 'expected/reddit_frontpage_rss2.rss-parser.json'), 'utf8')) as {
      feed: { items: unknown[] };
    };
    expect(await preview('/reddit.rss', 'mentions')).toHaveLength(expected.feed.items.length);
    expect(await preview('/reddit.atom', 'mentions')).toHaveLength(count('feeds/reddit_home_atom.xml', /<entry[\s>]/g));
    expect(await preview('/heise.atom', 'mentions')).toHaveLength(count('feeds/heise_developer.atom', /<entry[\s>]/g));
    expect(await preview('/craigslist.rss', 'mentions')).toHaveLength(count('feeds/craigslist_rdf-rss1.rss', /<item[\s>]/g));
    expect(await preview('/reddit-x.rss', 'mentions')).toHaveLength(expected.feed.items.length);
    expect(await preview('/heise.txt', 'mentions')).toHaveLength(count('feeds/heise_developer.atom', /<entry[\s>]/g));
  });
});

describe('crawling a saved real page into the store', () => {
  it('keeps reviewer locations from the Yelp page as author profiles', async () => {
    const store = await EmbeddedStore.open(mkdtempSync(join(tmpdir(), 'radar-yelp-')));
    try {
      const config = ConfigSchema.parse({ brands: [{ id: 'tofu', name: 'Thanh Son Tofu' }] });
      const source = ConfigSchema.shape.sources.parse([
        { id: 'yelp', urls: [`${server.url}/yelp-biz`], render: 'static', maxPages: 1 },
      ])[0]!;
      const run = await crawlSource(config, store, 'salt', { source, brand: 'tofu' });
      expect(run.stats.documentsNew).toBe(22);
      const keys: string[] = [];
      for await (const d of store.findDocuments()) if (d.authorKey) keys.push(d.authorKey);
      const authors = await store.getAuthors(keys);
      expect(authors.length).toBeGreaterThanOrEqual(20);
      expect(authors.filter((a) => a.location && /,\s*[A-Z]{2}$/.test(a.location)).length).toBeGreaterThanOrEqual(20);
      // Names are not kept by default: neither the display name nor the profile link that names them.
      expect(authors.filter((a) => a.profileUrl !== undefined || a.displayName !== undefined)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('does not store again a reviewer forgotten on request when the page is crawled again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'radar-yelp-forget-'));
    const store = await EmbeddedStore.open(dir);
    try {
      const config = ConfigSchema.parse({ brands: [{ id: 'tofu', name: 'Thanh Son Tofu' }] });
      const source = ConfigSchema.shape.sources.parse([
        { id: 'yelp', urls: [`${server.url}/yelp-biz`], render: 'static', maxPages: 1 },
      ])[0]!;
      await crawlSource(config, store, 'salt', { source, brand: 'tofu' });
      const docs = [];
      for await (const d of store.findDocuments()) docs.push(d);
      const key = docs.find((d) => d.authorKey)!.authorKey!;
      const theirs = docs.filter((d) => d.authorKey === key);
      await rememberForgotten(store, key);
      expect((await store.forgetAuthor(key)).documents).toBe(theirs.length);
      // Nothing of theirs is left in the store's files either.
      const { readdirSync } = await import('node:fs');
      const files = readdirSync(dir)
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .join('\n');
      for (const d of theirs) expect(files.includes(d.body.slice(0, 60)), d.body.slice(0, 60)).toBe(false);
      expect(files).not.toContain(`"authorKey":"${key}"`);
      expect(files).not.toContain(`"_id":"${key}"`);

      const again = await crawlSource(config, store, 'salt', { source, brand: 'tofu' });
      expect(again.stats.documentsNew).toBe(0);
      expect(await store.countDocuments({ authorKey: key, includeDuplicates: true })).toBe(0);
      expect(await store.getAuthors([key])).toEqual([]);
      expect(await store.countDocuments({ includeDuplicates: true })).toBe(docs.length - theirs.length);
    } finally {
      await store.close();
    }
  });
});
