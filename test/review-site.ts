/**
 * A small review site on a loopback port for the service-mode tests and benchmark: paginated
 * product review pages (JSON-LD Review items plus the visible blocks — rating, author link,
 * <time>, title, body), optionally slow, counting requests and the most fetches in flight at once.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A product of the site. */
export interface SiteProduct {
  /** Product id (URL path segment). */
  id: string;
  /** Review pages. */
  pages: number;
  /** Reviews per page. */
  perPage: number;
}

/** Options of the site. */
export interface ReviewSiteOptions {
  /** Products and their page counts. */
  products: SiteProduct[];
  /** Delay before each review page is answered, in ms (lets tests kill a crawl half-way). */
  delayMs?: number;
}

/** A running review site. */
export interface ReviewSite {
  /** Base URL without a trailing slash. */
  url: string;
  /** A page with no reviews (`/about`). */
  aboutUrl: string;
  /** A page that always answers 503 (`/unavailable`). */
  unavailableUrl: string;
  /** First review page of a product. */
  reviewsUrl(productId: string): string;
  /** Review pages served, by path and query. */
  hits: Map<string, number>;
  /** The most review-page requests in flight at once so far. */
  maxInFlight(): number;
  /** Every review id the site shows (what a complete crawl stores). */
  reviewIds(): string[];
  /** Changes the delay of the following responses. */
  setDelay(ms: number): void;
  /** Stops the server. */
  close(): Promise<void>;
}

const WORDS = ['grind', 'burr', 'espresso', 'price', 'support', 'noise', 'setting', 'warranty', 'design', 'cleaning', 'shipping', 'taste'];
const MOODS = [
  'I love the',
  'Really disappointed by the',
  'Solid value for the',
  'Hated the',
  'Pleasantly surprised by the',
  'Mixed feelings about the',
];

function reviewOf(product: string, n: number) {
  const word = WORDS[n % WORDS.length]!;
  const mood = MOODS[n % MOODS.length]!;
  return {
    id: `${product}-r${n}`,
    title: `${mood} ${word} (#${n})`,
    body: `${mood} ${word} of the ${product}. Review number ${n}: after ${(n % 9) + 1} weeks of daily use the ${WORDS[(n + 3) % WORDS.length]} still matters most to me.`,
    rating: (n % 5) + 1,
    author: `user${n % 37}`,
    date: new Date(Date.UTC(2025, n % 12, (n % 27) + 1)).toISOString().slice(0, 10),
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function page(origin: string, product: SiteProduct, pageNo: number): string {
  const reviews = Array.from({ length: product.perPage }, (_, i) => reviewOf(product.id, (pageNo - 1) * product.perPage + i));
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: `Product ${product.id}`,
    review: reviews.map((r) => ({
      '@type': 'Review',
      '@id': `${origin}/p/${product.id}/reviews#${r.id}`,
      name: r.title,
      reviewBody: r.body,
      reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5 },
      author: { '@type': 'Person', name: r.author, url: `${origin}/u/${r.author}` },
      datePublished: r.date,
    })),
  };
  const blocks = reviews
    .map(
      (r) => `<article class="review" id="${r.id}"><span class="rating" data-rating="${r.rating}">${r.rating}/5</span>
<a class="author" href="/u/${r.author}">${r.author}</a> <time datetime="${r.date}">${r.date}</time>
<h3>${escapeHtml(r.title)}</h3><p>${escapeHtml(r.body)}</p></article>`,
    )
    .join('\n');
  const next =
    pageNo < product.pages ? `<nav class="pagination"><a rel="next" href="/p/${product.id}/reviews?page=${pageNo + 1}">Next</a></nav>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reviews of ${product.id}, page ${pageNo}</title>
<script type="application/ld+json">${JSON.stringify(ld)}</script></head>
<body><h1>Reviews of ${product.id}</h1>${blocks}${next}</body></html>`;
}

/** Starts the site on a free loopback port. */
export async function startReviewSite(options: ReviewSiteOptions): Promise<ReviewSite> {
  const hits = new Map<string, number>();
  let delay = options.delayMs ?? 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const byId = new Map(options.products.map((p) => [p.id, p]));
  const server = createServer((req, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/unavailable') {
      // A site that is down for now: worth a retry later.
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Service unavailable</h1>');
      return;
    }
    if (url.pathname === '/about') {
      // A page with no reviews at all: what an unparseable source looks like.
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          '<!doctype html><html><head><title>About us</title></head><body><h1>About us</h1><p>We sell coffee gear since 1999.</p></body></html>',
        );
      return;
    }
    const m = /^\/p\/([^/]+)\/reviews$/.exec(url.pathname);
    const product = m ? byId.get(m[1]!) : undefined;
    const pageNo = Number(url.searchParams.get('page') ?? '1');
    if (!product || !Number.isInteger(pageNo) || pageNo < 1 || pageNo > product.pages) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Not found</h1>');
      return;
    }
    hits.set(`${url.pathname}${url.search}`, (hits.get(`${url.pathname}${url.search}`) ?? 0) + 1);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const origin = `http://${req.headers.host}`;
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(origin, product, pageNo));
    }, delay);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    aboutUrl: `${base}/about`,
    unavailableUrl: `${base}/unavailable`,
    reviewsUrl: (id) => `${base}/p/${id}/reviews`,
    hits,
    maxInFlight: () => maxInFlight,
    reviewIds: () => options.products.flatMap((p) => Array.from({ length: p.pages * p.perPage }, (_, n) => `${p.id}-r${n}`)),
    setDelay: (ms) => {
      delay = ms;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
