/**
 * The browser side of a crawl: pages rendered by the system Chromium through Crawlee's
 * PlaywrightCrawler, for reviews that only appear after JavaScript runs. Load-more buttons are
 * clicked and infinite scroll is scrolled until the listing stops growing. Loaded only when a crawl
 * needs a browser, so static crawls never load Playwright.
 */
import {
  createPlaywrightRouter,
  PlaywrightCrawler,
  type PlaywrightCrawlerOptions,
  type PlaywrightCrawlingContext,
} from '@crawlee/playwright';
import { Configuration } from '@crawlee/core';
import { chromium, type Page } from 'playwright';
import { CHROMIUM_ARGS, requireChromium } from '../config/chromium.js';
import { extractPage } from './extract/extract-page.js';
import type { ExtractedPage } from './extract/types.js';
import type { RobotsLoader } from './robots.js';
import type { CrawlPlan, PageRole } from './crawl-plan.js';
import { PageTraffic } from './browser-traffic.js';

/** Most "load more" clicks or scroll steps on one page. */
const MAX_LOAD_MORE_CLICKS = 50;
/** Longest time spent growing one page by clicks or scrolling, in ms. */
const MAX_GROW_MS = 120_000;

/** Options of the browser crawler: Crawlee's plus our robots.txt loader. */
export interface RadarPlaywrightCrawlerOptions extends PlaywrightCrawlerOptions {
  /** Reads robots.txt the RFC 9309 way; unset when the source ignores robots.txt. */
  robots?: RobotsLoader;
}

/** The browser crawler of Review Radar: PlaywrightCrawler reading robots.txt through our loader. */
export class RadarPlaywrightCrawler extends PlaywrightCrawler {
  private readonly robots?: RobotsLoader;

  /** Creates the crawler; `config` gives it its own storage (one queue per crawl). */
  constructor(options: RadarPlaywrightCrawlerOptions, config?: Configuration) {
    const { robots, ...rest } = options;
    super({ ...rest, respectRobotsTxtFile: rest.respectRobotsTxtFile ?? !!robots }, config);
    this.robots = robots;
  }

  // See RadarCheerioCrawler: Crawlee asks here before each request and when enqueueing links.
  protected override async getRobotsTxtFileForUrl(url: string): ReturnType<PlaywrightCrawler['getRobotsTxtFileForUrl']> {
    if (!this.robots) return super.getRobotsTxtFileForUrl(url);
    return (await this.robots(url)) as Awaited<ReturnType<PlaywrightCrawler['getRobotsTxtFileForUrl']>>;
  }
}

/** Waits until the page's DOM has changed from `size` and then stayed unchanged for half a second (or `timeoutMs`). */
async function settle(page: Page, size: number, timeoutMs: number): Promise<void> {
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

/** Renders a listing page and grows it: waits for late reviews, clicks "load more", scrolls. */
async function renderListing(page: Page, plan: CrawlPlan, traffic: PageTraffic): Promise<{ url: string; extracted: ExtractedPage }> {
  const { source, settings } = plan.options;
  const url = () => traffic.finalUrl ?? page.url();
  const extract = async () => traffic.merge(extractPage(await page.content(), { url: url(), recipe: source.recipe }));
  let extracted = await extract();
  if (extracted.items.length === 0 && extracted.looksLikeReviews) {
    // Reviews fetched after load: give the page a moment to draw them.
    await page.waitForTimeout(1000);
    extracted = await extract();
  }
  const button = source.recipe?.loadMore ?? extracted.loadMoreSelector;
  const deadline = Date.now() + MAX_GROW_MS;
  if (button) {
    // Load-more listings grow in place: click until the button goes or stops adding items.
    let misses = 0;
    for (let clicks = 0; clicks < MAX_LOAD_MORE_CLICKS && misses < 2 && Date.now() < deadline && !plan.interrupted; clicks++) {
      const target = page.locator(button).first();
      if (!(await target.isVisible().catch(() => false))) break;
      const before = extracted.items.length;
      const size = Number(await page.evaluate('document.body.innerHTML.length'));
      await target.click({ timeout: 5000 }).catch(() => undefined);
      await settle(page, size, settings.timeoutSecs * 1000);
      extracted = await extract();
      // A slow page may need a second click (or a second wait) before it grows; two misses end it.
      misses = extracted.items.length > before ? 0 : misses + 1;
    }
  } else if (extracted.looksLikeReviews) {
    // Infinite scroll: scroll while the page keeps growing.
    let height = 0;
    for (let i = 0; i < MAX_LOAD_MORE_CLICKS && Date.now() < deadline && !plan.interrupted; i++) {
      // A string runs in the page, where window and document exist.
      const next = Number(await page.evaluate('window.scrollTo(0, document.body.scrollHeight), document.body.scrollHeight'));
      if (next === height) break;
      height = next;
      await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
    }
    extracted = await extract();
  }
  return { url: url(), extracted };
}

/** Crawls `urls` (and the listing and profile pages they lead to) in Chromium. */
export async function crawlInBrowser(urls: string[], plan: CrawlPlan): Promise<void> {
  const { source, settings } = plan.options;
  const router = createPlaywrightRouter();
  const traffic = new WeakMap<Page, PageTraffic>();
  const visit = (role: PageRole) => async (ctx: PlaywrightCrawlingContext) => {
    const { page, request } = ctx;
    await page.waitForLoadState('networkidle', { timeout: settings.timeoutSecs * 1000 }).catch(() => undefined);
    const seen = traffic.get(page) ?? new PageTraffic();
    const here = seen.finalUrl ?? page.url();
    const { url, extracted } =
      role === 'listing'
        ? await renderListing(page, plan, seen)
        : { url: here, extracted: extractPage(await page.content(), { url: here, recipe: source.recipe }) };
    await plan.visit({ url: request.url, loadedUrl: url, render: 'browser', role, extracted }, (requests) => ctx.addRequests(requests));
  };
  router.addHandler('listing', visit('listing'));
  router.addHandler('profile', visit('profile'));

  const crawler = new RadarPlaywrightCrawler(
    {
      ...plan.crawlerOptions(),
      maxConcurrency: Math.min(plan.maxConcurrency, 2),
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
        plan.takeLease,
        async ({ page, request }) => {
          traffic.set(page, await PageTraffic.attach(page, plan, (err) => plan.noteFailure(request.uniqueKey, err)));
        },
      ],
      requestHandler: router,
      robots: plan.robots,
    },
    new Configuration({ persistStorage: false, purgeOnStart: true }),
  );
  // Stopped (SIGTERM, the worker): pages in flight are given up and no browser is launched again.
  plan.onStop.push(() => {
    void crawler.browserPool.destroy().catch(() => undefined);
  });
  plan.log.debug({ urls: urls.length }, 'browser crawl');
  await plan.run(
    crawler,
    urls.map((url) => ({ url, label: 'listing', uniqueKey: `browser:${url}` })),
  );
}
