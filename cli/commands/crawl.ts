/**
 * `radar crawl`: crawl the configured sources into the store, or preview extraction on any URL
 * with `--url URL --dry-run --json` (no config, no store needed).
 */
import type { CommandSpec } from '../command.js';
import { loadProject, say, wholeNumber, withWritableStore, type CliContext } from '../context.js';
import { UsageError } from '../../domain/errors.js';
import type { ResolvedSource } from '../../config/load.js';
import type { RadarConfig, SourceConfig } from '../../config/schema.js';
import { MAX_PAGES } from '../../domain/limits.js';

function adhocSource(urls: string[], options: Record<string, unknown>): SourceConfig {
  for (const u of urls) {
    if (!/^https?:\/\//i.test(u) || !URL.canParse(u)) throw new UsageError(`--url ${u}: not an absolute http(s) URL`);
  }
  const host = new URL(urls[0]!).host.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  return {
    id: `adhoc-${host}`,
    kind: (options.kind as 'reviews' | 'mentions') ?? 'reviews',
    urls,
    render: (options.render as SourceConfig['render']) ?? 'auto',
    maxPages: options.maxPages === undefined ? (options.dryRun ? 1 : 50) : wholeNumber(options.maxPages, '--max-pages', 1, MAX_PAGES),
    profiles: false,
    robots: options.ignoreRobots ? 'ignore' : 'respect',
    topReviewsOnly: false,
  };
}

async function dryRun(ctx: CliContext, config: RadarConfig, targets: ResolvedSource[], options: Record<string, unknown>): Promise<number> {
  const { previewSource } = await import('../../pipeline/preview.js');
  const explain = options.explain ? (await import('./crawl-explain.js')).explainPage : undefined;
  let count = 0;
  let failures = 0;
  for (const target of targets) {
    const outcome = await previewSource(config, target, {
      render: options.render as SourceConfig['render'] | undefined,
      onPage: (page) => {
        count += page.documents.length;
        if (options.json)
          for (const doc of page.documents) ctx.stdout.write(`${JSON.stringify({ ...doc, strategies: page.strategies })}\n`);
        if (explain) {
          // With --json, stdout stays JSON lines: the explanation goes to stderr.
          const text = `${explain(page.loadedUrl, page.extracted, page.documents.length).join('\n')}\n`;
          (options.json ? ctx.stderr : ctx.stdout).write(text);
        } else if (!options.json)
          say(ctx, `${page.url}: ${page.documents.length} documents (${page.strategies.join(', ') || 'nothing found'})`);
      },
    });
    failures += outcome.pagesFailed + outcome.pagesBlocked;
    for (const e of outcome.errors) say(ctx, `  ${e.url}: ${e.message}`);
    if (outcome.pagesSkipped) say(ctx, `  ${outcome.pagesSkipped} pages skipped (robots.txt or --max-pages)`);
  }
  say(ctx, `${count} documents extracted (dry run: nothing stored)`);
  return failures > 0 && count === 0 ? 1 : 0;
}

export const crawl: CommandSpec = {
  name: 'crawl',
  summary: 'crawl configured sources into the store, or preview extraction on a URL',
  help: `
Examples:
  radar crawl                                   # every source in radar.yaml
  radar crawl --source acme-kettle              # one source
  radar crawl --url https://example.com/p/1 --dry-run --json   # preview, no config needed
  radar crawl --url https://example.com/p/1 --dry-run --explain   # why each item was (not) taken`,
  options: [
    { flags: '--source <id...>', description: 'crawl only these source ids' },
    { flags: '--url <url...>', description: 'crawl these URLs instead of the configured sources' },
    { flags: '--kind <kind>', description: 'with --url: what the pages hold', choices: ['reviews', 'mentions'] },
    { flags: '--brand <id>', description: 'with --url: the brand the pages are about' },
    { flags: '--render <mode>', description: 'override how pages are fetched', choices: ['static', 'browser', 'auto'] },
    { flags: '--max-pages <n>', description: 'with --url: most pages to follow (default 1 for --dry-run, else 50)' },
    { flags: '--dry-run', description: 'extract and print, store nothing' },
    { flags: '--json', description: 'print documents (dry run) or run records as JSON lines on stdout' },
    {
      flags: '--explain',
      description: 'with --dry-run: per page what each strategy found and why, per item its strategy and CSS or JSON path',
    },
    { flags: '--full', description: 'page through everything even when pages hold only stored reviews' },
    { flags: '--ignore-robots', description: 'with --url: do not honour robots.txt (only where you have permission)' },
  ],
  async run(_args, options, ctx) {
    const urls = options.url as string[] | undefined;
    if (options.explain && !options.dryRun) throw new UsageError('--explain shows what a preview found: use it with --dry-run');
    const { ConfigSchema } = await import('../../config/schema.js');
    let config: RadarConfig;
    if (urls && options.dryRun && !ctx.configPath) {
      config = ConfigSchema.parse({ brands: [{ id: 'adhoc', name: 'adhoc' }] });
      const { applyEnv } = await import('../../config/load.js');
      config = applyEnv(config);
    } else {
      config = (await loadProject(ctx)).config;
    }
    const { listSources } = await import('../../config/load.js');
    let targets: ResolvedSource[];
    if (urls) {
      // Without a project there are no brands to link mentions to: keep every item under "adhoc".
      const brand =
        (options.brand as string | undefined) ?? (config.brands.length === 1 && config.brands[0]!.id === 'adhoc' ? 'adhoc' : undefined);
      if (brand && brand !== 'adhoc' && !config.brands.some((b) => b.id === brand))
        throw new UsageError(`--brand ${brand}: no such brand in radar.yaml`);
      targets = [{ source: adhocSource(urls, options), brand }];
    } else {
      targets = listSources(config);
      const wanted = options.source as string[] | undefined;
      if (wanted) {
        const unknown = wanted.filter((id) => !targets.some((t) => t.source.id === id));
        if (unknown.length)
          throw new UsageError(`unknown source id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (see radar.yaml)`);
        targets = targets.filter((t) => wanted.includes(t.source.id));
      }
      if (!targets.length) throw new UsageError('no sources configured: add sources to radar.yaml, or use --url');
    }
    if (options.dryRun) return dryRun(ctx, config, targets, options);

    const { crawlSource } = await import('../../pipeline/crawl.js');
    const { resolveSalt } = await import('../../pipeline/salt.js');
    return withWritableStore(ctx, config, async (store) => {
      const salt = await resolveSalt(config, store);
      let failed = 0;
      for (const target of targets) {
        const run = await crawlSource(config, store, salt, target, {
          incremental: !options.full,
          // The embedded store is one process's: a run of this source still "running" was cut off.
          closeStaleRuns: store.kind === 'embedded',
          render: options.render as SourceConfig['render'] | undefined,
        });
        if (options.json) ctx.stdout.write(`${JSON.stringify(run)}\n`);
        const s = run.stats;
        say(
          ctx,
          `${target.source.id}: ${s.pagesFetched} pages, ${s.documentsFound} documents (${s.documentsNew} new, ${s.documentsUpdated} updated)${s.pagesFailed + s.pagesBlocked ? `, ${s.pagesFailed} failed, ${s.pagesBlocked} blocked` : ''}${s.pagesSkipped ? `, ${s.pagesSkipped} not fetched` : ''} — ${run.status}`,
        );
        if (s.pagesFetched > 0 && s.documentsFound === 0)
          say(
            ctx,
            `  no reviews found on its pages: preview one with radar crawl --url URL --dry-run, and add a recipe (CSS selectors) if the site needs one`,
          );
        for (const e of run.errors.slice(0, 5)) say(ctx, `  ${e.url}: ${e.message}`);
        if (run.status === 'failed') failed++;
      }
      // A failed crawl exits 1 and stops `radar crawl && radar analyze && radar report`: the
      // source-health rules speak up here rather than wait for a report that may not come.
      const { runSourceHealthAlerts } = await import('../../alerts/run-alerts.js');
      const { stageLogger } = await import('../../log/logger.js');
      const alerted = await runSourceHealthAlerts(config, store, stageLogger('alerts'));
      if (alerted?.delivery.sent)
        say(
          ctx,
          `alerts: ${alerted.delivery.sent} source-health message${alerted.delivery.sent === 1 ? '' : 's'} sent (radar alerts list)`,
        );
      return failed > 0 ? 1 : 0;
    });
  },
};
