/**
 * What a browser-rendered page fetches goes through the crawl's own HTTP client (the browser's
 * network is never used): every connection is checked against the address policy, every redirect
 * hop against robots.txt, every response against the page-size cap — and the JSON the page loads
 * (a single-page shop fetching its reviews from an API) is kept for extraction.
 */
import type { Page, Route } from 'playwright';
import { readJsonDocument } from './extract/data-documents.js';
import { mergeItems } from './extract/extract-page.js';
import { extractFromJson } from './extract/json-items.js';
import { noteOrigin, originOf } from './extract/provenance.js';
import type { ExtractedItem, ExtractedPage } from './extract/types.js';
import type { CrawlPlan } from './crawl-plan.js';

/** Resource types a review page does not need: skipping them saves memory and time. */
const BLOCKED_RESOURCES = new Set(['image', 'media', 'font']);
/** Most JSON responses kept per page, and their most bytes together. */
const MAX_JSON_RESPONSES = 100;
const MAX_JSON_BYTES = 20 * 1024 * 1024;
// Headers that describe the body as it travelled, not as it is handed to the browser (decoded, whole).
const HOP_HEADERS = /^(?:content-encoding|content-length|transfer-encoding|connection|keep-alive)$/i;

/** JSON one page fetched, parsed once. */
interface CapturedJson {
  /** Response URL. */
  url: string;
  /** Items found in it. */
  items: ExtractedItem[];
}

/** The traffic of one browser page: its final URL and the JSON it fetched. */
export class PageTraffic {
  /** URL of the document after redirects (followed by the client). */
  finalUrl?: string;
  private readonly json: CapturedJson[] = [];
  private jsonBytes = 0;

  /** Routes every request of `page` through the crawl's client; `onFailure` learns why a navigation failed. */
  static async attach(page: Page, plan: CrawlPlan, onFailure: (err: Error) => void): Promise<PageTraffic> {
    const traffic = new PageTraffic();
    const maxBytes = plan.options.settings.maxPageBytes;
    await page.route('**/*', async (route: Route) => {
      const req = route.request();
      if (BLOCKED_RESOURCES.has(req.resourceType()) || plan.interrupted) return route.abort().catch(() => undefined);
      const navigation = req.isNavigationRequest() && req.frame() === page.mainFrame();
      try {
        const res = await plan.client.fetchWhole(req.url(), {
          method: req.method(),
          headers: await req.allHeaders(),
          body: req.postDataBuffer() ?? undefined,
          maxBytes,
        });
        const type = String(res.headers['content-type'] ?? '');
        let body = res.body;
        if (navigation) {
          traffic.finalUrl = res.url;
          // Redirected: relative links and API calls of the page must resolve against where it is.
          if (res.url !== req.url() && /html/i.test(type)) body = withBase(body, res.url);
        } else if (res.status < 300) {
          traffic.keepJson(res.url, type, body);
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (!HOP_HEADERS.test(k)) headers[k] = Array.isArray(v) ? v.join('\n') : v;
        await route.fulfill({ status: res.status, headers, body });
      } catch (err) {
        if (navigation) onFailure(err as Error);
        await route.abort(navigation ? 'blockedbyclient' : 'failed').catch(() => undefined);
      }
    });
    return traffic;
  }

  /** Keeps a JSON response's items (bounded in count and bytes). */
  private keepJson(url: string, type: string, body: Buffer): void {
    const looksJson = /json/i.test(type) || (/^text\/plain|^$/i.test(type) && /^\s*[[{]/.test(body.subarray(0, 64).toString('utf8')));
    if (!looksJson || this.json.length >= MAX_JSON_RESPONSES || this.jsonBytes + body.length > MAX_JSON_BYTES) return;
    this.jsonBytes += body.length;
    // The same reader and extractor as a JSON document fetched on its own (prefixes, JSONP, chunks).
    const doc = readJsonDocument(body.toString('utf8'));
    if (!doc || 'error' in doc) return;
    const { items, paths } = extractFromJson(doc.value, { url });
    items.forEach((item, i) => noteOrigin(item, { strategy: 'network-json', via: `${url} ${paths[i] ?? ''}`.trim() }));
    if (items.length) this.json.push({ url, items });
  }

  /** The page's extraction with the items of the JSON it fetched added (deduplicated). */
  merge(extracted: ExtractedPage): ExtractedPage {
    if (!this.json.length) return extracted;
    const items = mergeItems([extracted.items, ...this.json.map((j) => j.items)]);
    if (items.length === extracted.items.length) return extracted;
    return {
      ...extracted,
      items,
      origins: items.map(originOf),
      strategies: [...extracted.strategies, 'network-json'],
      looksLikeReviews: true,
    };
  }
}

/** An HTML document with a <base> for its real address. */
function withBase(body: Buffer, url: string): Buffer {
  const html = body.toString('utf8');
  const tag = `<base href="${url.replace(/"/g, '&quot;')}">`;
  const head = /<head[^>]*>/i.exec(html);
  return Buffer.from(
    head ? html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length) : tag + html,
    'utf8',
  );
}
