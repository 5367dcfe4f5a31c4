/**
 * Saved real pages (../shared/fixtures/web) served from a local server and crawled the way a user
 * previews a site — `radar crawl --url URL --dry-run --json` — with the product's default
 * behaviour: no recipe, no page-specific code.
 */
import { load } from 'cheerio';
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
import { decodeEntities } from '../crawlers/extract/text.js';

const WEB = '../shared/fixtures/web';
const WEB_DEV = '../shared/fixtures/web-dev';
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

/** One saved page of a corpus: its expected item count and a verbatim piece of one item's text. */
interface CorpusPage {
  file: string;
  count: number;
  snippet: string;
}

const CONTENT_TYPES: [RegExp, string][] = [
  [/\.json$/, 'application/json'],
  [/\.rss$/, 'application/rss+xml'],
  [/\.atom$/, 'application/atom+xml'],
  [/\.xml$/, 'application/xml'],
  [/\.html?$/, 'text/html'],
];
const typeOf = (file: string) => CONTENT_TYPES.find(([re]) => re.test(file))?.[1] ?? 'application/octet-stream';
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const words = (s: string, n: number) => flat(s).split(' ').slice(0, n).join(' ');

/** The development corpus: true counts and snippets from its MANIFEST.tsv. */
function webDevPages(): CorpusPage[] {
  const [header, ...rows] = readFileSync(join(WEB_DEV, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const col = (name: string) => header!.split('\t').indexOf(name);
  return rows.map((r) => {
    const cells = r.split('\t');
    return { file: cells[col('file')]!, count: Number(cells[col('true_count')]), snippet: cells[col('sample_text_snippet')] ?? '' };
  });
}

/** Review objects of a page's JSON-LD blocks (the page's own statement of its reviews). */
function jsonLdReviews(html: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['@type'] === 'Review') out.push(o);
      Object.values(o).forEach(walk);
    }
  };
  for (const m of html.matchAll(/<script[^>]*ld\+json[^>]*>([\s\S]*?)<\/script>/g)) walk(JSON.parse(m[1]!));
  return out;
}

/**
 * The earlier saved pages: counts and snippets read from each file's own structure (its JSON-LD,
 * its records, its feed items, the elements that hold its reviews), never typed in here.
 */
function webPages(): CorpusPage[] {
  const read = (f: string) => readFileSync(join(WEB, f), 'utf8');
  const pages: CorpusPage[] = [];
  for (const f of [
    'html/recipe_realmomnutrition_jsonld-100-reviews.html',
    'html/recipe_madamecuisine-de_jsonld-13-reviews_german.html',
    'html/imdb_title_trimmed.html',
  ]) {
    const reviews = jsonLdReviews(read(f));
    const text = reviews.map((r) => String(r.reviewBody ?? r.name ?? '')).find((t) => t.split(/\s+/).length >= 4) ?? '';
    pages.push({ file: f, count: reviews.length, snippet: words(decodeEntities(text), 6) });
  }
  pages.push({ file: 'html/recipe_xiachufang_chinese_aggregaterating-10pt.html', count: 0, snippet: '' });
  pages.push({ file: 'html/schemaorg-example_product_microdata.html', count: 0, snippet: '' });
  const $amazon = load(read('html/amazon-co-uk_product_book.html'));
  pages.push({
    file: 'html/amazon-co-uk_product_book.html',
    count: $amazon('[data-hook="review-body"]').length,
    snippet: words($amazon('[data-hook="review-body"]').first().text(), 6),
  });
  const $hn = load(read('html/hackernews_item_comments.html'));
  pages.push({
    file: 'html/hackernews_item_comments.html',
    count: $hn('span.comment').length,
    snippet: words($hn('span.comment').first().text(), 5),
  });
  const play = read('html/google-play_app_dunzo-delivery-partner.html');
  const rows = new Set([...play.matchAll(/\["(gp:[\w-]+)", \["/g)].map((m) => m[1]));
  pages.push({
    file: 'html/google-play_app_dunzo-delivery-partner.html',
    count: rows.size,
    snippet: words(/\["gp:[\w-]+", \["[^"]*", \[[^\]]*\[[^\]]*\]\]\], [1-5], null, "([^"]{20,})/.exec(play)?.[1] ?? '', 6),
  });
  const yelp = read('html/yelp_biz_thanh-son-tofu-garden-grove.html');
  const yelpTexts = [...yelp.matchAll(/"comment":\s*\{"text":\s*"((?:[^"\\]|\\.){20,})"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
  pages.push({
    file: 'html/yelp_biz_thanh-son-tofu-garden-grove.html',
    count: yelpTexts.length,
    snippet: words(decodeEntities(yelpTexts[0] ?? ''), 6),
  });
  // A reviewer's page: each review, and for an updated one its previous version shown beside it.
  const $user = load(read('html/yelp_user_reviews_page_1_of_15.html'));
  const current = $user('div.review-content').filter((_, e) => !$user(e).parent().hasClass('review-content'));
  pages.push({
    file: 'html/yelp_user_reviews_page_1_of_15.html',
    count: current.length + current.filter((_, e) => /Updated review/.test($user(e).text())).length,
    snippet: words($user('p[lang]').first().text(), 3),
  });
  for (const [f, tag] of [
    ['feeds/reddit_frontpage_rss2.rss', 'item'],
    ['feeds/reddit_home_atom.xml', 'entry'],
    ['feeds/heise_developer.atom', 'entry'],
    ['feeds/craigslist_rdf-rss1.rss', 'item'],
  ] as const) {
    const xml = read(f);
    const entries = [...xml.matchAll(new RegExp(`<${tag}[\\s>][\\s\\S]*?<title[^>]*>([\\s\\S]*?)</title>`, 'g'))];
    pages.push({
      file: f,
      count: entries.length,
      snippet: words(decodeEntities(entries[0]?.[1]?.replace(/<!\[CDATA\[|\]\]>/g, '') ?? ''), 4),
    });
  }
  const records = (f: string) => JSON.parse(read(f)) as Record<string, unknown>[];
  for (const [f, key] of [
    ['json/trustpilot_reviews.json', 'text'],
    ['json/app-store_reviews.json', 'content'],
    ['json/bestbuy_reviews.json', 'text'],
  ] as const) {
    const list = records(f);
    pages.push({
      file: f,
      count: list.length,
      snippet: words(String(list.find((r) => String(r[key]).split(' ').length >= 4)?.[key] ?? ''), 6),
    });
  }
  const thread = JSON.parse(read('json/reddit_post_with_comments.json')) as {
    comments: { commentId: string; commentBody: string | null; replies?: unknown[] }[];
  };
  const ids = new Set<string>();
  let first = '';
  const walk = (list: typeof thread.comments): void => {
    for (const c of list) {
      if (c.commentBody) {
        ids.add(c.commentId);
        if (!first && c.commentBody.split(' ').length >= 6) first = c.commentBody;
      }
      walk((c.replies ?? []) as typeof thread.comments);
    }
  };
  walk(thread.comments);
  pages.push({ file: 'json/reddit_post_with_comments.json', count: ids.size, snippet: words(first, 5) });
  return pages;
}

describe('corpora of saved pages: the right count (within 10%) with the right text, by default', () => {
  let corpus: TestServer;
  const dev = webDevPages();
  const earlier = webPages();
  beforeAll(async () => {
    const routes: Record<string, { body: Buffer; headers: Record<string, string> }> = {};
    for (const p of dev)
      routes[`/web-dev/${p.file}`] = { body: readFileSync(join(WEB_DEV, p.file)), headers: { 'content-type': typeOf(p.file) } };
    for (const p of earlier)
      routes[`/web/${p.file}`] = { body: readFileSync(join(WEB, p.file)), headers: { 'content-type': typeOf(p.file) } };
    corpus = await serve(routes);
  });
  afterAll(async () => corpus?.close());

  const check = async (path: string, page: CorpusPage) => {
    const r = await radar(['crawl', '--url', `${corpus.url}${path}`, '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const docs = r.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { title?: string; body: string });
    if (page.count === 0) expect(docs).toHaveLength(0);
    else expect(Math.abs(docs.length - page.count), `${docs.length} items, expected ${page.count}`).toBeLessThanOrEqual(page.count * 0.1);
    if (page.snippet)
      expect(
        docs.some((d) => flat(`${d.title ?? ''} ${d.body}`).includes(flat(page.snippet))),
        page.snippet,
      ).toBe(true);
  };

  it('explains per item where it came from, and per page why nothing was taken', async () => {
    const json = await radar(['crawl', '--url', `${corpus.url}/web-dev/json/discourse_urho3d_topic-4302.json`, '--dry-run', '--explain']);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toContain('json-document: 9 items');
    expect(json.stdout).toMatch(/#1 json-document \$\.post_stream\.posts\[0\]/);
    // The participants list holds names, not posts: said so.
    expect(json.stdout).toMatch(/\$\.details\.participants: \d+ records left \(no record has a text\)/);
    const thread = await radar([
      'crawl',
      '--url',
      `${corpus.url}/web-dev/html/odroid-forum_phpbb_viewtopic_25-posts.html`,
      '--dry-run',
      '--explain',
    ]);
    expect(thread.stdout).toMatch(/thread: 25 items/);
    expect(thread.stdout).toMatch(/#1 thread \S+/);
    const none = await radar([
      'crawl',
      '--url',
      `${corpus.url}/web-dev/html/yjc-ir_news_fa_no-comments.html`,
      '--dry-run',
      '--explain',
      '--json',
    ]);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/thread: 0 items\n\s+no repeated blocks each with one author, a time and a text/);
    expect(none.stderr).toContain('nothing taken');
  });

  it('reads the snippets and counts of both corpora from their files', () => {
    expect(dev.length).toBeGreaterThanOrEqual(39);
    expect(earlier).toHaveLength(18);
    for (const p of [...dev, ...earlier]) if (p.count > 0) expect(p.snippet.length, p.file).toBeGreaterThan(5);
  });
  it.concurrent.each(dev.map((p) => [p.file, p] as const))('web-dev %s', async (file, page) => check(`/web-dev/${file}`, page));
  it.concurrent.each(earlier.map((p) => [p.file, p] as const))('web %s', async (file, page) => check(`/web/${file}`, page));
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
