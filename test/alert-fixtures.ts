/**
 * A small project for the alert tests: an own brand (Kettlecorp, product "kettle") and a
 * competitor (Boilco, product "boiler"), rows analysed by the real pipeline, and the report the
 * real builder makes of them. Test-only.
 */
import { createPipeline } from '../analyzers/pipeline.js';
import { parseConfig } from '../config/load.js';
import type { RadarConfig } from '../config/schema.js';
import type { CrawlRun } from '../domain/types.js';
import { buildReport } from '../reports/build-report.js';
import type { ReportData, ReportRow } from '../reports/model.js';
import { analysed } from '../reports/personas/fixture-rows.js';
import { reportProjectOf } from '../pipeline/report.js';
import type { DocumentInput } from '../domain/document.js';

/** The project file of the fixture, with the alerts section given. */
export function fixtureYaml(alerts = ''): string {
  return `project: alert-fixture
brands:
  - id: kettlecorp
    name: Kettlecorp
    own: true
    aliases: [KC]
    products:
      - id: kettle
        name: Kettlecorp Kettle
        sources: [{ id: kettle-shop, urls: ["http://shop.test/kettle"] }]
      - id: toaster
        name: Kettlecorp Toaster
        sources: [{ id: toaster-shop, urls: ["http://shop.test/toaster"] }]
  - id: boilco
    name: Boilco
    products:
      - id: boiler
        name: Boilco Boiler
        sources: [{ id: boiler-shop, urls: ["http://shop.test/boiler"] }]
sources:
  - id: forum
    kind: mentions
    urls: ["http://forum.test/feed.rss"]
${alerts}`;
}

/** The parsed fixture config (throws on a schema problem, with every problem). */
export function fixtureConfig(alerts = ''): RadarConfig {
  const parsed = parseConfig(fixtureYaml(alerts), 'fixture.yaml');
  if ('errors' in parsed) throw new Error(parsed.errors.join('\n'));
  return parsed.config;
}

const pipeline = createPipeline();
let n = 0;

/** An analysed review of a product. */
export function reviewRow(
  product: 'kettle' | 'toaster' | 'boiler',
  body: string,
  over: Partial<DocumentInput> & { stars?: number; firstSeen?: string } = {},
): ReportRow {
  const { stars, firstSeen, ...rest } = over;
  const brand = product === 'boiler' ? 'boilco' : 'kettlecorp';
  const row = analysed(
    {
      kind: 'review',
      origin: 'crawl',
      sourceId: `${product}-shop`,
      site: 'shop.test',
      url: `http://shop.test/${product}#r${++n}`,
      siteId: `r${n}`,
      brand,
      product,
      author: `Reviewer ${n}`,
      ...(stars !== undefined ? { rating: { value: stars, best: 5, worst: 1 } } : {}),
      body,
      lang: 'en',
      fetchedAt: firstSeen ?? '2026-03-01T00:00:00.000Z',
      ...rest,
    },
    pipeline,
  );
  return row;
}

/** An analysed forum mention. */
export function mentionRow(body: string, brands: string[], firstSeen = '2026-03-01T00:00:00.000Z'): ReportRow {
  return analysed(
    {
      kind: 'mention',
      origin: 'crawl',
      sourceId: 'forum',
      site: 'forum.test',
      url: `http://forum.test/t/${++n}`,
      siteId: `m${n}`,
      brand: brands[0],
      brands,
      author: `Poster ${n}`,
      body,
      lang: 'en',
      fetchedAt: firstSeen,
    },
    pipeline,
  );
}

/** The report the real builder makes of the rows. */
export function reportOf(config: RadarConfig, rows: ReportRow[], runs: CrawlRun[] = []): ReportData {
  return buildReport({
    project: reportProjectOf(config),
    rows,
    runs,
    now: '2026-03-02T00:00:00.000Z',
    personaSetId: 'fixture-set',
  }).report;
}

/** A finished crawl run of a source. */
export function runOf(sourceId: string, startedAt: string, stats: Partial<CrawlRun['stats']>, over: Partial<CrawlRun> = {}): CrawlRun {
  return {
    _id: `${startedAt.replace(/\D/g, '')}-${sourceId}`,
    sourceId,
    startedAt,
    finishedAt: startedAt,
    status: 'ok',
    stats: {
      pagesFetched: 5,
      pagesFailed: 0,
      pagesBlocked: 0,
      pagesSkipped: 0,
      documentsFound: 50,
      documentsNew: 0,
      documentsUpdated: 0,
      documentsUnchanged: 50,
      ...stats,
    },
    errors: [],
    ...over,
  };
}
