/**
 * `radar demo`: start the bundled demo shop on a loopback port, crawl it, analyse, and write the
 * report — the whole job on one machine with no services. `--serve` only serves the shop.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandSpec } from '../command.js';
import { say, withWritableStore } from '../context.js';
import { UsageError } from '../../domain/errors.js';
import { DEMO_PORT } from './init.js';
import type { Store } from '../../storage/store.js';

async function serve(port: number, ctx: Parameters<CommandSpec['run']>[2]): Promise<number> {
  const { startDemoShop } = await import('../../demo/shop.js');
  const shop = await startDemoShop({ port });
  say(ctx, `demo shop serving at ${shop.url} — press Ctrl-C to stop`);
  ctx.stdout.write(`${shop.url}\n`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await shop.close();
  say(ctx, 'demo shop stopped');
  return 0;
}

/**
 * Keeps the demo's project in the store, so `radar serve` after `radar demo` shows it (and its
 * sources point where `radar demo --serve` serves the shop) — unless the store holds a project
 * already: a demo never replaces the user's own. It stands in only while there is no radar.yaml.
 */
async function keepDemoProject(store: Store): Promise<void> {
  const { readStoredConfig, saveStoredConfig, DEMO_SAVER } = await import('../../pipeline/project-config.js');
  if (await readStoredConfig(store)) return;
  const { starterConfigYaml } = await import('../../demo/starter-config.js');
  await saveStoredConfig(store, starterConfigYaml(`http://127.0.0.1:${DEMO_PORT}`), { savedBy: DEMO_SAVER });
}

export const demo: CommandSpec = {
  name: 'demo',
  summary: 'crawl, analyse and report on the bundled demo shop (or --serve it)',
  help: `
Examples:
  radar demo                 # crawl + analyse + report into ./radar-report
  radar demo --serve         # only serve the shop on http://127.0.0.1:${DEMO_PORT} (for radar init + crawl)`,
  options: [
    { flags: '--serve', description: 'only serve the demo shop until stopped' },
    { flags: '--port <n>', description: `port for --serve (default ${DEMO_PORT})` },
    { flags: '--out <dir>', description: 'report folder', default: 'radar-report' },
    { flags: '--alert-webhook <url>', description: 'also run the example alert rules, posting to this receiver on this machine' },
  ],
  async run(_args, options, ctx) {
    const port = options.port !== undefined ? Number(options.port) : DEMO_PORT;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${String(options.port)}: not a port number`);
    if (options.serve) return serve(port, ctx);

    const started = Date.now();
    const { startDemoShop } = await import('../../demo/shop.js');
    const { starterConfigYaml, isLoopbackUrl } = await import('../../demo/starter-config.js');
    const alertWebhook = options.alertWebhook as string | undefined;
    if (alertWebhook !== undefined && !isLoopbackUrl(alertWebhook))
      throw new UsageError(
        `--alert-webhook ${alertWebhook}: the demo posts alerts only to a receiver on this machine, e.g. http://127.0.0.1:8787/hook`,
      );
    const { parseConfig, applyEnv, listSources } = await import('../../config/load.js');
    const { chromiumPath } = await import('../../config/chromium.js');
    // On its usual port when free, so the links stored with the reviews still open under radar demo --serve.
    const shop = await startDemoShop({ port: DEMO_PORT }).catch(() => startDemoShop({ port: 0 }));
    try {
      const parsed = parseConfig(starterConfigYaml(shop.url, { alertWebhook }), 'demo config');
      if ('errors' in parsed) throw new Error(`the bundled demo config is invalid:\n${parsed.errors.join('\n')}`);
      const config = applyEnv(parsed.config);
      config.report.outDir = String(options.out);
      const { crawlSource } = await import('../../pipeline/crawl.js');
      const { analyzeStore } = await import('../../pipeline/analyze.js');
      const { reportProject } = await import('../../pipeline/report.js');
      const { resolveSalt } = await import('../../pipeline/salt.js');
      const browserOk = existsSync(chromiumPath(config.crawl));
      const result = await withWritableStore(ctx, config, async (store) => {
        say(ctx, `demo shop at ${shop.url}; store: ${store.kind} (${store.location})`);
        const salt = await resolveSalt(config, store);
        await keepDemoProject(store);
        for (const target of listSources(config)) {
          if (target.source.render === 'browser' && !browserOk) {
            say(
              ctx,
              `skipping ${target.source.id}: it needs Chromium at ${chromiumPath(config.crawl)} (apt-get install -y chromium, or set RADAR_CHROMIUM_PATH)`,
            );
            continue;
          }
          const run = await crawlSource(config, store, salt, target, { incremental: false });
          say(
            ctx,
            `crawled ${target.source.id}: ${run.stats.pagesFetched} pages, ${run.stats.documentsFound} documents (${run.stats.documentsNew} new)`,
          );
        }
        const analysis = await analyzeStore(config, store);
        say(ctx, `analysed ${analysis.analyzed} documents (${analysis.current} already current)`);
        return reportProject(config, store, { formats: ['html', 'md', 'json'] });
      });
      const index = resolve(result.outDir, 'index.html');
      say(ctx, `done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.documents} documents, ${result.personas} personas`);
      ctx.stdout.write(`report: ${index}\n`);
      say(ctx, `explore it in the web app: radar serve (then open the address it prints); or radar report, radar export, radar runs`);
      return 0;
    } finally {
      await shop.close();
    }
  },
};
