/**
 * Running one crawl of one source: static pages through RadarCheerioCrawler, and the pages that
 * need JavaScript through the browser crawl (crawlers/browser-crawl.ts, loaded only then). Every
 * crawl gets its own Crawlee Configuration with in-memory storage, so two crawls in one process
 * never share (or steal from) a request queue. Page roles (listing, profile) are Crawlee router labels.
 *
 * The runner extracts and reports pages to a sink; it knows nothing about storage. The sink's
 * verdict ("everything on this page was already stored") stops incremental paging.
 */
import { createCheerioRouter, type CheerioCrawlingContext } from '@crawlee/cheerio';
import { Configuration, log as crawleeLog, LogLevel } from '@crawlee/core';
import { InterruptedError } from '../domain/errors.js';
import { stageLogger } from '../log/logger.js';
import { CrawlPlan, type CrawlOutcome, type PageRole, type RunCrawlOptions } from './crawl-plan.js';
import { decodeBody } from './extract/decode.js';
import { extractPage, extractParsed } from './extract/extract-page.js';
import { RadarCheerioCrawler, type RadarParsed } from './radar-cheerio-crawler.js';
import { statusError } from './retry-policy.js';
import { robotsLoader } from './robots.js';

export type {
  CrawledPage,
  CrawlOutcome,
  CrawlSettings,
  PageProblem,
  PageRole,
  PageVerdict,
  RenderMode,
  RunCrawlOptions,
} from './crawl-plan.js';

/** Content types the static crawler reads besides HTML: feeds and plain text. */
const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/x-rss+xml',
  'application/x-atom+xml',
  'text/plain',
];

/** Every 5xx status. */
const SERVER_ERRORS = Array.from({ length: 100 }, (_, i) => 500 + i);

// Crawlee logs through console.log at INFO; keep stdout clean for JSONL output.
crawleeLog.setLevel(process.env.RADAR_LOG_LEVEL === 'debug' ? LogLevel.DEBUG : LogLevel.OFF);

/** Runs one crawl of one source and reports every page to the sink. */
export async function runCrawl(options: RunCrawlOptions): Promise<CrawlOutcome> {
  const { source, settings } = options;
  const log = options.log ?? stageLogger('crawl').child({ source: source.id });
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
  const plan = new CrawlPlan(options, log, robots);

  // Crawlee stops a crawl on SIGINT (Ctrl-C) and returns as if it had finished: remember that it
  // did not, so the run is not recorded as complete (an incremental crawl would then never reach
  // the pages it skipped). SIGTERM stops it the same way, at once: no new page, no new browser.
  // Under a worker (a signal passed), the worker owns the process's signals and aborts instead.
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal exits at once, as Crawlee promises when it stops on the first.
    if (plan.interrupted === signal) process.exit(signal === 'SIGINT' ? 130 : 143);
    plan.stop(signal);
  };
  // A stop asked for by the job (its worker lost the job or shuts down).
  const onAbort = () => plan.stop('stopped by its worker');
  process.on('SIGINT', onSignal);
  if (!options.signal) process.on('SIGTERM', onSignal);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (options.signal?.aborted) onAbort();
    else await crawlAll(plan);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    options.signal?.removeEventListener('abort', onAbort);
    await plan.close();
  }
  if (plan.interrupted) {
    throw new InterruptedError(
      `the crawl was interrupted (${plan.interrupted}) after ${plan.outcome.pagesFetched} pages; the next crawl of this source pages through everything`,
    );
  }
  return plan.outcome;
}

async function crawlAll(plan: CrawlPlan): Promise<void> {
  const startUrls = plan.startUrls();
  if (plan.render !== 'browser') await crawlStatic(startUrls, plan);
  else plan.browserQueue.push(...startUrls);
  if (plan.browserQueue.length > 0 && !plan.interrupted) {
    const { crawlInBrowser } = await import('./browser-crawl.js');
    await crawlInBrowser(plan.browserQueue, plan);
  }
}

/** Crawls `urls` (and the pages they lead to) without a browser. */
async function crawlStatic(urls: string[], plan: CrawlPlan): Promise<void> {
  const { source, settings } = plan.options;
  const router = createCheerioRouter();
  const visit = (role: PageRole) => async (ctx: CheerioCrawlingContext) => {
    const { request } = ctx;
    // 429 and 503 say "later" (retried after Retry-After); other 4xx pages hold no reviews.
    const failure = statusError(ctx.response.statusCode ?? 200);
    if (failure) throw failure;
    const contentType = ctx.response.headers['content-type'];
    const body = typeof ctx.body === 'string' ? ctx.body : decodeBody(ctx.body as Buffer, contentType);
    const url = request.loadedUrl ?? request.url;
    const parsed = (ctx as unknown as RadarParsed).parsedPage;
    // Feeds arrive unparsed; extractPage recognises them.
    const extracted = parsed ? extractParsed(parsed, { url, recipe: source.recipe }) : extractPage(body, { url, recipe: source.recipe });
    await plan.visit({ url: request.url, loadedUrl: url, render: 'static', role, extracted }, (requests) => ctx.addRequests(requests));
  };
  router.addHandler('listing', visit('listing'));
  router.addHandler('profile', visit('profile'));

  const crawler = new RadarCheerioCrawler(
    {
      ...plan.crawlerOptions(),
      maxPageBytes: settings.maxPageBytes,
      additionalMimeTypes: FEED_TYPES,
      // Crawlee would throw its own untyped error on 5xx; the handler turns every status into a kinded error.
      ignoreHttpErrorStatusCodes: SERVER_ERRORS,
      // Connections checked against the address policy; redirects followed hop by hop with robots.txt.
      httpClient: plan.client,
      preNavigationHooks: [
        plan.takeLease,
        (_ctx, gotOptions) => {
          gotOptions.headers = { ...gotOptions.headers, 'user-agent': settings.userAgent };
        },
      ],
      requestHandler: router,
      robots: plan.robots,
    },
    new Configuration({ persistStorage: false, purgeOnStart: true }),
  );
  await plan.run(
    crawler,
    urls.map((url) => ({ url, label: 'listing' })),
  );
}
