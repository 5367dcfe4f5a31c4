/**
 * One crawl's shared state and rules, handed to the static and the browser crawler alike: the page
 * budget, which listing and profile pages to follow, the run's counts and per-page problems (each
 * with its kind), politeness leases, and the Crawlee options both crawlers share (retry policy,
 * robots.txt, failures). The crawlers themselves only fetch and extract.
 */
import type { Request } from '@crawlee/core';
import type { Logger } from 'pino';
import type { RadarConfig, SourceConfig } from '../config/schema.js';
import { withoutCredentials } from '../domain/document.js';
import type { ErrorKind } from '../domain/errors.js';
import type { ExtractedPage } from './extract/types.js';
import { backoffMs, pageErrorKind, retryAfterMs, shouldRetryPage } from './retry-policy.js';
import type { RobotsLoader } from './robots.js';
import { AddressPolicy } from './net/address-policy.js';
import { GuardedHttpClient } from './net/guarded-http-client.js';

/** Crawler settings shared by all sources (the `crawl` section of the config). */
export type CrawlSettings = RadarConfig['crawl'];

/** How a page was fetched. */
export type RenderMode = 'static' | 'browser';

/** What a page is to the crawl: a listing of reviews/posts, or a reviewer's profile. */
export type PageRole = 'listing' | 'profile';

/** A fetched page and what extraction found on it. */
export interface CrawledPage {
  /** URL as requested. */
  url: string;
  /** URL after redirects. */
  loadedUrl: string;
  /** How it was fetched. */
  render: RenderMode;
  /** "listing" for review/feed pages, "profile" for reviewer profiles. */
  role: PageRole;
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
  /** Stops the crawl where it is (a worker giving its job up); the crawl then throws InterruptedError. */
  signal?: AbortSignal;
}

/** One page's problem, with its kind. */
export interface PageProblem {
  /** The page. */
  url: string;
  /** What went wrong, in words a user can act on. */
  message: string;
  /** What went wrong, for programs (retry decisions). */
  kind: ErrorKind;
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
  errors: PageProblem[];
}

/** Listing and profile pages a page leads to. */
export interface NextPages {
  /** Further listing pages (pagination). */
  listings: string[];
  /** Reviewer profile pages. */
  profiles: string[];
}

/** A crawler the plan runs and can stop (Crawlee's static or browser crawler). */
interface Stoppable {
  run(requests: { url: string; label: PageRole; uniqueKey?: string }[]): Promise<unknown>;
  stop(reason?: string): void;
}

/** Response headers of the static crawler (an object) or of Playwright (a method). */
function headersOf(response: unknown): Record<string, string | string[] | undefined> {
  const h = (response as { headers?: unknown } | undefined)?.headers;
  if (typeof h === 'function') return (h as () => Record<string, string>).call(response);
  return (h as Record<string, string | string[] | undefined> | undefined) ?? {};
}

const MAX_ERRORS = 200;

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

function sameSite(a: string, b: string): boolean {
  try {
    return new URL(a).host === new URL(b).host;
  } catch {
    return false;
  }
}

/** The shared state and rules of one crawl of one source. */
export class CrawlPlan {
  /** Counts and problems so far. */
  readonly outcome: CrawlOutcome = { pagesFetched: 0, pagesFailed: 0, pagesBlocked: 0, pagesSkipped: 0, errors: [] };
  /** Listing pages that looked like JavaScript-drawn reviews: the browser takes them next. */
  readonly browserQueue: string[] = [];
  /** Most pages fetched at once: per-host politeness caps the crawl's concurrency. */
  readonly maxConcurrency: number;
  /** Render mode of this crawl. */
  readonly render: SourceConfig['render'];
  /** Why the crawl was stopped before it finished, if it was. */
  interrupted?: string;
  private listingBudget: number;
  private readonly seenListings = new Set<string>();
  private readonly seenProfiles = new Set<string>();
  /** Where this crawl may connect (its own hosts may be loopback or private). */
  readonly policy: AddressPolicy;
  /** The HTTP client of this crawl (static pages, and every request the browser makes). */
  readonly client: GuardedHttpClient;
  private readonly leases = new Map<string, () => Promise<void>>();
  private readonly running: Stoppable[] = [];
  // Why a request failed, when our own code knows better than the error Crawlee sees (the browser
  // only reports a failed navigation when our client refused the page).
  private readonly knownFailures = new Map<string, Error>();

  /** Creates the plan of one crawl. */
  constructor(
    readonly options: RunCrawlOptions,
    readonly log: Logger,
    readonly robots: RobotsLoader | undefined,
  ) {
    const { source, settings } = options;
    this.render = options.render ?? source.render;
    this.listingBudget = source.maxPages;
    this.maxConcurrency = Math.max(1, Math.min(settings.concurrency, settings.perDomainConcurrency * hostCount(source.urls)));
    this.policy = AddressPolicy.forUrls(source.urls, settings.allowPrivateNetworks);
    this.client = new GuardedHttpClient({
      policy: this.policy,
      robots,
      userAgent: settings.userAgent,
      maxBytes: settings.maxPageBytes,
      timeoutMs: settings.timeoutSecs * 1000,
    });
  }

  /** Remembers why a request failed (the browser sees only "navigation failed"). */
  noteFailure(uniqueKey: string, err: Error): void {
    this.knownFailures.set(uniqueKey, err);
  }

  /** The error a request failed with: what our code noted, else what Crawlee saw. */
  private failureOf(request: Request, error: Error): Error {
    return this.knownFailures.get(request.uniqueKey) ?? error;
  }

  /** Records a page's problem with the run (bounded). */
  fail(url: string, message: string, kind: ErrorKind): void {
    if (this.outcome.errors.length < MAX_ERRORS) this.outcome.errors.push({ url: withoutCredentials(url), message, kind });
  }

  /** The start URLs, deduplicated and counted against the page budget. */
  startUrls(): string[] {
    return this.options.source.urls.filter((u) => {
      if (this.seenListings.has(u)) return false;
      this.seenListings.add(u);
      this.listingBudget--;
      return true;
    });
  }

  /** Crawlee requests for the pages a page leads to, labelled by role (the crawlers' routers). */
  private requestsFor(next: NextPages): { url: string; label: PageRole }[] {
    return [
      ...next.listings.map((url) => ({ url, label: 'listing' as const })),
      ...next.profiles.map((url) => ({ url, label: 'profile' as const })),
    ];
  }

  /** Takes a politeness lease before a fetch (a Crawlee pre-navigation hook). */
  readonly takeLease = async ({ request }: { request: Request }): Promise<void> => {
    if (this.options.acquireLease) this.leases.set(request.uniqueKey, await this.options.acquireLease(request.url));
  };

  /** Gives a lease back after the response or the error. */
  readonly returnLease = async ({ request }: { request: Request }): Promise<void> => {
    const release = this.leases.get(request.uniqueKey);
    this.leases.delete(request.uniqueKey);
    await release?.();
  };

  /**
   * Handles one page fetched now (static or rendered) and queues the listing and profile pages it
   * leads to through the crawler's `addRequests`.
   */
  async visit(
    page: Omit<CrawledPage, 'fetchedAt'>,
    addRequests: (requests: { url: string; label: PageRole }[]) => Promise<unknown>,
  ): Promise<void> {
    const next = await this.handle({ ...page, fetchedAt: new Date().toISOString() });
    await addRequests(this.requestsFor(next));
  }

  /** Handles one page's extraction; returns the listing and profile pages to visit next. */
  async handle(page: CrawledPage): Promise<NextPages> {
    this.outcome.pagesFetched++;
    try {
      return await this.handlePage(page);
    } catch (err) {
      // The page will be retried (or fail): it counts once, when it is done.
      this.outcome.pagesFetched--;
      throw err;
    }
  }

  private async handlePage(page: CrawledPage): Promise<NextPages> {
    const { source, incremental, onPage, wantProfile } = this.options;
    const ex = page.extracted;
    const none: NextPages = { listings: [], profiles: [] };
    if (ex.blocked) {
      this.outcome.pagesBlocked++;
      this.fail(page.url, 'looks like a block or captcha page; nothing extracted', 'blocked');
      return none;
    }
    if (page.role === 'listing' && page.render === 'static' && this.render === 'auto' && ex.items.length === 0 && ex.looksLikeReviews) {
      // Reviews that only appear after JavaScript runs: hand the page to the browser.
      this.browserQueue.push(page.url);
      this.outcome.pagesFetched--;
      return none;
    }
    if (ex.unreadableJsonLd) {
      // Not a failed page (what could be read is kept), but reviews may be missing: said with the run.
      const n = ex.unreadableJsonLd;
      this.fail(
        page.url,
        `${n} structured-data (JSON-LD) block${n > 1 ? 's' : ''} on the page could not be read (cut off or not JSON): reviews in ${n > 1 ? 'them' : 'it'} are missing`,
        'input',
      );
    }
    // Problems reading the page that lose items (a malformed JSON document, data too large to read whole).
    for (const problem of ex.problems ?? []) this.fail(page.url, problem, 'input');
    const verdict = await onPage(page);
    const listings: string[] = [];
    const stopPaging = incremental && verdict.allKnown && ex.items.length > 0;
    if (page.role === 'listing' && !stopPaging) {
      for (const next of ex.nextPages) {
        if (!sameSite(next, page.loadedUrl) || this.seenListings.has(next)) continue;
        if (this.listingBudget <= 0) {
          this.outcome.pagesSkipped++;
          continue;
        }
        this.seenListings.add(next);
        this.listingBudget--;
        listings.push(next);
      }
    }
    const profiles: string[] = [];
    if (source.profiles) {
      for (const link of [...ex.profileLinks, ...ex.items.map((i) => i.authorUrl).filter((u): u is string => !!u)]) {
        if (this.seenProfiles.has(link) || !sameSite(link, page.loadedUrl)) continue;
        this.seenProfiles.add(link);
        if (wantProfile && !(await wantProfile(link))) continue;
        profiles.push(link);
      }
    }
    return { listings, profiles };
  }

  /** Crawlee options both crawlers share: retries decided by error kind, robots.txt, failures, leases. */
  crawlerOptions() {
    const { settings, source } = this.options;
    return {
      maxRequestRetries: settings.maxRetries,
      navigationTimeoutSecs: settings.timeoutSecs,
      requestHandlerTimeoutSecs: Math.max(60, settings.timeoutSecs * 2),
      maxConcurrency: this.maxConcurrency,
      // Crawlee polls for new work every 0.5 s by default; a short poll ends small crawls (and previews) sooner.
      autoscaledPoolOptions: { maybeRunIntervalSecs: 0.05 },
      // Without proxies, rotating sessions on 403/429 only hammers the site; our own rules decide retries.
      useSessionPool: false,
      preNavigationHooks: [this.takeLease],
      postNavigationHooks: [this.returnLease],
      // Called before a retry: errors of a kind a retry cannot fix are not retried; the others back
      // off exponentially, longer when the server said so (429/503 Retry-After).
      errorHandler: async (ctx: { request: Request; response?: unknown }, seen: Error) => {
        await this.returnLease(ctx);
        const error = this.failureOf(ctx.request, seen);
        // robots.txt is read once per crawl: a page it kept out stays out until the next crawl.
        if (!shouldRetryPage(error) || pageErrorKind(error) === 'robots' || this.interrupted) {
          // The failure handler comes next and reports the noted error.
          ctx.request.noRetry = true;
          return;
        }
        this.knownFailures.delete(ctx.request.uniqueKey);
        const wait = backoffMs(ctx.request.retryCount + 1, retryAfterMs(headersOf(ctx.response)['retry-after']));
        this.log.info(
          { url: ctx.request.url, err: error.message.split('\n')[0], attempt: ctx.request.retryCount + 1, wait },
          'retrying page',
        );
        await new Promise((ok) => setTimeout(ok, wait));
      },
      sameDomainDelaySecs: settings.delayMs / 1000,
      onSkippedRequest: async ({ url, reason }: { url: string; reason: string }) => {
        // A site whose robots.txt cannot be read cannot be crawled: that is a failed page with its
        // cause, not a polite skip (a dead site must not come out as an "ok" run).
        const down = reason === 'robotsTxt' ? this.robots?.unreachable(url) : undefined;
        if (down) {
          this.outcome.pagesFailed++;
          this.fail(url, `not fetched: the site's robots.txt could not be read (${down})`, 'robots');
          return;
        }
        this.outcome.pagesSkipped++;
        if (reason === 'robotsTxt') {
          this.log.info({ url }, 'skipped: disallowed by robots.txt');
          // Named with the run (not a failure): a source whose pages the site disallows must not look like an empty success.
          this.fail(
            url,
            "not fetched: the site's robots.txt disallows it (sources.robots: ignore only where you may crawl anyway)",
            'robots',
          );
        }
      },
      failedRequestHandler: async ({ request }: { request: Request }, seen: Error) => {
        await this.returnLease({ request });
        const error = this.failureOf(request, seen);
        this.knownFailures.delete(request.uniqueKey);
        this.outcome.pagesFailed++;
        const message = error.message.split('\n')[0] ?? String(error);
        this.fail(request.url, message, pageErrorKind(error));
        this.log.warn({ url: request.url, err: message }, 'page failed');
      },
      respectRobotsTxtFile: source.robots === 'respect' ? { userAgent: settings.userAgent } : false,
    };
  }

  /** Runs a crawler over start requests; `stop()` reaches it while it runs. */
  async run(crawler: Stoppable, requests: { url: string; label: PageRole; uniqueKey?: string }[]): Promise<void> {
    this.running.push(crawler);
    try {
      await crawler.run(requests);
    } finally {
      this.running.splice(this.running.indexOf(crawler), 1);
    }
  }

  /** Stops the crawl where it is; the crawl then ends as interrupted. */
  stop(reason: string): void {
    this.interrupted ??= reason;
    for (const c of this.running) c.stop('The crawl was stopped.');
    this.client.abort();
    for (const hook of this.onStop) hook();
  }

  /** What else to do when the crawl stops (the browser crawl closes its browsers). */
  readonly onStop: (() => void)[] = [];

  /** Frees the crawl's connections. */
  async close(): Promise<void> {
    await this.client.close();
  }
}
