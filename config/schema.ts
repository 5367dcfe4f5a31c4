/**
 * The project file (`radar.yaml`) as a zod schema. Every key carries a description: it feeds the
 * generated JSON Schema (editor completion) and the README's configuration reference.
 */
import { createRequire } from 'node:module';
import { z } from 'zod';
import { CronExpressionParser } from 'cron-parser';
import { AlertsSchema } from './alerts-schema.js';
import { DEFAULT_MAX_TEXT_CHARS, MAX_PAGES } from '../domain/limits.js';
import { ASPECT_DOMAIN_IDS } from '../domain/aspect-domains.js';

// cheerio's own selector engine, so a recipe is checked by the rules it will run under; loaded only
// when a recipe is checked.
let cheerioSelect: { select(selector: string, root: unknown[]): unknown } | undefined;

/** Why a CSS selector cannot be used by the static crawler, or undefined when it can. */
function selectorProblem(selector: string): string | undefined {
  if (selector.trim() === ':scope') return undefined;
  cheerioSelect ??= createRequire(import.meta.url)('cheerio-select') as { select(selector: string, root: unknown[]): unknown };
  try {
    cheerioSelect.select(selector, []);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** A CSS selector, checked when the config is read rather than silently matching nothing. */
const selector = (min = 1) =>
  (min ? z.string().min(min) : z.string()).superRefine((value, ctx) => {
    const problem = value ? selectorProblem(value) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: `not a valid CSS selector: ${problem}` });
  });

const ID = /^[a-z0-9][a-z0-9_-]*$/;

/** A lower-case id: letters, digits, dashes and underscores. */
const id = (what: string) =>
  z
    .string()
    .regex(ID, `must be a lower-case id of letters, digits, "-" or "_" (e.g. "acme-kettle")`)
    .describe(`Stable ${what} id used in reports, exports and schedules; lower-case letters, digits, "-" and "_".`);

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const cron = z
  .string()
  .superRefine((value, ctx) => {
    const fields = value.trim().split(/\s+/).length;
    if (!value.trim().startsWith('@') && fields !== 5) {
      // cron-parser also takes a leading seconds field: "*/5 * * * * *" would crawl every five seconds.
      ctx.addIssue({
        code: 'custom',
        message: `not a valid cron expression: it has ${fields} fields, a schedule has five ("minute hour day-of-month month day-of-week"), e.g. "0 6 * * *" for 06:00 daily`,
      });
      return;
    }
    try {
      CronExpressionParser.parse(value);
    } catch (err) {
      ctx.addIssue({
        code: 'custom',
        message: `not a valid cron expression (${(err as Error).message}); e.g. "0 6 * * *" for 06:00 daily`,
      });
    }
  })
  .describe('When to crawl, as a cron expression ("minute hour day-of-month month day-of-week"), e.g. "0 6 * * *" daily at 06:00.');

const timezone = z
  .string()
  .refine(isValidTimeZone, { message: 'not a known IANA time zone (e.g. "Europe/Berlin", "UTC")' })
  .describe('IANA time zone the cron schedule is read in, e.g. "Europe/Berlin". Defaults to UTC.');

const httpUrl = z.string().refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), { message: 'must be an absolute http(s) URL' });

/** A CSS-selector recipe for sites whose reviews no generic strategy finds. */
export const RecipeSchema = z
  .strictObject({
    container: selector().describe('CSS selector matching one element per review.'),
    author: selector(0).optional().describe('Selector, inside the container, of the author name.'),
    authorLink: selector(0)
      .optional()
      .describe("Selector of the link to the author's profile page (its href is followed when profiles are on)."),
    location: selector(0).optional().describe("Selector of the author's location shown beside the review."),
    rating: z
      .strictObject({
        selector: selector().describe('Selector of the rating element.'),
        attribute: z
          .string()
          .optional()
          .describe('Attribute holding the rating instead of the text, e.g. "data-rating", "aria-label" or "class".'),
        scale: z
          .number()
          .positive()
          .max(100)
          .default(5)
          .describe('Best value on the rating scale (5 for five stars, 10 for ten-point scores).'),
        mode: z
          .enum(['value', 'count'])
          .default('value')
          .describe('"value" reads a number from the text or attribute; "count" counts the matched elements (one per filled star).'),
      })
      .optional()
      .describe('How to read the star or score rating.'),
    title: selector(0).optional().describe('Selector of the review title.'),
    body: selector().describe('Selector of the review text.'),
    date: z
      .strictObject({
        selector: selector().describe('Selector of the date element.'),
        attribute: z.string().optional().describe('Attribute holding the date, e.g. "datetime".'),
        format: z.string().optional().describe('Date format such as "DD.MM.YYYY" or "MMMM D, YYYY"; ISO dates are always understood.'),
        locale: z.string().optional().describe('Locale of month names in the date, e.g. "de" or "ru".'),
      })
      .optional()
      .describe('How to read the publication date.'),
    nextPage: selector(0).optional().describe('Selector of the next-page link.'),
    loadMore: z.string().optional().describe('Selector of a "load more" button; clicked in browser crawls.'),
  })
  .describe('CSS-selector extraction recipe; only needed where JSON-LD, microdata, embedded JSON and automatic detection find nothing.');

/** Most pages one crawl of a source may fetch (kept in domain/limits.ts, which the CLI reads without loading zod). */
export { MAX_PAGES };

/** One place reviews or mentions are crawled from. */
export const SourceSchema = z
  .strictObject({
    id: id('source'),
    kind: z
      .enum(['reviews', 'mentions'])
      .default('reviews')
      .describe('"reviews": product review pages; "mentions": feeds and discussion threads that mention brands.'),
    urls: z.array(httpUrl).min(1).describe('Start URLs: review pages, product pages, feeds or threads. Pagination is followed from each.'),
    render: z
      .enum(['static', 'browser', 'auto'])
      .default('auto')
      .describe(
        '"static" fetches HTML (fast); "browser" renders pages in Chromium (for reviews drawn by JavaScript); "auto" falls back to the browser when a page looks like it holds reviews but static extraction finds none.',
      ),
    recipe: RecipeSchema.optional(),
    schedule: cron.optional(),
    timezone: timezone.optional(),
    paused: z
      .boolean()
      .optional()
      .describe('Schedule paused: the cron schedule is kept but fires no crawl until resumed (run now still works).'),
    maxPages: z
      .number()
      .int()
      .positive()
      .max(MAX_PAGES)
      .default(50)
      .describe('Most pages to fetch per crawl of this source (pagination included).'),
    profiles: z
      .boolean()
      .default(false)
      .describe("Visit each reviewer's profile page once to record location, review count and other reviews."),
    robots: z
      .enum(['respect', 'ignore'])
      .default('respect')
      .describe('Honour robots.txt (default). "ignore" must be set explicitly, per source, and only where you have permission.'),
    topReviewsOnly: z
      .boolean()
      .default(false)
      .describe('Mark the source as showing only a selection ("top") of its reviews; reports carry a caveat.'),
  })
  .describe('A source: URL list, what it holds and how to fetch it.');

/** A product and where its reviews live. */
export const ProductSchema = z
  .strictObject({
    id: id('product'),
    name: z.string().min(1).describe('Product name as shown in reports.'),
    aliases: z.array(z.string().min(1)).default([]).describe('Other names customers use for the product; used to link mentions to it.'),
    sources: z.array(SourceSchema).default([]).describe('Where this product is reviewed.'),
  })
  .describe('A product of a brand.');

/** A brand: the user's own or a competitor. */
export const BrandSchema = z
  .strictObject({
    id: id('brand'),
    name: z.string().min(1).describe('Brand name as shown in reports.'),
    own: z.boolean().default(false).describe('true for your own brand, false for a competitor.'),
    aliases: z.array(z.string().min(1)).default([]).describe('Other names and spellings; used to link mentions and detect comparisons.'),
    products: z.array(ProductSchema).default([]).describe('Products of the brand.'),
    sources: z.array(SourceSchema).default([]).describe('Sources about the brand as a whole (store reviews, brand forums).'),
  })
  .describe('A brand to listen to.');

/** The whole project file. */
export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editors.'),
    project: z.string().min(1).default('radar').describe('Project name; titles reports and namespaces schedules.'),
    brands: z.array(BrandSchema).min(1, 'list at least one brand').describe('Your brand and its competitors.'),
    sources: z
      .array(SourceSchema)
      .default([])
      .describe('Sources not tied to one brand, such as social feeds; their items are linked to the brands and products they name.'),
    storage: z
      .strictObject({
        mongodbUri: z
          .string()
          .optional()
          .describe('MongoDB connection string. Overridden by RADAR_MONGODB_URI. Without either, the embedded store is used.'),
        database: z.string().default('radar').describe('MongoDB database name.'),
        path: z.string().default('.radar').describe('Folder of the embedded store, relative to the working directory.'),
        timeoutSecs: z
          .number()
          .positive()
          .max(3600)
          .default(60)
          .describe(
            'MongoDB only: how long one reply of the server (or a free connection to it) may take, in seconds; past it the command fails naming the server instead of waiting forever.',
          ),
      })
      .prefault({})
      .describe('Where documents, analyses and reports are stored.'),
    queue: z
      .strictObject({
        redisUrl: z.string().optional().describe('Redis URL for scheduled and distributed jobs. Overridden by RADAR_REDIS_URL.'),
        prefix: z.string().default('radar').describe('Key prefix of the BullMQ queues in Redis.'),
      })
      .prefault({})
      .describe('Job queue connection (service mode only).'),
    crawl: z
      .strictObject({
        concurrency: z.number().int().positive().max(100).default(8).describe('Most pages fetched at once overall.'),
        perDomainConcurrency: z.number().int().positive().max(32).default(2).describe('Most pages fetched at once from one host.'),
        delayMs: z
          .number()
          .int()
          .nonnegative()
          .max(3_600_000)
          .default(0)
          .describe('Pause between two requests to the same host, in milliseconds (an hour at most).'),
        timeoutSecs: z.number().positive().max(600).default(30).describe('Timeout of one page fetch, in seconds.'),
        maxRetries: z.number().int().nonnegative().max(10).default(3).describe('Retries of a failed page, with backoff.'),
        maxPageBytes: z
          .number()
          .int()
          .positive()
          .max(256 * 1024 * 1024)
          .default(10 * 1024 * 1024)
          .describe('Pages larger than this are recorded as failed, not parsed (256 MB at most).'),
        userAgent: z
          .string()
          .default('ReviewRadar/0.1 (+https://github.com/review-radar/review-radar)')
          .describe('User-Agent sent with every request, and the agent matched in robots.txt.'),
        chromiumPath: z
          .string()
          .optional()
          .describe('Chromium executable for browser crawls. Overridden by RADAR_CHROMIUM_PATH; default /usr/bin/chromium.'),
        allowPrivateNetworks: z
          .boolean()
          .default(false)
          .describe(
            'Let crawls reach link-local addresses, cloud metadata endpoints, and private or loopback addresses that a page redirects or links to (intranets). Off: only the loopback or private hosts a source names itself are reached. Overridden by RADAR_ALLOW_PRIVATE_NETWORKS=1.',
          ),
      })
      .prefault({})
      .describe('Crawler behaviour shared by all sources.'),
    privacy: z
      .strictObject({
        storeAuthorNames: z
          .boolean()
          .default(false)
          .describe('Store and show reviewer display names. Off: only pseudonymous keys are kept.'),
        authorSalt: z
          .string()
          .optional()
          .describe(
            'Secret salt of the pseudonymous author keys. Overridden by RADAR_AUTHOR_SALT. Keep it stable: changing it changes every key.',
          ),
        redactPII: z.boolean().default(true).describe('Replace e-mail addresses and phone numbers in stored text and quotes.'),
        retentionDays: z
          .number()
          .int()
          .positive()
          .max(36_500)
          .optional()
          .describe('Delete documents this many days after they were first stored (a hundred years at most). Unset: keep them.'),
      })
      .prefault({})
      .describe('How the people whose words are analysed are protected.'),
    analysis: z
      .strictObject({
        aspects: z
          .record(z.string().regex(ID, 'aspect category must be a lower-case id'), z.array(z.string().min(1)).min(1))
          .optional()
          .describe(
            'Aspect taxonomy: category → terms in any of English, Russian, Chinese and Persian, e.g. { price: [price, cost, цена, 价格, قیمت] }; each term counts in the language its script says. Added to the built-in taxonomy (a term listed here moves to this category).',
          ),
        domains: z
          .array(z.enum(ASPECT_DOMAIN_IDS))
          .optional()
          .describe(
            `Built-in domain taxonomies used beside the general categories (price, quality, delivery, service, staff, size, fit, cleanliness, location…): any of ${ASPECT_DOMAIN_IDS.join(', ')}. Default: all of them; list only your market's to keep, say, "bar" or "room" from counting as aspects elsewhere.`,
          ),
        maxTextChars: z
          .number()
          .int()
          .min(100)
          .max(10_000_000)
          .default(DEFAULT_MAX_TEXT_CHARS)
          .describe(
            'Longest text analysed, in characters. Longer texts (a pasted book, a 50 MB line) are cut near this length and flagged `signals.truncated` in the analysis; `radar score --max-chars` overrides it.',
          ),
      })
      .prefault({})
      .describe('Analyzer settings.'),
    report: z
      .strictObject({
        outDir: z.string().default('radar-report').describe('Folder the report is written to.'),
        formats: z
          .array(z.enum(['html', 'md', 'json', 'csv', 'pdf']))
          .default(['html', 'md', 'json'])
          .describe('Formats written by `radar report`.'),
        minPersonaSize: z
          .number()
          .int()
          .positive()
          .max(1_000_000)
          .default(5)
          .describe('Smallest number of members a persona needs to be reported.'),
        minPersonaShare: z.number().min(0).max(1).default(0.03).describe('Smallest share of members a persona needs to be reported.'),
        maxPersonas: z.number().int().min(2).max(20).default(8).describe('Most personas to look for.'),
        language: z
          .enum(['en', 'ru', 'zh', 'fa'])
          .default('en')
          .describe(
            'Language the report is written in: headings, persona labels, marketing rules, chart labels and number and date formats (en, ru, zh, fa; Persian reads right to left). Quotes stay in the language they were written in.',
          ),
      })
      .prefault({})
      .describe('Report settings.'),
    alerts: AlertsSchema,
  })
  .describe('Review Radar project file (radar.yaml).');

/** A validated project configuration. */
export type RadarConfig = z.infer<typeof ConfigSchema>;
/** A validated source. */
export type SourceConfig = z.infer<typeof SourceSchema>;
/** A validated brand. */
export type BrandConfig = z.infer<typeof BrandSchema>;
/** A validated product. */
export type ProductConfig = z.infer<typeof ProductSchema>;
/** A validated recipe. */
export type RecipeConfig = z.infer<typeof RecipeSchema>;
