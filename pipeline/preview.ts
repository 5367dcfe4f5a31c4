/**
 * Preview (a scraping tool's "detect data"): fetch a source's pages, extract, and hand back each
 * page's documents and the strategies that found them — storing nothing. `radar crawl --dry-run`
 * and the web app's preview both run this one function.
 */
import type { ResolvedSource } from '../config/load.js';
import type { RadarConfig, SourceConfig } from '../config/schema.js';
import type { RadarDocument } from '../domain/types.js';
import { createBrandLinker } from '../crawlers/brand-linker.js';
import { runCrawl, type CrawlOutcome } from '../crawlers/run-crawl.js';
import type { ExtractedPage, StrategyName } from '../crawlers/extract/types.js';
import { newSalt } from '../privacy/author-key.js';
import { pageDocuments } from '../crawlers/page-documents.js';

/** One previewed page. */
export interface PreviewPage {
  /** URL as requested. */
  url: string;
  /** URL after redirects. */
  loadedUrl: string;
  /** How it was fetched (static or browser). */
  render: string;
  /** Listing page or reviewer profile. */
  role: 'listing' | 'profile';
  /** Strategies that found items (JSON-LD, microdata, embedded JSON, recipe, auto-detection, feed, thread). */
  strategies: StrategyName[];
  /** The documents the page would store. */
  documents: RadarDocument[];
  /** Review count the page states, when it states one. */
  listedCount?: number;
  /** Whether the page looked like a captcha or bot check. */
  blocked: boolean;
  /** Everything extraction found on the page, with where each item came from (`--explain`). */
  extracted: ExtractedPage;
}

/** Options of a preview. */
export interface PreviewOptions {
  /** Overrides the source's render mode. */
  render?: SourceConfig['render'];
  /** Receives each page as soon as it is extracted. */
  onPage?(page: PreviewPage): void | Promise<void>;
  /** Stops the preview. */
  signal?: AbortSignal;
}

/** Extracts a source's pages without storing anything; returns the crawl outcome (pages, failures, reasons). */
export async function previewSource(
  config: RadarConfig,
  target: ResolvedSource,
  options: PreviewOptions = {},
): Promise<CrawlOutcome & { pages: PreviewPage[] }> {
  // A throwaway salt: previewed reviewers get keys no stored document can be matched with.
  const policy = {
    salt: config.privacy.authorSalt ?? newSalt(),
    storeAuthorNames: config.privacy.storeAuthorNames,
    redactPII: config.privacy.redactPII,
  };
  const link = createBrandLinker(config);
  const pages: PreviewPage[] = [];
  const outcome = await runCrawl({
    source: target.source,
    settings: config.crawl,
    render: options.render,
    signal: options.signal,
    onPage: async (page) => {
      const preview: PreviewPage = {
        url: page.url,
        loadedUrl: page.loadedUrl,
        render: page.render,
        role: page.role,
        strategies: page.extracted.strategies,
        documents: pageDocuments(page, target, policy, link),
        blocked: page.extracted.blocked,
        extracted: page.extracted,
      };
      if (page.extracted.aggregate?.reviewCount) preview.listedCount = page.extracted.aggregate.reviewCount;
      pages.push(preview);
      await options.onPage?.(preview);
      return { allKnown: false };
    },
  });
  return { ...outcome, pages };
}
