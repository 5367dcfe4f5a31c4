/**
 * Running one crawl of one source: the only file that builds Crawlee crawlers. Static pages go
 * through RadarCheerioCrawler, browser pages through PlaywrightCrawler on the system Chromium
 * (never a downloaded browser). Every crawl gets its own Crawlee Configuration with in-memory
 * storage, so two crawls in one process never share (or steal from) a request queue.
 *
 * The runner extracts and reports pages to a sink; it knows nothing about storage. The sink's
 * verdict ("everything on this page was already stored") stops incremental paging.
 */
import { Configuration, log as crawleeLog, LogLevel, NonRetryableError, type Request } from '@crawlee/core';
import { existsSync } from 'node:fs';
import { InputError } from '../domain/errors.js';
import type { Logger } from 'pino';
import type { ExtractedPage } from './extract/types.js';
import { extractPage, extractParsed } from './extract/extract-page.js';
import { decodeBody } from './extract/decode.js';
import { RadarCheerioCrawler, type RadarParsed } from './radar-cheerio-crawler.js';
import { robotsLoader, type RobotsLoader } from './robots.js';
import type { RadarConfig, SourceConfig } from '../config/schema.js';
import { stageLogger } from '../log/logger.js';

/** Crawler settings shared by all sources (the `crawl` section of the config). */
export type CrawlSettings = RadarConfig['crawl'];

/** How a page was fetched. */
export type RenderMode = 'static' | 'browser';

/** A fetched page and what extraction found on it. */
export interface CrawledPage {
  /** URL as requested. */
  url: string;
  /** URL after redirects. */
  loadedUrl: string;
  /** How it was fetched. */
  render: RenderMode;
  /** "listing" for review/feed pages, "profile" for reviewer profiles. */
  role: 'listing' | 'profile';
  /** What extraction found. */
  extracted: ExtractedPage;
  /** When it was fetched (ISO 8601). */
  fetchedAt: string;
}

/** What the sink says about a page it received. */
export interface PageVerdict {
  /** Every item on the page was already stored unchanged (incremental crawls stop paging here). */
  allKnown: boolean;
}

/** Options of one crawl. */
export interface RunCrawlOptions {
  /** The source to crawl. */
  source: SourceConfig;
  /** Shared crawler settings. */
  settings: CrawlSettings;
  /** Receives each page's extraction. */
  onPage(page: CrawledPage): Promise<PageVerdict>;
  /** Whether a reviewer profile page should be visited (e.g. not stored yet). Default: only when `source.profiles`. */
  wantProfile?(url: string): boolean | Promise<boolean>;
  /** Stop following pagination once a page yields only known items. */
  incremental?: boolean;
  /** Override the render mode (e.g. from `radar crawl --render`). */
  render?: SourceConfig['render'];
  /** Logger for this crawl. */
  log?: Logger;
  /**
   * Waits for a politeness lease on the page's host before each fetch and returns the function that
   * gives it back (called after the response or the error). Service mode passes jobs/domain-limit.ts
   * here so the per-host limit holds across worker processes; one-shot crawls leave it unset.
   */
  acquireLease?(url: string): Promise<() => Promise<void>>;
  /** Stops the crawl where it is (a worker giving its job up); the crawl then throws CrawlInterrupted. */
  signal?: AbortSignal;
}

/** Counts and problems of one crawl. */
export interface CrawlOutcome {
  /** Pages fetched and extracted. */
  pagesFetched: number;
  /** Pages that failed after retries. */
  pagesFailed: number;
  /** Pages that looked like block or captcha pages. */
  pagesBlocked: number;
  /** Pages not fetched (robots.txt, page cap). */
  pagesSkipped: number;
  /** Per-page problems. */
  errors: { url: string; message: string }[];
}

/** Arguments Chromium needs on these machines (no sandbox as root, no background traffic). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  // Memory: one renderer per site at most two at a time, no site-isolation processes, small JS heaps.
  '--renderer-process-limit=2',
  '--disable-site-isolation-trials',
  '--disable-features=site-per-process,Translate,BackForwardCache,MediaRouter',
  '--disable-extensions',
  '--mute-audio',
  '--js-flags=--max-old-space-size=256',
];

/** Resource types a review page does not need: skipping them saves memory and time. */
const BLOCKED_RESOURCES = new Set(['image', 'media', 'font']);

/** Chromium executable: settings, then RADAR_CHROMIUM_PATH, then /usr/bin/chromium. */
export function chromiumPath(settings: Pick<CrawlSettings, 'chromiumPath'>): string {
  return process.env.RADAR_CHROMIUM_PATH || settings.chromiumPath || '/usr/bin/chromium';
}

/** The Chromium to launch, or an error that says how to get one (browsers are never downloaded). */
export function requireChromium(settings: Pick<CrawlSettings, 'chromiumPath'>, purpose: string): string {
  const path = chromiumPath(settings);
  if (!existsSync(path)) {
    throw new InputError(
      `${purpose} needs Chromium, and there is none at ${path}: install it (apt-get install -y chromium) or point RADAR_CHROMIUM_PATH or crawl.chromiumPath at one`,
    );
  }
  return path;
}

const MAX_ERRORS = 200;
/** Longest wait a Retry-After header may impose before a retry, in ms. */
const MAX_RETRY_AFTER_MS = 120_000;

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), if any. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** How long to wait before retry number `retry` (1-based): exponential backoff with jitter, or what the server asked. */
export function backoffMs(retry: number, retryAfter?: number): number {
  const exp = Math.min(30_000, 500 * 2 ** (retry - 1));
  const jittered = exp / 2 + Math.random() * (exp / 2);
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(jittered, retryAfter ?? 0));
}

/** Distinct hosts of a URL list. */
function hostCount(urls: string[]): number {
  return new Set(
    urls.map((u) => {
      try {
        return new URL(u).host;
      } catch {
        return u;
      }
    }),
  ).size;
}
const MAX_LOAD_MORE_CLICKS = 50;

// Crawlee logs through console.log at INFO; keep stdout clean for JSONL output.
crawleeLog.setLevel(process.env.RADAR_LOG_LEVEL === 'debug' ? LogLevel.DEBUG : LogLevel.OFF);

function sameSite(a: string, b: string): boolean {
  try {
    return new URL(a).host === new URL(b).host;
  } catch {
    return false;
  }
}

/** Runs one crawl of one source and reports every page to the sink. */
export async function runCrawl(options: RunCrawlOptions): Promise<CrawlOutcome> {
  const { source, settings } = options;
  const render = options.render ?? source.render;
  const log = options.log ?? stageLogger('crawl').child({ source: source.id });
  const outcome: CrawlOutcome = { pagesFetched: 0, pagesFailed: 0, pagesBlocked: 0, pagesSkipped: 0, errors: [] };
  const fail = (url: string, message: string) => {
    if (outcome.errors.length < MAX_ERRORS) outcome.errors.push({ url, message });
  };
  const listingBudget = { left: source.maxPages };
  const seenListings = new Set<string>();
  const seenProfiles = new Set<string>();
  const browserQueue: string[] = [];
  // Leases held from a request to its response (or error), by request.
  const leases = new Map<string, () => Promise<void>>();
  const takeLease = async ({ request }: { request: Request }) => {
    if (options.acquireLease) leases.set(request.uniqueKey, await options.acquireLease(request.url));
  };
  const returnLease = async ({ request }: { request: Request }) => {
    const release = leases.get(request.uniqueKey);
    leases.delete(request.uniqueKey);
    await release?.();
  };

  /** Handles one page's extraction; returns further listing/profile URLs to visit. */
  const handle = async (page: CrawledPage): Promise<{ listings: string[]; profiles: string[] }> => {
    outcome.pagesFetched++;
    try {
      return await handlePage(page);
    } catch (err) {
      // The page will be retried (or fail): it counts once, when it is done.
      outcome.pagesFetched--;
      throw err;
    }
  };
  const handlePage = async (page: CrawledPage): Promise<{ listings: string[]; profiles: string[] }> => {
    const ex = page.extracted;
    if (ex.blocked) {
      outcome.pagesBlocked++;
      fail(page.url, 'looks like a block or captcha page; nothing extracted');
      return { listings: [], profiles: [] };
    }
    if (page.role === 'listing' && page.render === 'static' && render === 'auto' && ex.items.length === 0 && ex.looksLikeReviews) {
      // Reviews that only appear after JavaScript runs: hand the page to the browser.
      browserQueue.push(page.url);
      outcome.pagesFetched--;
      return { listings: [], profiles: [] };
    }
    if (ex.unreadableJsonLd) {
      // Not a failed page (what could be read is kept), but reviews may be missing: said with the run.
      fail(
        page.url,
        `${ex.unreadableJsonLd} structured-data (JSON-LD) block${ex.unreadableJsonLd > 1 ? 's' : ''} on the page could not be read (cut off or not JSON): reviews in ${ex.unreadableJsonLd > 1 ? 'them' : 'it'} are missing`,
      );
    }
    for (const problem of ex.problems ?? []) fail(page.url, problem);
    const verdict = await options.onPage(page);
    const listings: string[] = [];
    const stopPaging = options.incremental && verdict.allKnown && ex.items.length > 0;
    if (page.role === 'listing' && !stopPaging) {
      for (const next of ex.nextPages) {
        if (!sameSite(next, page.loadedUrl) || seenListings.has(next)) continue;
        if (listingBudget.left <= 0) {
          outcome.pagesSkipped++;
          continue;
        }
        seenListings.add(next);
        listingBudget.left--;
        listings.push(next);
      }
    }
    const profiles: string[] = [];
    if (source.profiles) {
      for (const link of [...ex.profileLinks, ...ex.items.map((i) => i.authorUrl).filter((u): u is string => !!u)]) {
        if (seenProfiles.has(link) || !sameSite(link, page.loadedUrl)) continue;
        seenProfiles.add(link);
        if (options.wantProfile && !(await options.wantProfile(link))) continue;
        profiles.push(link);
      }
    }
    return { listings, profiles };
  };

  const startUrls = source.urls.filter((u) => {
    if (seenListings.has(u)) return false;
    seenListings.add(u);
    listingBudget.left--;
    return true;
  });

  const robots =
    source.robots === 'respect'
      ? robotsLoader(settings.userAgent, {
          onFetch: (f) => {
            if (f.unreachable)
              log.warn(
                { url: f.url, reason: f.reason },
                'robots.txt unreachable: nothing is fetched from this site in this crawl (RFC 9309)',
              );
          },
        })
      : undefined;
  // A source is one site (or a few): per-host politeness caps the crawl's concurrency.
  const maxConcurrency = Math.max(1, Math.min(settings.concurrency, settings.perDomainConcurrency * hostCount(source.urls)));
  const common = {
    maxRequestRetries: settings.maxRetries,
    navigationTimeoutSecs: settings.timeoutSecs,
    requestHandlerTimeoutSecs: Math.max(60, settings.timeoutSecs * 2),
    maxConcurrency,
    // Crawlee polls for new work every 0.5 s by default; a short poll ends small crawls (and previews) sooner.
    autoscaledPoolOptions: { maybeRunIntervalSecs: 0.05 },
    // Without proxies, rotating sessions on 403/429 only hammers the site; our own rules decide retries.
    useSessionPool: false,
    preNavigationHooks: [takeLease],
    postNavigationHooks: [returnLease],
    // Before each retry: back off exponentially, longer when the server said so (429/503 Retry-After).
    errorHandler: async (
      ctx: { request: Request; response?: { headers?: Record<string, string | string[] | undefined> } },
      error: Error,
    ) => {
      await returnLease(ctx);
      const wait = backoffMs(ctx.request.retryCount + 1, retryAfterMs(ctx.response?.headers?.['retry-after']));
      log.info({ url: ctx.request.url, err: error.message.split('\n')[0], attempt: ctx.request.retryCount + 1, wait }, 'retrying page');
      await new Promise((ok) => setTimeout(ok, wait));
    },
    sameDomainDelaySecs: settings.delayMs / 1000,
    respectRobotsTxtFile: source.robots === 'respect' ? { userAgent: settings.userAgent } : false,
    onSkippedRequest: async ({ url, reason }: { url: string; reason: string }) => {
      // A site whose robots.txt cannot be read cannot be crawled: that is a failed page with its
      // cause, not a polite skip (a dead site must not come out as an "ok" run).
      const down = reason === 'robotsTxt' ? robots?.unreachable(url) : undefined;
      if (down) {
        outcome.pagesFailed++;
        fail(url, `not fetched: the site's robots.txt could not be read (${down})`);
        return;
      }
      outcome.pagesSkipped++;
      if (reason === 'robotsTxt') {
        log.info({ url }, 'skipped: disallowed by robots.txt');
        // Named with the run (not a failure): a source whose pages the site disallows must not look like an empty success.
        fail(url, "not fetched: the site's robots.txt disallows it (sources.robots: ignore only where you may crawl anyway)");
      }
    },
    failedRequestHandler: async ({ request }: { request: Request }, error: Error) => {
      await returnLease({ request });
      outcome.pagesFailed++;
      fail(request.url, error.message.split('\n')[0] ?? String(error));
      log.warn({ url: request.url, err: error.message.split('\n')[0] }, 'page failed');
    },
  };

  // Crawlee stops a crawl on SIGINT (Ctrl-C) and returns as if it had finished: remember that it
  // did not, so the run is not recorded as complete (an incremental crawl would then never reach
  // the pages it skipped).
  let interrupted: string | undefined;
  const onSigint = () => {
    // A second Ctrl-C exits at once, as Crawlee promises when it stops on the first.
    if (interrupted === 'SIGINT') process.exit(130);
    interrupted = 'SIGINT';
  };
  // The crawler running now, for a stop asked for by the job (its worker lost the job or shuts down).
  const running: { stop(reason?: string): void }[] = [];
  const onAbort = () => {
    interrupted ??= 'stopped by its worker';
    for (const c of running) c.stop('The crawl was stopped by its worker.');
  };
  process.on('SIGINT', onSigint);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (options.signal?.aborted) onAbort();
    else await crawlAll();
  } finally {
    process.off('SIGINT', onSigint);
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (interrupted)
    throw new CrawlInterrupted(
      `the crawl was interrupted (${interrupted}) after ${outcome.pagesFetched} pages; the next crawl of this source pages through everything`,
    );
  return outcome;

  async function crawlAll(): Promise<void> {
    if (render !== 'browser') {
      const config = new Configuration({ persistStorage: false, purgeOnStart: true });
      const crawler = new RadarCheerioCrawler(
        {
          ...common,
          maxPageBytes: settings.maxPageBytes,
          additionalMimeTypes: [
            'application/rss+xml',
            'application/atom+xml',
            'application/rdf+xml',
            'application/xml',
            'text/xml',
            'application/x-rss+xml',
            'application/x-atom+xml',
            'text/plain',
          ],
          preNavigationHooks: [
            takeLease,
            (_ctx, gotOptions) => {
              gotOptions.headers = { ...gotOptions.headers, 'user-agent': settings.userAgent };
            },
          ],
          requestHandler: async (ctx) => {
            const { request } = ctx;
            const status = ctx.response.statusCode ?? 200;
            // 429 and 503 say "later": retry (after Retry-After). Other 4xx pages hold no reviews; retrying wastes everyone's time.
            if (status === 429 || status === 503) throw new Error(`HTTP ${status}`);
            if (status >= 400) throw new NonRetryableError(`HTTP ${status}`);
            const contentType = ctx.response.headers['content-type'];
            const body = typeof ctx.body === 'string' ? ctx.body : decodeBody(ctx.body as Buffer, contentType);
            const url = request.loadedUrl ?? request.url;
            const role = (request.userData.role as CrawledPage['role']) ?? 'listing';
            const parsed = (ctx as unknown as RadarParsed).parsedPage;
            // Feeds arrive unparsed; extractPage recognises them.
            const extracted = parsed
              ? extractParsed(parsed, { url, recipe: source.recipe })
              : extractPage(body, { url, recipe: source.recipe });
            const next = await handle({
              url: request.url,
              loadedUrl: url,
              render: 'static',
              role,
              extracted,
              fetchedAt: new Date().toISOString(),
            });
            await ctx.addRequests([
              ...next.listings.map((u) => ({ url: u, userData: { role: 'listing' } })),
              ...next.profiles.map((u) => ({ url: u, userData: { role: 'profile' } })),
            ]);
          },
        },
        config,
      );
      if (robots) useRobots(crawler, robots);
      running.push(crawler);
      await crawler.run(startUrls.map((url) => ({ url, userData: { role: 'listing' } })));
      running.pop();
    } else {
      browserQueue.push(...startUrls);
    }

    if (browserQueue.length > 0 && !interrupted) {
      await runBrowser(browserQueue, options, common, handle, log, robots, running);
    }
  }
}

/** A crawl stopped by a signal before it finished. */
export class CrawlInterrupted extends Error {
  override name = 'CrawlInterrupted';
}

type Handle = (page: CrawledPage) => Promise<{ listings: string[]; profiles: string[] }>;

/** Waits until the page's DOM has changed from `size` and then stayed unchanged for half a second (or `timeoutMs`). */
async function settle(page: import('playwright').Page, size: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = size;
  let stableSince = 0;
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    const now = Number(await page.evaluate('document.body.innerHTML.length').catch(() => last));
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    } else if (last !== size && Date.now() - stableSince >= 500) {
      return;
    }
  }
}

function maxConcurrencyOf(options: RunCrawlOptions): number {
  return Math.max(1, Math.min(options.settings.concurrency, options.settings.perDomainConcurrency * hostCount(options.source.urls)));
}

async function runBrowser(
  urls: string[],
  options: RunCrawlOptions,
  common: Record<string, unknown>,
  handle: Handle,
  log: Logger,
  robots: RobotsLoader | undefined,
  running: { stop(reason?: string): void }[],
): Promise<void> {
  const { PlaywrightCrawler } = await import('@crawlee/playwright');
  const { chromium } = await import('playwright');
  const { source, settings } = options;
  const config = new Configuration({ persistStorage: false, purgeOnStart: true });
  const crawler = new PlaywrightCrawler(
    {
      ...common,
      maxConcurrency: Math.min(maxConcurrencyOf(options), 2),
      launchContext: {
        launcher: chromium,
        useChrome: false,
        userAgent: settings.userAgent,
        launchOptions: {
          executablePath: requireChromium(settings, `crawling ${source.id} in the browser`),
          args: CHROMIUM_ARGS,
          headless: true,
        },
      },
      // Browsers are recycled often and hold few pages: a long browser crawl keeps a flat memory profile.
      browserPoolOptions: {
        useFingerprints: false,
        retireBrowserAfterPageCount: 25,
        maxOpenPagesPerBrowser: 2,
        closeInactiveBrowserAfterSecs: 10,
      },
      preNavigationHooks: [
        async ({ page }) => {
          await page.route('**/*', (route) => (BLOCKED_RESOURCES.has(route.request().resourceType()) ? route.abort() : route.continue()));
        },
      ],
      requestHandler: async ({ page, request }) => {
        const role = (request.userData.role as CrawledPage['role']) ?? 'listing';
        await page.waitForLoadState('networkidle', { timeout: settings.timeoutSecs * 1000 }).catch(() => undefined);
        let html = await page.content();
        let url = page.url();
        let extracted = extractPage(html, { url, recipe: source.recipe });
        if (role === 'listing' && extracted.items.length === 0 && extracted.looksLikeReviews) {
          // Reviews fetched after load: give the page a moment to draw them.
          await page.waitForTimeout(1000);
          html = await page.content();
          extracted = extractPage(html, { url, recipe: source.recipe });
        }
        const button = source.recipe?.loadMore ?? extracted.loadMoreSelector;
        if (role === 'listing' && button) {
          // Load-more listings grow in place: click until the button goes or stops adding items.
          let misses = 0;
          for (let clicks = 0; clicks < MAX_LOAD_MORE_CLICKS && misses < 2; clicks++) {
            const target = page.locator(button).first();
            if (!(await target.isVisible().catch(() => false))) break;
            const before = extracted.items.length;
            const size = Number(await page.evaluate('document.body.innerHTML.length'));
            await target.click({ timeout: 5000 }).catch(() => undefined);
            await settle(page, size, settings.timeoutSecs * 1000);
            html = await page.content();
            extracted = extractPage(html, { url, recipe: source.recipe });
            // A slow page may need a second click (or a second wait) before it grows; two misses end it.
            misses = extracted.items.length > before ? 0 : misses + 1;
          }
        } else if (role === 'listing' && extracted.looksLikeReviews) {
          // Infinite scroll: scroll while the page keeps growing.
          let height = 0;
          for (let i = 0; i < MAX_LOAD_MORE_CLICKS; i++) {
            // A string runs in the page, where window and document exist.
            const next = Number(await page.evaluate('window.scrollTo(0, document.body.scrollHeight), document.body.scrollHeight'));
            if (next === height) break;
            height = next;
            await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
          }
          html = await page.content();
          url = page.url();
          extracted = extractPage(html, { url, recipe: source.recipe });
        }
        const next = await handle({
          url: request.url,
          loadedUrl: url,
          render: 'browser',
          role,
          extracted,
          fetchedAt: new Date().toISOString(),
        });
        await crawler.addRequests([
          ...next.listings.map((u) => ({ url: u, userData: { role: 'listing' } })),
          ...next.profiles.map((u) => ({ url: u, userData: { role: 'profile' } })),
        ]);
      },
    },
    config,
  );
  log.debug({ urls: urls.length }, 'browser crawl');
  if (robots) useRobots(crawler, robots);
  running.push(crawler);
  await crawler.run(urls.map((url) => ({ url, userData: { role: 'listing' }, uniqueKey: `browser:${url}` })));
  running.pop();
}

/**
 * Makes a crawler read robots.txt through our loader: Crawlee's own lets everything through when
 * robots.txt answers 5xx or cannot be reached, and fetches it with another User-Agent. Crawlee
 * asks `getRobotsTxtFileForUrl` (protected) both before each request and when enqueueing links.
 */
function useRobots(crawler: object, robots: RobotsLoader): void {
  (crawler as { getRobotsTxtFileForUrl: RobotsLoader }).getRobotsTxtFileForUrl = robots;
}
