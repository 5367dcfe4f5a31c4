/**
 * What a crawl may reach, probed as an attacker would: redirects to hosts whose robots.txt says no,
 * redirects and page scripts aiming at cloud metadata or at hosts on the machine the source never
 * named, pages too large to read — in static and browser crawls, against real loopback servers and
 * the real Chromium. Also the JSON a browser-rendered page fetches (a single-page shop's review API).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigSchema, type SourceConfig } from '../config/schema.js';
import { serve, type TestServer } from '../test/static-server.js';
import { testChromium } from '../test/services.js';
import { runCrawl, type CrawledPage } from './run-crawl.js';

const chromium = testChromium();

const REVIEW_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kettle</title></head><body>
<h2>Customer reviews</h2>
<article class="review"><span class="author">Wren</span> <time datetime="2025-03-01">1 March 2025</time>
<p>The gooseneck spout pours a thin steady stream, ideal for slow pour-over mornings.</p></article>
<article class="review"><span class="author">Idris</span> <time datetime="2025-03-02">2 March 2025</time>
<p>Lid rattles when it boils and the handle gets warm after a minute or two.</p></article>
<article class="review"><span class="author">Maud</span> <time datetime="2025-03-03">3 March 2025</time>
<p>Holds temperature within a degree, which my light roasts really need.</p></article>
</body></html>`;

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function start(routes: Parameters<typeof serve>[0]): Promise<TestServer> {
  const s = await serve(routes);
  servers.push(s);
  return s;
}

const baseSettings = {
  ...ConfigSchema.parse({ brands: [{ id: 'a', name: 'A' }] }).crawl,
  maxRetries: 2,
  timeoutSecs: 15,
  chromiumPath: chromium,
};

function source(urls: string[], render: SourceConfig['render']): SourceConfig {
  return { id: 'reach', kind: 'reviews', urls, render, maxPages: 5, profiles: false, robots: 'respect', topReviewsOnly: false };
}

async function crawl(urls: string[], render: SourceConfig['render'], settings = baseSettings) {
  const pages: CrawledPage[] = [];
  const outcome = await runCrawl({ source: source(urls, render), settings, onPage: async (p) => (pages.push(p), { allKnown: false }) });
  return { pages, outcome, items: pages.flatMap((p) => p.extracted.items) };
}

const redirect = (to: string) => ({ status: 302, headers: { location: to }, body: '' });

describe.each(['static', 'browser'] as const)('a %s crawl', (render) => {
  it.skipIf(render === 'browser' && !chromium)(
    "checks every redirect hop against that host's own robots.txt",
    async () => {
      const closed = await start({
        '/robots.txt': { body: 'User-agent: *\nDisallow: /\n', headers: { 'content-type': 'text/plain' } },
        '/kettle': { body: REVIEW_PAGE },
      });
      const open = await start({ '/robots.txt': { status: 404, body: '' }, '/go': redirect(`${closed.url}/kettle`) });
      const { items, outcome } = await crawl([`${open.url}/go`], render);
      expect(items).toHaveLength(0);
      expect(closed.hits.get('/robots.txt')).toBe(1);
      expect(closed.hits.get('/kettle')).toBeUndefined();
      expect(outcome.errors).toEqual([
        expect.objectContaining({ kind: 'robots', message: expect.stringContaining('robots.txt disallows') }),
      ]);
    },
    90_000,
  );

  it.skipIf(render === 'browser' && !chromium)(
    'refuses cloud metadata and hosts the source does not name, unless private networks are allowed',
    async () => {
      const other = await start({ '/robots.txt': { status: 404, body: '' }, '/kettle': { body: REVIEW_PAGE } });
      // "localhost" is this machine too, but the source names only 127.0.0.1: a redirect there is refused.
      const sideDoor = other.url.replace('127.0.0.1', 'localhost');
      const site = await start({
        '/robots.txt': { status: 404, body: '' },
        '/meta': redirect('http://169.254.169.254/latest/meta-data/'),
        '/inside': redirect(`${sideDoor}/kettle`),
      });
      const { items, outcome } = await crawl([`${site.url}/meta`, `${site.url}/inside`], render);
      expect(items).toHaveLength(0);
      expect(other.hits.get('/kettle')).toBeUndefined();
      const byPath = Object.fromEntries(outcome.errors.map((e) => [new URL(e.url).pathname, e]));
      expect(byPath['/meta']).toMatchObject({
        kind: 'refused',
        message: expect.stringMatching(/169\.254\.169\.254.*allowPrivateNetworks/),
      });
      expect(byPath['/inside']).toMatchObject({ kind: 'refused', message: expect.stringMatching(/localhost \(127\.0\.0\.1\)/) });

      const allowed = await crawl([`${site.url}/inside`], render, { ...baseSettings, allowPrivateNetworks: true });
      expect(allowed.items).toHaveLength(3);
    },
    90_000,
  );

  it.skipIf(render === 'browser' && !chromium)(
    'records a page larger than crawl.maxPageBytes once, without retrying it',
    async () => {
      const big = `<!doctype html><html><body><p>${'x'.repeat(3 * 1024 * 1024)}</p></body></html>`;
      const site = await start({ '/robots.txt': { status: 404, body: '' }, '/huge': { body: big } });
      const started = Date.now();
      const { outcome } = await crawl([`${site.url}/huge`], render, { ...baseSettings, maxPageBytes: 1024 * 1024 });
      expect(outcome.errors).toEqual([
        expect.objectContaining({ kind: 'too-large', message: expect.stringContaining('larger than 1 MB') }),
      ]);
      expect(site.hits.get('/huge')).toBe(1);
      expect(Date.now() - started).toBeLessThan(30_000);
    },
    90_000,
  );
});

describe.skipIf(!chromium)('a browser crawl', () => {
  it('never lets a page script reach an address the source does not name', async () => {
    const inside = await start({ '/secret.json': { body: '{"token":"s3cret"}', headers: { 'content-type': 'application/json' } } });
    const sideDoor = inside.url.replace('127.0.0.1', 'localhost');
    const page = REVIEW_PAGE.replace(
      '</body>',
      `<script>fetch('${sideDoor}/secret.json').catch(() => {}); fetch('http://169.254.169.254/latest/meta-data/').catch(() => {});</script></body>`,
    );
    const site = await start({ '/robots.txt': { status: 404, body: '' }, '/kettle': { body: page } });
    const { items } = await crawl([`${site.url}/kettle`], 'browser');
    expect(items).toHaveLength(3);
    expect(inside.hits.get('/secret.json')).toBeUndefined();
  }, 90_000);

  it('extracts reviews from the JSON a page loads from its own API, even when it never draws them as HTML', async () => {
    const reviews = Array.from({ length: 6 }, (_, i) => ({
      id: `rv-${i}`,
      author: { name: `Buyer ${i}` },
      rating: (i % 5) + 1,
      createdAt: `2025-04-0${i + 1}T10:00:00Z`,
      text: `Review ${i}: the milk jug froths quickly and the steam wand is easy to wipe clean.`,
    }));
    const app = `<!doctype html><html><head><title>Frother</title></head><body><div id="app">Loading…</div>
<script>fetch('/api/v2/products/frother/reviews?page=1').then(r => r.json()).then(d => {
  document.getElementById('app').textContent = d.reviews.length + ' reviews loaded';
});</script></body></html>`;
    const site = await start({
      '/robots.txt': { status: 404, body: '' },
      '/frother': { body: app },
      '/api/v2/products/frother/reviews': { body: JSON.stringify({ total: 6, reviews }), headers: { 'content-type': 'application/json' } },
    });
    const { items, pages } = await crawl([`${site.url}/frother`], 'browser');
    expect(items.map((i) => i.body).sort()).toEqual(reviews.map((r) => r.text).sort());
    expect(items.find((i) => i.body?.startsWith('Review 2'))).toMatchObject({ author: 'Buyer 2' });
    expect(pages[0]!.extracted.strategies).toContain('network-json');
    // --explain says where each item came from: the API response's strategy and the path in it.
    const { items: found, origins } = pages[0]!.extracted;
    expect(origins).toHaveLength(found.length);
    for (const origin of origins ?? [])
      expect(origin).toMatchObject({ strategy: 'network-json', via: expect.stringMatching(/^\$\.reviews\[\d\]$/) });
  }, 90_000);
});
