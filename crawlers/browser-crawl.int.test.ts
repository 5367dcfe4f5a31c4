import { afterEach, describe, expect, it } from 'vitest';
import { ConfigSchema, type SourceConfig } from '../config/schema.js';
import { runCrawl, type CrawledPage } from './run-crawl.js';
import { serve, type TestServer } from '../test/static-server.js';
import { testChromium } from '../test/services.js';

const chromium = testChromium();

// A shop page whose reviews exist only after its script fetches them, three at a time behind "Load more".
const REVIEWS = Array.from({ length: 8 }, (_, i) => ({
  author: `Taster ${i}`,
  rating: (i % 5) + 1,
  date: `2025-02-${String(i + 10)}T09:30:00Z`,
  title: `Cup number ${i}`,
  text: `Review ${i}: the frother makes dense foam in under a minute and rinses clean under the tap.`,
}));
const JS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frother</title></head><body>
<h2>Customer reviews</h2><div id="reviews"><p class="placeholder">Loading reviews…</p></div>
<button class="load-more" type="button">Load more reviews</button>
<script>
let shown = 0;
const box = document.getElementById('reviews');
const btn = document.querySelector('.load-more');
async function more() {
  const page = await (await fetch('/api/reviews?offset=' + shown)).json();
  if (shown === 0) box.innerHTML = '';
  for (const r of page.reviews) {
    const el = document.createElement('article');
    el.className = 'review';
    el.innerHTML = '<span class="rating" aria-label="' + r.rating + ' out of 5 stars">' + '★'.repeat(r.rating) + '</span>' +
      '<a class="author" href="/reviewers/' + encodeURIComponent(r.author) + '">' + r.author + '</a> <time datetime="' + r.date + '">' + r.date.slice(0, 10) + '</time>' +
      '<h3>' + r.title + '</h3><p>' + r.text + '</p>';
    box.appendChild(el);
  }
  shown += page.reviews.length;
  if (shown >= page.total) btn.remove();
}
setTimeout(more, 50);
btn.addEventListener('click', () => setTimeout(more, 50));
</script></body></html>`;

const api = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
  const offset = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('offset') ?? 0);
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ total: REVIEWS.length, reviews: REVIEWS.slice(offset, offset + 3) }));
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.skipIf(!chromium)('runCrawl in Chromium', () => {
  const settings = {
    ...ConfigSchema.parse({ brands: [{ id: 'a', name: 'A' }] }).crawl,
    maxRetries: 1,
    timeoutSecs: 15,
    chromiumPath: chromium,
  };
  const source = (urls: string[], render: SourceConfig['render']): SourceConfig => ({
    id: 'js',
    kind: 'reviews',
    urls,
    render,
    maxPages: 5,
    profiles: false,
    robots: 'respect',
    topReviewsOnly: false,
  });

  async function crawl(render: SourceConfig['render']) {
    const pages: CrawledPage[] = [];
    const outcome = await runCrawl({
      source: source([`${server!.url}/frother`], render),
      settings,
      onPage: async (p) => (pages.push(p), { allKnown: false }),
    });
    return { pages, outcome };
  }

  it('renders JavaScript reviews and clicks "load more" until every review is there', async () => {
    server = await serve({ '/frother': { body: JS_PAGE }, '/api/reviews': api });
    const { pages, outcome } = await crawl('browser');
    expect(outcome.pagesFailed).toBe(0);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.render).toBe('browser');
    const bodies = pages[0]!.extracted.items.map((i) => i.body);
    expect(bodies).toHaveLength(REVIEWS.length);
    expect(bodies.join(' ')).toContain('Review 7:');
  }, 90_000);

  it('falls back from static to the browser in auto mode when a page looks like it holds reviews', async () => {
    server = await serve({ '/frother': { body: JS_PAGE }, '/api/reviews': api });
    const { pages } = await crawl('auto');
    expect(pages.map((p) => p.render)).toEqual(['browser']);
    expect(pages[0]!.extracted.items.length).toBe(REVIEWS.length);
  }, 90_000);
});
