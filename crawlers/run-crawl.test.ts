import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigSchema, type SourceConfig } from '../config/schema.js';
import { runCrawl, type CrawledPage } from './run-crawl.js';
import { serve, type TestServer } from '../test/static-server.js';

const settings = { ...ConfigSchema.parse({ brands: [{ id: 'a', name: 'A' }] }).crawl, maxRetries: 1, timeoutSecs: 5 };
const FIXTURES = '../shared/fixtures/web';

function source(urls: string[], over: Partial<SourceConfig> = {}): SourceConfig {
  return {
    id: 'test',
    kind: 'reviews',
    urls,
    render: 'static',
    maxPages: 20,
    profiles: false,
    robots: 'respect',
    topReviewsOnly: false,
    ...over,
  };
}

async function crawl(src: SourceConfig, extra: Partial<Parameters<typeof runCrawl>[0]> = {}) {
  const pages: CrawledPage[] = [];
  const outcome = await runCrawl({ source: src, settings, onPage: async (p) => (pages.push(p), { allKnown: false }), ...extra });
  return { pages, outcome, items: pages.flatMap((p) => p.extracted.items) };
}

function reviewPage(n: number, next?: string): string {
  const cards = Array.from({ length: 3 }, (_, i) => {
    const k = n * 10 + i;
    return `<div class="review-card"><span class="stars" aria-label="${(k % 5) + 1} out of 5 stars"></span>
<a class="reviewer" href="/reviewers/r${k}">Reviewer ${k}</a> <time datetime="2025-0${(k % 9) + 1}-1${i}T10:00:00Z">Some day</time>
<h3>Title number ${k}</h3><p>This is review number ${k}; the grinder was consistent for espresso and the burrs stayed sharp for months.</p></div>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page ${n}</title></head><body><h2>Customer reviews</h2>${cards}
${next ? `<a rel="next" href="${next}">Next</a>` : ''}<a href="/checkout/cart">Cart</a></body></html>`;
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('runCrawl (static pages, local server)', () => {
  it('extracts the 100 JSON-LD reviews of a saved real recipe page', async () => {
    server = await serve({ '/recipe': { body: readFileSync(`${FIXTURES}/html/recipe_realmomnutrition_jsonld-100-reviews.html`) } });
    const { items, outcome } = await crawl(source([`${server.url}/recipe`]));
    expect(outcome.pagesFetched).toBe(1);
    expect(items).toHaveLength(100);
    // Most of its reviews are ratings without text; each still has a rating, an author and a date.
    expect(items.every((i) => i.rating && i.author && i.publishedAt)).toBe(true);
    expect(items.filter((i) => i.body.length > 0)).toHaveLength(6);
  });

  it('follows pagination and honours the page cap', async () => {
    server = await serve({
      '/p/1': { body: reviewPage(1, '/p/2') },
      '/p/2': { body: reviewPage(2, '/p/3') },
      '/p/3': { body: reviewPage(3, '/p/4') },
      '/p/4': { body: reviewPage(4) },
    });
    const all = await crawl(source([`${server.url}/p/1`]));
    expect(all.pages.map((p) => new URL(p.url).pathname).sort()).toEqual(['/p/1', '/p/2', '/p/3', '/p/4']);
    expect(all.items).toHaveLength(12);
    const capped = await crawl(source([`${server.url}/p/1`], { maxPages: 2 }));
    expect(capped.pages).toHaveLength(2);
  });

  it('stops paging in incremental mode once a page holds only known reviews', async () => {
    server = await serve({
      '/p/1': { body: reviewPage(1, '/p/2') },
      '/p/2': { body: reviewPage(2, '/p/3') },
      '/p/3': { body: reviewPage(3) },
    });
    const pages: string[] = [];
    await runCrawl({
      source: source([`${server.url}/p/1`]),
      settings,
      incremental: true,
      onPage: async (p) => (pages.push(p.url), { allKnown: true }),
    });
    expect(pages).toHaveLength(1);
  });

  it('keeps what a page holds and names a structured-data block it cannot read', async () => {
    const good = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Burr grinder',
      review: [
        {
          '@type': 'Review',
          author: { '@type': 'Person', name: 'Ola' },
          reviewBody: 'Grinds evenly for pour-over and espresso alike, and it is quiet.',
          reviewRating: { '@type': 'Rating', ratingValue: 5 },
        },
      ],
    });
    const cut = good.slice(0, Math.floor(good.length / 2));
    const page = (blocks: string[]) =>
      `<!doctype html><html lang="en"><head><title>Grinder</title>${blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('')}</head><body><p>Burr grinder</p></body></html>`;
    server = await serve({ '/cut': { body: page([cut]) }, '/mixed': { body: page([good, cut]) }, '/whole': { body: page([good]) } });
    const run = await crawl(source([`${server.url}/cut`, `${server.url}/mixed`, `${server.url}/whole`]));
    expect(run.items).toHaveLength(2);
    expect(run.outcome.pagesFailed).toBe(0);
    expect(run.outcome.errors.map((e) => e.url).sort()).toEqual([`${server.url}/cut`, `${server.url}/mixed`]);
    expect(run.outcome.errors[0]!.message).toContain('1 structured-data (JSON-LD) block on the page could not be read');
  });

  it('honours robots.txt by default and only skips when a source opts out', async () => {
    const routes = {
      '/robots.txt': { body: 'User-agent: *\nDisallow: /private/\n', headers: { 'content-type': 'text/plain' } },
      '/private/reviews': { body: reviewPage(1) },
    };
    server = await serve(routes);
    const polite = await crawl(source([`${server.url}/private/reviews`]));
    expect(polite.pages).toHaveLength(0);
    expect(polite.outcome.pagesSkipped).toBe(1);
    // Said with the run, so an empty source does not pass for an empty success.
    expect(polite.outcome.errors).toEqual([
      { url: `${server.url}/private/reviews`, message: expect.stringContaining('robots.txt disallows it'), kind: 'robots' },
    ]);
    expect(server.hits.get('/private/reviews')).toBeUndefined();
    const optedOut = await crawl(source([`${server.url}/private/reviews`], { robots: 'ignore' }));
    expect(optedOut.items).toHaveLength(3);
  });

  it('reads robots.txt with its own User-Agent, and fetches nothing from a site whose robots.txt answers 5xx', async () => {
    const agents: string[] = [];
    server = await serve({
      '/robots.txt': (req, res) => {
        agents.push(String(req.headers['user-agent']));
        res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      },
      '/private/reviews': { body: reviewPage(1) },
    });
    const blocked = await crawl(source([`${server.url}/private/reviews`]));
    expect(blocked.pages).toHaveLength(0);
    expect(server.hits.get('/private/reviews')).toBeUndefined();
    // Not a polite skip: the page failed, and the run says why.
    expect(blocked.outcome.pagesFailed).toBe(1);
    expect(blocked.outcome.errors[0]?.message).toMatch(/robots\.txt could not be read \(HTTP 503\)/);
    expect(agents.length).toBeGreaterThanOrEqual(1);
    expect(agents.every((a) => a === settings.userAgent)).toBe(true);
    // A site that is not there at all fails with the cause.
    const { createServer } = await import('node:net');
    const probe = createServer();
    const port = await new Promise<number>((ok) => probe.listen(0, '127.0.0.1', () => ok((probe.address() as { port: number }).port)));
    await new Promise((ok) => probe.close(ok));
    const dead = await crawl(source([`http://127.0.0.1:${port}/reviews`]));
    expect(dead.outcome.pagesFailed).toBe(1);
    expect(dead.outcome.errors[0]?.message).toMatch(/ECONNREFUSED/);
    // A missing robots.txt (404) sets no rules.
    await server.close();
    server = await serve({ '/reviews': { body: reviewPage(1) } });
    expect((await crawl(source([`${server.url}/reviews`]))).items).toHaveLength(3);
  });

  it('records broken pages per page and keeps the good ones: 404, 500, oversized, redirect loop', async () => {
    server = await serve({
      '/good': { body: reviewPage(1) },
      '/gone': { status: 404, body: 'no' },
      '/boom': { status: 500, body: 'error' },
      '/huge': { body: `<html><body>${'x'.repeat(2 * 1024 * 1024)}</body></html>` },
      '/loop': { status: 302, headers: { location: '/loop2' }, body: '' },
      '/loop2': { status: 302, headers: { location: '/loop' }, body: '' },
      '/malformed': { body: '<html><body><div class="review-card"><p>unclosed <b>tags <i>everywhere' },
    });
    const src = source(['/good', '/gone', '/boom', '/huge', '/loop', '/malformed'].map((p) => `${server!.url}${p}`));
    const { items, outcome } = await runCrawlWith(src, { ...settings, maxPageBytes: 1024 * 1024 });
    expect(items).toHaveLength(3);
    const failed = new Map(outcome.errors.map((e) => [new URL(e.url).pathname, e.message]));
    expect([...failed.keys()].sort()).toEqual(['/boom', '/gone', '/huge', '/loop']);
    expect(failed.get('/huge')).toMatch(/larger than 1 MB/);
    expect(outcome.pagesFailed).toBe(4);
    // Each problem says what kind it is, so a job knows what is worth another attempt.
    const kinds = Object.fromEntries(outcome.errors.map((e) => [new URL(e.url).pathname, e.kind]));
    expect(kinds).toEqual({ '/gone': 'http-4xx', '/boom': 'http-retry', '/huge': 'too-large', '/loop': 'http-4xx' });
    // A page refused for good is fetched once; a server error is tried again.
    expect(server.hits.get('/gone')).toBe(1);
    expect(server.hits.get('/huge')).toBe(1);
    expect(server.hits.get('/boom')).toBeGreaterThan(1);
  });

  it('sends the user:password of a source URL as Basic auth to that site only, and keeps it out of the run', async () => {
    const seen: (string | undefined)[] = [];
    server = await serve({
      '/robots.txt': { status: 404, body: '' },
      '/members/reviews': (req, res) => {
        seen.push(req.headers.authorization);
        if (req.headers.authorization !== `Basic ${Buffer.from('ana:s3cret').toString('base64')}`) {
          res.writeHead(401, { 'content-type': 'text/plain' }).end('who are you?');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(reviewPage(1));
      },
      '/members/gone': { status: 404, body: 'no' },
    });
    const withCreds = (path: string) => server!.url.replace('http://', 'http://ana:s3cret@') + path;
    const { items, outcome } = await crawl(source([withCreds('/members/reviews'), withCreds('/members/gone')]));
    expect(items).toHaveLength(3);
    expect(seen.at(-1)).toMatch(/^Basic /);
    expect(JSON.stringify(outcome)).not.toContain('s3cret');
  });

  it('waits as long as Retry-After says on 429, then gets the page', async () => {
    let calls = 0;
    server = await serve({
      '/busy': (_req, res) => {
        calls++;
        if (calls === 1) res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/html' }).end('slow down');
        else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(reviewPage(1));
      },
    });
    const started = Date.now();
    const { items, outcome } = await crawl(source([`${server.url}/busy`]));
    expect(items).toHaveLength(3);
    expect(outcome.pagesFailed).toBe(0);
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('gives up on a page that keeps failing after its retries, and records why', async () => {
    server = await serve({ '/down': { status: 503, body: 'maintenance' }, '/forbidden': { status: 403, body: 'no' } });
    const { outcome } = await runCrawlWith(source([`${server.url}/down`, `${server.url}/forbidden`]), { ...settings, maxRetries: 2 });
    expect(outcome.pagesFailed).toBe(2);
    expect(server.hits.get('/down')).toBe(3);
    expect(server.hits.get('/forbidden')).toBe(1);
    expect(outcome.errors.map((e) => e.message).join(' ')).toMatch(/503/);
  });

  it('decodes Windows-1251 and GBK pages by header, meta charset or sniffing', async () => {
    const ru =
      '<div class="review-card"><h3>Отличная кофемолка</h3><p>Мелет равномерно, шума немного, за свои деньги лучше не найти.</p><span class="stars" aria-label="5 out of 5 stars"></span><time datetime="2025-03-01">1 марта</time><a href="/u/1">Иван</a></div>';
    const zh =
      '<div class="review-card"><h3>很好用的磨豆机</h3><p>研磨很均匀，声音也不大，性价比很高，推荐购买。</p><span class="stars" aria-label="4 out of 5 stars"></span><time datetime="2025-03-02">3月2日</time><a href="/u/2">小王</a></div>';
    const page = (charset: string, body: string, inMeta: boolean) =>
      `<html><head>${inMeta ? `<meta charset="${charset}">` : ''}</head><body>${body}${body.replace('/u/', '/u/9')}</body></html>`;
    server = await serve({
      '/ru-header': {
        headers: { 'content-type': 'text/html; charset=windows-1251' },
        body: iconv.encode(page('windows-1251', ru, false), 'win1251'),
      },
      '/ru-meta': { headers: { 'content-type': 'text/html' }, body: iconv.encode(page('windows-1251', ru, true), 'win1251') },
      '/zh-meta': { headers: { 'content-type': 'text/html' }, body: iconv.encode(page('gbk', zh, true), 'gbk') },
    });
    const { pages } = await crawl(source(['/ru-header', '/ru-meta', '/zh-meta'].map((p) => `${server!.url}${p}`)));
    const text = pages.flatMap((p) => p.extracted.items.map((i) => `${i.title} ${i.body}`)).join('\n');
    expect(text).toContain('Мелет равномерно');
    expect(text).toContain('研磨很均匀');
    expect(text).not.toMatch(/Ð|�/);
  });
});

async function runCrawlWith(src: SourceConfig, s: typeof settings) {
  const pages: CrawledPage[] = [];
  const outcome = await runCrawl({ source: src, settings: s, onPage: async (p) => (pages.push(p), { allKnown: false }) });
  return { pages, outcome, items: pages.flatMap((p) => p.extracted.items) };
}
