/**
 * The crawl job: runs one source's crawl and wires it to the store — documents upserted page by
 * page (so a failure later in the crawl never loses earlier pages), reviewer profiles recorded,
 * mentions linked to the brands they name, and a crawl-run record kept.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { RadarConfig } from '../config/schema.js';
import type { ResolvedSource } from '../config/load.js';
import type { CrawlRun } from '../domain/types.js';
import { runCrawl, type RunCrawlOptions } from '../crawlers/run-crawl.js';
import { pageAuthors, pageDocuments } from '../crawlers/page-documents.js';
import { createBrandLinker } from '../crawlers/brand-linker.js';
import { authorKeyOf, siteOf, type DocumentPolicy } from '../domain/document.js';
import type { Store } from '../storage/store.js';
import { forgottenAuthors, withForgetLock } from '../storage/forget.js';
import { stageLogger } from '../log/logger.js';
import { errorKind } from '../domain/errors.js';

/** Options of a crawl job. */
export interface CrawlJobOptions {
  /** Stop paging once a page yields only stored reviews (scheduled re-crawls). */
  incremental?: boolean;
  /** Override the source's render mode. */
  render?: 'static' | 'browser' | 'auto';
  /** Logger. */
  log?: Logger;
  /** Cross-worker politeness lease per fetch (service mode; see runCrawl). */
  acquireLease?: RunCrawlOptions['acquireLease'];
  /** Stops the crawl (a worker giving the job up). */
  signal?: AbortSignal;
  /**
   * Runs of this source still marked "running" were cut off (a crashed or stopped process): mark
   * them failed. Only when no other process can be crawling the source now (the embedded store's
   * lock, or a job recovering from its own earlier attempt).
   */
  closeStaleRuns?: boolean;
}

/**
 * After a page is written: anyone it wrote who was forgotten meanwhile (a `radar forget` that ran
 * between reading the list and writing) is removed again at once.
 */
async function forgetLateComers(store: Store, keys: (string | undefined)[], known: Set<string>, log: Logger): Promise<void> {
  const written = new Set(keys.filter((k): k is string => !!k));
  if (!written.size) return;
  const now = await forgottenAuthors(store);
  if (now.size === known.size) return;
  for (const key of written) {
    if (now.has(key) && !known.has(key)) {
      await withForgetLock(store, () => store.forgetAuthor(key));
      log.info({ author: key }, 'removed a reviewer forgotten while this page was being stored');
    }
  }
}

/** A new crawl-run id. */
export function newRunId(sourceId: string): string {
  return `${new Date()
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)}-${sourceId}-${randomBytes(3).toString('hex')}`;
}

/** Crawls one configured source into the store and records the run. */
export async function crawlSource(
  config: RadarConfig,
  store: Store,
  salt: string,
  target: ResolvedSource,
  options: CrawlJobOptions = {},
): Promise<CrawlRun> {
  const log = options.log ?? stageLogger('crawl').child({ source: target.source.id });
  const policy: DocumentPolicy = { salt, storeAuthorNames: config.privacy.storeAuthorNames, redactPII: config.privacy.redactPII };
  const link = createBrandLinker(config);
  const run: CrawlRun = {
    _id: newRunId(target.source.id),
    sourceId: target.source.id,
    brand: target.brand,
    product: target.product,
    startedAt: new Date().toISOString(),
    status: 'running',
    stats: {
      pagesFetched: 0,
      pagesFailed: 0,
      pagesBlocked: 0,
      pagesSkipped: 0,
      documentsFound: 0,
      documentsNew: 0,
      documentsUpdated: 0,
      documentsUnchanged: 0,
    },
    errors: [],
  };
  // People who asked to be forgotten (radar forget) are neither fetched nor stored again. The list is
  // read again for every page, and checked once more after the page is written: a forget that runs
  // while this crawl does must not be undone by it.
  let forgotten = await forgottenAuthors(store);
  const previous = await store.listRuns({ sourceId: target.source.id, limit: 20 });
  if (options.closeStaleRuns) {
    for (const stale of previous.filter((r) => r.status === 'running')) {
      stale.status = 'failed';
      stale.finishedAt ??= run.startedAt;
      stale.errors.push({
        url: target.source.urls[0] ?? '',
        message: 'interrupted: the crawl stopped before it finished (process stopped or crashed)',
        kind: 'interrupted',
      });
      await store.saveRun(stale);
    }
  }
  // An incremental crawl stops at the first page it knows; after a crawl that did not finish well,
  // the pages it never reached would stay unknown: page through everything instead.
  let incremental = options.incremental;
  const last = previous.find((r) => r.status !== 'running' || options.closeStaleRuns);
  if (incremental && last && last.status !== 'ok') {
    incremental = false;
    log.info(
      { lastRun: last._id, lastStatus: last.status },
      'the last crawl of this source did not finish well: paging through everything',
    );
  }
  await store.saveRun(run);
  let progressSavedAt = Date.now();
  const profiled = new Map<string, boolean>();
  // What this crawl already stored of each reviewer (their facts without timestamps): a reviewer met
  // again on another page with nothing new is not written again.
  const authorsWritten = new Map<string, string>();

  try {
    const outcome = await runCrawl({
      source: target.source,
      settings: config.crawl,
      incremental,
      render: options.render,
      log,
      acquireLease: options.acquireLease,
      signal: options.signal,
      wantProfile: async (url) => {
        const key = authorKeyOf(salt, siteOf(url), url)!;
        if (forgotten.has(key)) return false;
        if (!profiled.has(key)) {
          const [known] = await store.getAuthors([key]);
          profiled.set(key, !!(known?.location || known?.reviewCount));
        }
        return !profiled.get(key);
      },
      onPage: async (page) => {
        forgotten = await forgottenAuthors(store);
        const facts = new Map<string, string>();
        const authors = pageAuthors(page, policy, config.privacy.storeAuthorNames).filter((a) => {
          if (forgotten.has(a._id)) return false;
          const { firstSeenAt: _first, updatedAt: _updated, ...rest } = a;
          const known = JSON.stringify(rest);
          if (authorsWritten.get(a._id) === known) return false;
          facts.set(a._id, known);
          return true;
        });
        // Reviewer profiles are written alongside the page's documents (two collections, so the two
        // durable writes overlap instead of queueing one behind the other).
        const authorsSaved = authors.length ? store.upsertAuthors(authors) : Promise.resolve();
        // Not left unhandled while the documents are worked out; awaited below. Only a profile that
        // was written counts as written (a failed page is retried and must write it again).
        authorsSaved.then(
          () => {
            for (const [key, known] of facts) authorsWritten.set(key, known);
          },
          () => undefined,
        );
        if (page.extracted.aggregate?.reviewCount && page.role === 'listing') {
          run.stats.listedCount = Math.max(run.stats.listedCount ?? 0, page.extracted.aggregate.reviewCount);
        }
        let docs = pageDocuments(page, target, policy, link, run._id);
        if (forgotten.size) docs = docs.filter((d) => !d.authorKey || !forgotten.has(d.authorKey));
        if (!docs.length) {
          await authorsSaved;
          await forgetLateComers(
            store,
            authors.map((a) => a._id),
            forgotten,
            log,
          );
          return { allKnown: false };
        }
        const [, result] = await Promise.all([authorsSaved, store.upsertDocuments(docs)]);
        await forgetLateComers(store, [...docs.map((d) => d.authorKey), ...authors.map((a) => a._id)], forgotten, log);
        run.stats.documentsFound += docs.length;
        run.stats.documentsNew += result.inserted.length;
        run.stats.documentsUpdated += result.updated.length;
        run.stats.documentsUnchanged += result.unchanged;
        log.debug({ url: page.url, found: docs.length, new: result.inserted.length }, 'page stored');
        // `radar runs` shows a long crawl's progress, not zeros until it ends.
        if (Date.now() - progressSavedAt > 5_000) {
          progressSavedAt = Date.now();
          await store.saveRun(run);
        }
        return { allKnown: result.inserted.length === 0 && result.updated.length === 0 };
      },
    });
    run.stats.pagesFetched = outcome.pagesFetched;
    run.stats.pagesFailed = outcome.pagesFailed;
    run.stats.pagesBlocked = outcome.pagesBlocked;
    run.stats.pagesSkipped = outcome.pagesSkipped;
    run.errors = outcome.errors;
    const bad = outcome.pagesFailed + outcome.pagesBlocked;
    run.status = bad === 0 ? 'ok' : outcome.pagesFetched > bad ? 'partial' : 'failed';
  } catch (err) {
    run.status = 'failed';
    run.errors.push({ url: target.source.urls[0] ?? '', message: (err as Error).message, kind: errorKind(err) });
    throw err;
  } finally {
    run.finishedAt = new Date().toISOString();
    await store.saveRun(run);
  }
  log.info(
    {
      pages: run.stats.pagesFetched,
      failed: run.stats.pagesFailed,
      found: run.stats.documentsFound,
      new: run.stats.documentsNew,
      updated: run.stats.documentsUpdated,
    },
    'crawl finished',
  );
  return run;
}
