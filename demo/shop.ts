/**
 * The bundled demo shop: a small coffee-gear store on a loopback port that `radar demo` and the tests
 * crawl offline. Plain node:http; every page is rendered from the deterministic demo catalogue.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoCatalog, reviewsOfProduct, reviewsOfReviewer } from './catalog.js';
import type { DemoProduct, DemoReview } from './catalog-types.js';
import { feedXml } from './render/feed.js';
import { productPage, reviewApiPage, reviewPagePath, type ProductPageInput } from './render/product-page.js';
import { REVIEWS_SCRIPT } from './render/reviews-script.js';
import { checkoutPage, homePage, mentionPage, notFoundPage, profilePage } from './render/site-pages.js';

/** Options of {@link startDemoShop}. */
export interface DemoShopOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 so the shop is never exposed. */
  host?: string;
  /** Copies of every product's page set, for benchmarks (default 1: the plain shop). */
  scale?: number;
}

/** A running demo shop. */
export interface DemoShop {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234. */
  url: string;
  /** Requests served, by path with query string: lets tests check that robots.txt was honoured. */
  hits: Map<string, number>;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** robots.txt: everything but the checkout may be crawled. */
export const ROBOTS_TXT = 'User-agent: *\nDisallow: /checkout/\n';

type Reply = { status: number; type: string; body: string; headers?: Record<string, string> };

const HTML = 'text/html; charset=utf-8';

/** Starts the demo shop. */
export async function startDemoShop(opts: DemoShopOptions = {}): Promise<DemoShop> {
  const scale = opts.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1)
    throw new RangeError(`startDemoShop: scale must be a whole number ≥ 1, got ${String(opts.scale)}`);
  const host = opts.host ?? '127.0.0.1';
  const catalog = demoCatalog();
  const byProduct = new Map<string, DemoReview[]>(catalog.products.map((p) => [p.id, reviewsOfProduct(catalog, p.id)]));
  const hits = new Map<string, number>();

  /** The product behind a listing id (`{id}` or `{id}--{k}` with 2 ≤ k ≤ scale). */
  const listing = (id: string): DemoProduct | undefined => {
    const m = /^(.+?)(?:--(\d+))?$/.exec(id);
    if (!m) return undefined;
    const k = m[2] === undefined ? 1 : Number(m[2]);
    if (m[2] !== undefined && (k < 2 || k > scale || String(k) !== m[2])) return undefined;
    return catalog.products.find((p) => p.id === m[1]);
  };

  const pageInput = (product: DemoProduct, id: string, pageNo: number, origin: string): ProductPageInput => ({
    catalog,
    product,
    brand: catalog.brands.find((b) => b.id === product.brandId)!,
    listing: id,
    reviews: byProduct.get(product.id)!,
    pageNo,
    origin,
  });

  const pagesOf = (product: DemoProduct) => Math.max(1, Math.ceil(byProduct.get(product.id)!.length / catalog.reviewsPerPage));

  function route(path: string, query: URLSearchParams, origin: string): Reply {
    const notFound: Reply = { status: 404, type: HTML, body: notFoundPage(path) };
    const redirect = (to: string): Reply => ({ status: 301, type: HTML, body: '', headers: { location: to } });
    const html = (body: string): Reply => ({ status: 200, type: HTML, body });
    let m: RegExpExecArray | null;

    if (path === '/') return html(homePage(catalog, scale));
    if (path === '/robots.txt') return { status: 200, type: 'text/plain; charset=utf-8', body: ROBOTS_TXT };
    if (path === '/feed.rss') return { status: 200, type: 'application/rss+xml; charset=utf-8', body: feedXml(catalog.mentions, origin) };
    if (path === '/static/vantio-reviews.js') return { status: 200, type: 'text/javascript; charset=utf-8', body: REVIEWS_SCRIPT };
    if (path === '/checkout' || path.startsWith('/checkout/')) return html(checkoutPage());

    if ((m = /^\/products\/([^/]+)$/.exec(path))) {
      const product = listing(m[1]!);
      return product ? html(productPage(pageInput(product, m[1]!, 1, origin))) : notFound;
    }
    if ((m = /^\/products\/([^/]+)\/reviews$/.exec(path))) {
      const product = listing(m[1]!);
      if (!product) return notFound;
      const raw = query.get('page');
      const pageNo = Number(raw ?? '1');
      // Page 1 lives at the product URL; one URL per page keeps crawls free of duplicates.
      if (raw === null || pageNo === 1) return redirect(reviewPagePath(m[1]!, 1));
      if (!Number.isInteger(pageNo) || pageNo < 1 || pageNo > pagesOf(product)) return notFound;
      return html(productPage(pageInput(product, m[1]!, pageNo, origin)));
    }
    if ((m = /^\/api\/products\/([^/]+)\/reviews$/.exec(path))) {
      const product = listing(m[1]!);
      const pageNo = Number(query.get('page') ?? '1');
      if (!product || !Number.isInteger(pageNo) || pageNo < 1 || pageNo > pagesOf(product)) {
        return { status: 404, type: 'application/json; charset=utf-8', body: JSON.stringify({ error: 'not found' }) };
      }
      return {
        status: 200,
        type: 'application/json; charset=utf-8',
        body: JSON.stringify(reviewApiPage(pageInput(product, m[1]!, pageNo, origin))),
      };
    }
    if ((m = /^\/reviewers\/([^/]+)$/.exec(path))) {
      const reviewer = catalog.reviewers.find((r) => r.id === m![1]);
      return reviewer ? html(profilePage(catalog, reviewer, reviewsOfReviewer(catalog, reviewer.id))) : notFound;
    }
    if ((m = /^\/mentions\/([^/]+)$/.exec(path))) {
      const mention = catalog.mentions.find((x) => x.id === m![1]);
      return mention ? html(mentionPage(mention)) : notFound;
    }
    return notFound;
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const raw = req.url ?? '/';
    hits.set(raw, (hits.get(raw) ?? 0) + 1);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    let reply: Reply;
    try {
      const url = new URL(raw, 'http://shop.invalid');
      const origin = `http://${req.headers.host ?? `${host}:${(server.address() as AddressInfo).port}`}`;
      reply = route(decodeURIComponent(url.pathname), url.searchParams, origin);
    } catch (err) {
      reply =
        err instanceof URIError
          ? { status: 400, type: 'text/plain; charset=utf-8', body: 'Bad request: malformed URL\n' }
          : { status: 500, type: 'text/plain; charset=utf-8', body: `Internal error: ${(err as Error).message}\n` };
    }
    const body = Buffer.from(reply.body, 'utf8');
    res.writeHead(reply.status, { 'content-type': reply.type, 'content-length': body.length, ...reply.headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
